// One pass over a chunk finds which keywords occur (Aho-Corasick over ASCII, case-insensitive),
// so only the rules whose keywords occurred run their regexes.
// The automaton is a flat DFA over a compressed alphabet (only characters that occur in some
// keyword get a column; every other character leads back to the root), built with typed arrays:
// it is rebuilt at every start, so construction time is part of the pre-commit budget.

export interface KeywordHit {
  /** Index into the keyword list given to the constructor. */
  keyword: number;
  /** Offset of the keyword's first character in the text. */
  start: number;
}

export class KeywordMatcher {
  /** Character (lower-cased ASCII) -> alphabet column; 0 = in no keyword. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** Keywords ending at each state, following fail links (outputs[outStart[s] .. outStart[s+1])). */
  private readonly outStart: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: Int32Array;

  constructor(readonly keywords: readonly string[]) {
    const words = keywords.map((k) => k.toLowerCase());
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (c < 128 && this.column[c] === 0) this.column[c] = 1; // mark; numbered below
      }
    }
    let width = 1;
    for (let c = 0; c < 128; c++) if (this.column[c]) this.column[c] = width++;
    // Upper-case letters share their lower-case column.
    for (let c = 65; c <= 90; c++) this.column[c] = this.column[c + 32]!;
    this.width = width;
    this.lengths = Int32Array.from(words, (w) => w.length);

    // Trie in a growable Int32Array (-1 = no edge).
    const maxStates = 1 + words.reduce((n, w) => n + w.length, 0);
    const trie = new Int32Array(maxStates * width).fill(-1);
    const own: number[][] = [[]];
    let states = 1;
    words.forEach((w, index) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        const col = c < 128 ? this.column[c]! : 0;
        if (col === 0) {
          s = -1; // a non-ASCII keyword can never match: keep it out of the automaton
          break;
        }
        let t = trie[s * width + col]!;
        if (t === -1) {
          t = states++;
          trie[s * width + col] = t;
          own.push([]);
        }
        s = t;
      }
      if (s > 0) own[s]!.push(index);
    });

    // Breadth-first: fail links and the full transition table.
    const delta = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const order: number[] = [0];
    for (let col = 1; col < width; col++) {
      const t = trie[col]!;
      if (t !== -1) {
        delta[col] = t;
        order.push(t);
      }
    }
    for (let qi = 1; qi < order.length; qi++) {
      const s = order[qi]!;
      const f = fail[s]!;
      for (let col = 1; col < width; col++) {
        const t = trie[s * width + col]!;
        if (t !== -1) {
          fail[t] = delta[f * width + col]!;
          delta[s * width + col] = t;
          order.push(t);
        } else {
          delta[s * width + col] = delta[f * width + col]!;
        }
      }
    }
    // Outputs per state: its own keywords plus those of its fail chain (BFS order: fail first).
    const outs: number[][] = new Array(states);
    outs[0] = [];
    for (let qi = 1; qi < order.length; qi++) {
      const s = order[qi]!;
      const inherited = outs[fail[s]!]!;
      outs[s] = inherited.length ? [...own[s]!, ...inherited] : own[s]!;
    }
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = total;
      total += outs[s]!.length;
    }
    this.outStart[states] = total;
    this.outputs = new Int32Array(total);
    for (let s = 0, k = 0; s < states; s++) for (const o of outs[s]!) this.outputs[k++] = o;
    // The scan loop's dependency chain is one load per character: entries hold the next state's
    // row offset (state * width), bit-inverted (negative) when that state ends a keyword.
    for (let i = 0; i < delta.length; i++) {
      const t = delta[i]!;
      delta[i] = outs[t]!.length > 0 ? ~(t * width) : t * width;
    }
    this.delta = delta;
  }

  /** Which keywords occur in `text`. Returns a flag per keyword. */
  present(text: string): Uint8Array {
    const seen = new Uint8Array(this.keywords.length);
    this.scan(text, (keyword) => {
      seen[keyword] = 1;
    });
    return seen;
  }

  /** Every keyword occurrence, in text order. */
  hits(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    this.scan(text, (keyword, start) => hits.push({ keyword, start }));
    return hits;
  }

  /** Calls `onHit` for every keyword occurrence, in text order, without allocating per hit. */
  scan(text: string, onHit: (keyword: number, start: number) => void): void {
    const { delta, column, width, outStart, outputs, lengths } = this;
    const n = text.length;
    let row = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let next = c < 128 ? delta[row + column[c]!]! : 0; // keywords are ASCII: anything else resets
      if (next < 0) {
        next = ~next;
        const state = next / width;
        for (let k = outStart[state]!, b = outStart[state + 1]!; k < b; k++) {
          const kw = outputs[k]!;
          onHit(kw, i - lengths[kw]! + 1);
        }
      }
      row = next;
    }
  }
}
