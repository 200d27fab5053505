// Credentials in a table: a CSV/TSV file or a Markdown table whose header names a secret column
// (`password`, `api_key`, `Client Secret`) holds one secret per row in that column, with no name
// beside the value for the generic detector to read. The header's name is judged as an
// assignment's name, each cell of the column as a literal assigned to it.
//
// CSV: a single linear pass in the manner of RFC 4180 (quoted cells may hold the delimiter,
// doubled quotes and line breaks), keeping only the offsets of the columns that matter.
// Markdown: GitHub-flavoured tables, a header row, a `|---|` delimiter row, then rows.
import { judgeContextValue } from './generic.js';
import type { DetectorHit } from './registry.js';
import { classifyName, type SecretKind } from './secret-names.js';

const DELIMITERS = [',', '\t', ';', '|'] as const;

export interface Column {
  index: number;
  name: string;
  kind: SecretKind;
}

/** The column of a header cell when its name says secret; a bare `key` (a lookup key) does not. */
export function secretColumn(name: string, index: number): Column | undefined {
  if (name.length === 0 || name.length > 60) return undefined;
  const cls = classifyName(name.replace(/\s+/g, '_'));
  return cls && !cls.weak ? { index, name, kind: cls.kind } : undefined;
}

export function judgeCell(text: string, a: number, b: number, col: Column, hits: DetectorHit[]): void {
  const value = text.slice(a, b);
  if (value.includes('"')) return;
  const verdict = judgeContextValue(value, col.kind);
  if (!verdict) return;
  hits.push({ start: a, end: b, notes: [`column "${col.name}"`], ...(verdict.placeholder ? { dropped: 'placeholder' as const } : {}) });
}

export function findCsvSecrets(text: string): DetectorHit[] {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Excel's `sep=;` line names the delimiter before the header.
  const sep = /^sep=(.)\r?\n/.exec(text.slice(start, start + 8));
  const headerEnd = lineEnd(text, start + (sep ? sep[0].length : 0));
  const headerStart = start + (sep ? sep[0].length : 0);
  const delimiter = sep ? sep[1]! : pickDelimiter(text.slice(headerStart, headerEnd));
  if (delimiter === undefined) return [];
  const header = cells(text, headerStart, delimiter).cells;
  const columns: Column[] = [];
  header.forEach(([a, b], index) => {
    const col = b <= headerEnd ? secretColumn(text.slice(a, b).trim(), index) : undefined;
    if (col) columns.push(col);
  });
  if (columns.length === 0) return [];
  const width = header.length;

  const hits: DetectorHit[] = [];
  start = nextLine(text, headerEnd);
  while (start < text.length) {
    const row = cells(text, start, delimiter);
    // A row of another width is a parse we cannot trust (a stray quote, a footer).
    if (row.cells.length === width) {
      for (const col of columns) {
        const [a, b] = row.cells[col.index]!;
        judgeCell(text, a, b, col, hits);
      }
    }
    start = row.next;
  }
  return hits;
}

function pickDelimiter(header: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** The cells of the row at `from` (offsets of their content, quotes excluded) and where the next row starts. */
function cells(text: string, from: number, delimiter: string): { cells: Array<[number, number]>; next: number } {
  const out: Array<[number, number]> = [];
  let p = from;
  for (;;) {
    if (text[p] === '"') {
      const a = p + 1;
      let i = a;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      out.push([a, i]);
      p = i + 1;
    } else {
      const a = p;
      while (p < text.length && text[p] !== delimiter && text[p] !== '\n' && text[p] !== '\r') p++;
      out.push([a, p]);
    }
    if (text[p] === delimiter) {
      p++;
      continue;
    }
    // Anything after a closing quote up to the delimiter or the line's end is malformed; skip it.
    while (p < text.length && text[p] !== delimiter && text[p] !== '\n') p++;
    if (text[p] === delimiter) {
      p++;
      continue;
    }
    return { cells: out, next: p < text.length ? p + 1 : p };
  }
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  const end = n < 0 ? text.length : n;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, end: number): number {
  if (text[end] === '\r') end++;
  return text[end] === '\n' ? end + 1 : end;
}

// A Markdown delimiter row: `|---|:-:|`, pipes at the ends optional; it must have a pipe and as
// many cells as the header (a lone `---` is a rule or front matter).
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Tables of a Markdown document: each header row names the columns of the rows below it. */
export function findMarkdownTableSecrets(text: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  if (!text.includes('|')) return hits;
  let columns: Column[] = [];
  let width = 0;
  let prev: { start: number; end: number } | undefined;
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (columns.length > 0 && line.includes('|')) {
      const row = mdCells(text, start, end);
      if (row.length === width) for (const col of columns) judgeCell(text, row[col.index]![0], row[col.index]![1], col, hits);
    } else if (prev && line.includes('|') && DELIMITER_ROW.test(line) && mdCells(text, start, end).length === mdCells(text, prev.start, prev.end).length) {
      const header = mdCells(text, prev.start, prev.end);
      width = header.length;
      columns = [];
      header.forEach(([a, b], index) => {
        const col = secretColumn(text.slice(a, b).replace(/[`*_]/g, ' ').trim(), index);
        if (col) columns.push(col);
      });
    } else columns = [];
    prev = line.includes('|') ? { start, end } : undefined;
    start = nextLine(text, end);
  }
  return hits;
}

/** Cell offsets of a Markdown table row, without the blanks and backticks around each value. */
function mdCells(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = start;
  while (a < end && (text[a] === ' ' || text[a] === '\t')) a++;
  if (text[a] === '|') a++;
  let b = end;
  while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
  if (text[b - 1] === '|' && text[b - 2] !== '\\') b--;
  let cell = a;
  for (let i = a; i <= b; i++) {
    if (i === b || (text[i] === '|' && text[i - 1] !== '\\')) {
      let x = cell;
      let y = i;
      while (x < y && (text[x] === ' ' || text[x] === '\t')) x++;
      while (y > x && (text[y - 1] === ' ' || text[y - 1] === '\t')) y--;
      if (y - x >= 2 && text[x] === '`' && text[y - 1] === '`') {
        x++;
        y--;
      }
      out.push([x, y]);
      cell = i + 1;
    }
  }
  return out;
}
