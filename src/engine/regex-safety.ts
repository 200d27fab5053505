// Static check of untrusted regexes (user rules, allowlists) for catastrophic backtracking.
// V8's backtracking engine takes exponential time when a repeated group can match the same text in
// many ways: `(a+)+$`, `(\w+\s?)*$`, `(a|aa)+b`. This finds those shapes before a scan starts.
// It is a heuristic: it does not see polynomial cases such as `\s*\s*$`; the worker watchdog
// (pool.ts) is the safety net for whatever passes here.

export interface BacktrackRisk {
  /** What is wrong, quoting the fragment. */
  message: string;
  fix: string;
  /** Offset of the outer quantified group in the pattern. */
  offset: number;
}

/** Characters an atom can match: ASCII as a bitmap, everything else as one bucket. */
class CharSet {
  constructor(
    readonly lo: number[] = [0, 0, 0, 0],
    public other = false,
  ) {}
  static of(codes: Iterable<number>): CharSet {
    const s = new CharSet();
    for (const c of codes) s.add(c);
    return s;
  }
  static any(): CharSet {
    return new CharSet([-1, -1, -1, -1], true);
  }
  add(c: number): void {
    if (c < 128) this.lo[c >> 5]! |= 1 << (c & 31);
    else this.other = true;
  }
  addRange(a: number, b: number): void {
    for (let c = a; c <= Math.min(b, 127); c++) this.add(c);
    if (b >= 128) this.other = true;
  }
  union(o: CharSet): CharSet {
    return new CharSet(this.lo.map((w, i) => w | o.lo[i]!), this.other || o.other);
  }
  complement(): CharSet {
    // Non-ASCII complements stay "some non-ASCII": a safe over-approximation.
    return new CharSet(this.lo.map((w) => ~w), true);
  }
  overlaps(o: CharSet): boolean {
    return this.lo.some((w, i) => (w & o.lo[i]!) !== 0) || (this.other && o.other);
  }
  folded(): CharSet {
    const s = new CharSet([...this.lo], this.other);
    for (let c = 65; c <= 90; c++) {
      const up = (this.lo[c >> 5]! >> (c & 31)) & 1;
      const low = (this.lo[(c + 32) >> 5]! >> ((c + 32) & 31)) & 1;
      if (up || low) {
        s.add(c);
        s.add(c + 32);
      }
    }
    return s;
  }
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const DIGIT = CharSet.of(range(48, 57));
const WORD = CharSet.of([...range(48, 57), ...range(65, 90), ...range(97, 122), 95]);
const SPACE = (() => {
  const s = CharSet.of([9, 10, 11, 12, 13, 32]);
  s.other = true;
  return s;
})();

type Node =
  | { t: 'set'; set: CharSet; at: number }
  | { t: 'empty'; at: number } // assertions and anchors: consume nothing
  | { t: 'look'; body: Node; at: number } // lookarounds: consume nothing, but backtrack inside
  | { t: 'seq'; items: Node[]; at: number }
  | { t: 'alt'; branches: Node[]; at: number }
  | { t: 'quant'; body: Node; min: number; max: number; at: number; end: number };

/** A lenient parser: the pattern has already compiled, so errors here are only approximations. */
class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Node {
    return this.alternation();
  }

  private alternation(): Node {
    const at = this.i;
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { t: 'alt', branches, at };
  }

  private sequence(): Node {
    const at = this.i;
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const start = this.i;
      let atom = this.atom();
      atom = this.quantifier(atom, start);
      items.push(atom);
    }
    return { t: 'seq', items, at };
  }

  private quantifier(atom: Node, start: number): Node {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return atom; // a literal `{`
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy: same backtracking, other order
    return { t: 'quant', body: atom, min, max, at: start, end: this.i };
  }

  private atom(): Node {
    const s = this.src;
    const at = this.i;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const body = this.alternation();
      if (s[this.i] === ')') this.i++;
      return look ? { t: 'look', body, at } : body;
    }
    if (c === '[') return this.cls();
    if (c === '.') {
      this.i++;
      return { t: 'set', set: CharSet.any(), at };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'empty', at };
    }
    if (c === '\\') return this.escape(false) as Node;
    this.i++;
    return this.lit(s.codePointAt(at)!, at);
  }

  private lit(code: number, at: number): Node {
    const set = CharSet.of([code]);
    return { t: 'set', set: this.fold ? set.folded() : set, at };
  }

  /** An escape; in a class, returns the set (or a code for ranges). */
  private escape(inClass: boolean): Node | CharSet | number {
    const s = this.src;
    const at = this.i;
    const c = s[this.i + 1] ?? '';
    this.i += 2;
    const set = (x: CharSet): Node | CharSet => (inClass ? x : { t: 'set', set: x, at });
    switch (c) {
      case 'd': return set(DIGIT);
      case 'D': return set(DIGIT.complement());
      case 'w': return set(WORD);
      case 'W': return set(WORD.complement());
      case 's': return set(SPACE);
      case 'S': return set(SPACE.complement());
      case 'b': case 'B':
        if (inClass) return 8;
        return { t: 'empty', at };
      case 'p': case 'P': {
        const close = s.indexOf('}', this.i);
        if (s[this.i] === '{' && close !== -1) this.i = close + 1;
        return set(CharSet.any());
      }
      case 'k':
        if (s[this.i] === '<') this.i = s.indexOf('>', this.i) + 1;
        return set(CharSet.any()); // a backreference: whatever the group matched
      case 'n': return this.code(10, inClass, at);
      case 'r': return this.code(13, inClass, at);
      case 't': return this.code(9, inClass, at);
      case 'f': return this.code(12, inClass, at);
      case 'v': return this.code(11, inClass, at);
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(s.slice(this.i));
        if (!m) return this.code(120, inClass, at);
        this.i += 2;
        return this.code(parseInt(m[0], 16), inClass, at);
      }
      case 'u': {
        const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(s.slice(this.i));
        if (!m) return this.code(117, inClass, at);
        this.i += m[0].length;
        return this.code(parseInt(m[1] ?? m[2]!, 16), inClass, at);
      }
      case 'c':
        this.i++;
        return this.code((s.charCodeAt(this.i - 1) || 64) % 32, inClass, at);
      default:
        if (/[1-9]/.test(c)) {
          while (/\d/.test(s[this.i] ?? '')) this.i++;
          return set(CharSet.any());
        }
        if (c === '0') return this.code(0, inClass, at);
        return this.code(s.codePointAt(at + 1) ?? 0, inClass, at);
    }
  }

  private code(code: number, inClass: boolean, at: number): Node | number {
    return inClass ? code : this.lit(code, at);
  }

  private cls(): Node {
    const s = this.src;
    const at = this.i;
    this.i++;
    const negate = s[this.i] === '^';
    if (negate) this.i++;
    let set = new CharSet();
    while (this.i < s.length && s[this.i] !== ']') {
      const a = this.classAtom();
      if (typeof a !== 'number') {
        set = set.union(a);
        continue;
      }
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        const b = this.classAtom();
        if (typeof b === 'number') {
          set.addRange(a, b);
          continue;
        }
        set.add(a);
        set.add(45);
        set = set.union(b);
        continue;
      }
      set.add(a);
    }
    this.i++; // ]
    if (this.fold) set = set.folded();
    return { t: 'set', set: negate ? set.complement() : set, at };
  }

  private classAtom(): number | CharSet {
    const s = this.src;
    if (s[this.i] === '\\') return this.escape(true) as number | CharSet;
    const code = s.codePointAt(this.i)!;
    this.i += code > 0xffff ? 2 : 1;
    return code;
  }
}

function minLen(n: Node): number {
  switch (n.t) {
    case 'set': return 1;
    case 'empty': case 'look': return 0;
    case 'seq': return n.items.reduce((a, x) => a + minLen(x), 0);
    case 'alt': return Math.min(...n.branches.map(minLen));
    case 'quant': return n.min * minLen(n.body);
  }
}

function chars(n: Node): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'empty': case 'look': return new CharSet();
    case 'seq': return n.items.reduce((a, x) => a.union(chars(x)), new CharSet());
    case 'alt': return n.branches.reduce((a, x) => a.union(chars(x)), new CharSet());
    case 'quant': return chars(n.body);
  }
}

/** Characters that can start a match of `n` (over-approximated where a prefix is optional). */
function firstChars(n: Node): CharSet {
  switch (n.t) {
    case 'set': return n.set;
    case 'empty': case 'look': return new CharSet();
    case 'alt': return n.branches.reduce((a, x) => a.union(firstChars(x)), new CharSet());
    case 'quant': return firstChars(n.body);
    case 'seq': {
      let acc = new CharSet();
      for (const x of n.items) {
        acc = acc.union(firstChars(x));
        if (minLen(x) > 0) break;
      }
      return acc;
    }
  }
}

function* walk(n: Node): Generator<Node> {
  yield n;
  if (n.t === 'seq') for (const x of n.items) yield* walk(x);
  else if (n.t === 'alt') for (const x of n.branches) yield* walk(x);
  else if (n.t === 'quant' || n.t === 'look') yield* walk(n.body);
}

function contains(n: Node, target: Node): boolean {
  for (const x of walk(n)) if (x === target) return true;
  return false;
}

/**
 * Whether every mandatory piece of `n` outside the path to `target` can match characters of
 * `set`: then one pass of the outer repetition can be made of `target`'s characters alone, and
 * the text can be split between repetitions in exponentially many ways.
 */
function onlyOverlapping(n: Node, target: Node, set: CharSet): boolean {
  if (n === target) return true;
  switch (n.t) {
    case 'seq':
      return n.items.every((x) => (contains(x, target) ? onlyOverlapping(x, target, set) : minLen(x) === 0 || firstChars(x).overlaps(set)));
    case 'alt':
      return n.branches.some((b) => contains(b, target) && onlyOverlapping(b, target, set));
    case 'quant':
      return onlyOverlapping(n.body, target, set);
    default:
      return false;
  }
}

/** A branch as one character set per position, when it is that simple (else undefined). */
function positions(n: Node): CharSet[] | undefined {
  if (n.t === 'set') return [n.set];
  if (n.t === 'quant' && n.min === n.max && n.min <= 64) {
    const one = positions(n.body);
    return one && Array.from({ length: n.min }, () => one).flat();
  }
  if (n.t === 'seq') {
    const out: CharSet[] = [];
    for (const x of n.items) {
      if (x.t === 'empty') continue;
      const p = positions(x);
      if (!p) return undefined;
      out.push(...p);
    }
    return out;
  }
  return undefined;
}

/**
 * Whether two alternatives can match the same text, or one a prefix of the other (`a` / `aa`):
 * what makes a repeated alternation ambiguous. Unknown shapes count as compatible.
 */
function prefixCompatible(a: Node, b: Node): boolean {
  const pa = positions(a);
  const pb = positions(b);
  if (!pa || !pb) return true;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (!pa[i]!.overlaps(pb[i]!)) return false;
  return true;
}

/**
 * Two variable-length repetitions next to each other (zero-width assertions between them do not
 * separate them) whose characters overlap, e.g. `[ \t]*` then `[^\n]{1,200}`: the text they share
 * can be split between them in several ways. Once per match that is polynomial; inside a repeated
 * group the choices multiply across repetitions.
 */
function ambiguousSplit(n: Node): [Node & { t: 'quant' }, Node & { t: 'quant' }] | undefined {
  for (const x of walk(n)) {
    if (x.t !== 'seq') continue;
    let prev: (Node & { t: 'quant' }) | undefined;
    for (const item of x.items) {
      if (item.t === 'empty' || item.t === 'look') continue;
      if (item.t === 'quant' && item.min < item.max && minLen(item.body) > 0) {
        if (prev && chars(prev.body).overlaps(firstChars(item.body))) return [prev, item];
        prev = item;
      } else {
        prev = undefined;
      }
    }
  }
  return undefined;
}

/** Repetitions at least this long count as unbounded: 2^16 paths already hang on a long line. */
const MANY = 16;

function fragment(src: string, n: Node & { t: 'quant' }): string {
  const f = src.slice(n.at, n.end);
  return f.length > 40 ? `${f.slice(0, 37)}...` : f;
}

/** The first catastrophic-backtracking shape in `pattern`, or undefined. */
export function findBacktrackingRisk(pattern: string, flags = ''): BacktrackRisk | undefined {
  let ast: Node;
  try {
    new RegExp(pattern, flags);
    ast = new Parser(pattern, flags.includes('i')).parse();
  } catch {
    return undefined; // invalid patterns are reported by the caller's own check
  }
  for (const outer of walk(ast)) {
    if (outer.t !== 'quant' || outer.max < MANY) continue;
    const frag = fragment(pattern, outer);
    const split = ambiguousSplit(outer.body);
    if (split) {
      const [a, b] = split;
      return {
        message: `pattern can backtrack catastrophically: inside \`${frag}\`, \`${fragment(pattern, a)}\` and \`${fragment(pattern, b)}\` can match the same characters one after the other, so every repetition can split its text several ways and a failing match tries every combination`,
        fix: 'make the first piece end where the second cannot start (e.g. `[ \\t]*[^\\n]+` -> `[ \\t]*[^\\s][^\\n]*`), or merge them into one repetition',
        offset: a.at,
      };
    }
    for (const inner of walk(outer.body)) {
      if (inner.t === 'quant' && inner.max >= 2 && inner.min < inner.max && minLen(inner.body) > 0) {
        if (onlyOverlapping(outer.body, inner, chars(inner.body))) {
          return {
            message: `pattern can backtrack catastrophically: \`${frag}\` repeats a group that itself repeats (\`${fragment(pattern, inner)}\`), so a long run of matching text followed by a mismatch takes exponential time`,
            fix: 'repeat only once (e.g. `(a+)+` -> `a+`, `(\\w+\\s?)*` -> `[\\w\\s]*`), or separate the repetitions by a character the inner one cannot match',
            offset: outer.at,
          };
        }
      }
      if (inner.t === 'alt') {
        const bs = inner.branches;
        for (let x = 0; x < bs.length; x++) {
          for (let y = x + 1; y < bs.length; y++) {
            const a = bs[x]!;
            const b = bs[y]!;
            if (!firstChars(a).overlaps(firstChars(b))) continue;
            if (!prefixCompatible(a, b)) continue;
            if (!onlyOverlapping(outer.body, inner, chars(a).union(chars(b)))) continue;
            return {
              message: `pattern can backtrack catastrophically: \`${frag}\` repeats alternatives that can match the same text, so a long run of it followed by a mismatch takes exponential time`,
              fix: 'make the alternatives exclusive (e.g. `(a|aa)+` -> `a+`, `(\\w|\\d)+` -> `\\w+`), or use one character class',
              offset: outer.at,
            };
          }
        }
      }
    }
  }
  return undefined;
}

function maxLen(n: Node): number {
  switch (n.t) {
    case 'set': return 2; // a code point can take two UTF-16 units
    case 'empty': case 'look': return 0;
    case 'seq': return n.items.reduce((a, x) => a + maxLen(x), 0);
    case 'alt': return Math.max(...n.branches.map(maxLen));
    case 'quant': {
      const body = maxLen(n.body);
      return body === 0 ? 0 : n.max * body;
    }
  }
}

/**
 * Upper bound on the length (UTF-16 units) of any match, Infinity when a quantifier is unbounded
 * or the pattern refers back to a group. Lets the engine scan only near keyword hits.
 */
export function maxMatchLength(pattern: string, flags = ''): number {
  if (/\\(?:[1-9]|k<)/.test(pattern)) return Infinity;
  try {
    return maxLen(new Parser(pattern, flags.includes('i')).parse());
  } catch {
    return Infinity;
  }
}
