// One pass over a chunk finds which keywords occur (Aho-Corasick over lower-cased text),
// so only the rules whose keywords occurred run their regexes.

export interface KeywordHit {
  /** Index into the keyword list given to the constructor. */
  keyword: number;
  /** Offset of the keyword's first character in the text. */
  start: number;
}

export class KeywordMatcher {
  // Trie as flat arrays; transitions in a Map per state (keywords are mostly ASCII).
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Keyword indices ending at each state (including via fail links). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];
  /** Dense ASCII transitions for the root and a goto table, computed after build. */
  private delta: Int32Array | undefined;

  constructor(readonly keywords: readonly string[]) {
    this.lengths = keywords.map((k) => k.length);
    keywords.forEach((kw, i) => this.add(kw.toLowerCase(), i));
    this.link();
  }

  private add(word: string, index: number): void {
    let s = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let t = this.next[s]!.get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[s]!.set(c, t);
      }
      s = t;
    }
    this.out[s]!.push(index);
  }

  private link(): void {
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const ft = this.next[f]!.get(c);
        this.fail[t] = ft !== undefined && ft !== t ? ft : 0;
        this.out[t] = [...this.out[t]!, ...this.out[this.fail[t]!]!];
        queue.push(t);
      }
    }
    // Full DFA over ASCII (128 columns): no fail-link walking in the hot loop.
    const n = this.next.length;
    const delta = new Int32Array(n * 128);
    for (const s of [0, ...queue]) {
      for (let c = 0; c < 128; c++) {
        const t = this.next[s]!.get(c);
        if (t !== undefined) delta[s * 128 + c] = t;
        else delta[s * 128 + c] = s === 0 ? 0 : delta[this.fail[s]! * 128 + c]!;
      }
    }
    this.delta = delta;
  }

  /** Which keywords occur in `text` (case-insensitive for ASCII). Returns a boolean per keyword. */
  present(text: string): Uint8Array {
    const seen = new Uint8Array(this.keywords.length);
    this.scan(text, (k) => {
      seen[k] = 1;
    });
    return seen;
  }

  /** Every keyword occurrence, in text order. */
  hits(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    this.scan(text, (k, end) => hits.push({ keyword: k, start: end - this.lengths[k]! + 1 }));
    return hits;
  }

  private scan(text: string, emit: (keyword: number, endIndex: number) => void): void {
    const delta = this.delta!;
    const out = this.out;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32; // ASCII lower-case
      else if (c >= 128) {
        s = 0; // keywords are ASCII: a non-ASCII char breaks any match
        continue;
      }
      s = delta[s * 128 + c]!;
      const o = out[s]!;
      if (o.length !== 0) for (let j = 0; j < o.length; j++) emit(o[j]!, i);
    }
  }
}
