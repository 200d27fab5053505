/** Offset -> 1-based line/column, with the newline index built once per chunk and only if needed. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  private build(): number[] {
    const starts = [0];
    const t = this.text;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }

  /** 0-based line number and 0-based column of an offset. */
  locate(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - starts[lo]! };
  }

  /** The full text of the line(s) spanning [start, end), without line terminators. */
  linesAround(start: number, end: number): string {
    const t = this.text;
    const a = t.lastIndexOf('\n', start - 1) + 1;
    let b = t.indexOf('\n', Math.max(end - 1, start));
    if (b === -1) b = t.length;
    return t.slice(a, b).replace(/\r$/, '');
  }
}
