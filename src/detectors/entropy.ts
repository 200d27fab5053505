// Shannon entropy and character-set classification of candidate secrets.

export type Charset = 'hex' | 'base64' | 'alnum' | 'other';

/**
 * Shannon entropy in bits per character. Counts code points and divides by the number of
 * code points, so astral characters (two UTF-16 units) count once on both sides.
 */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const ascii = new Uint32Array(128);
  let other: Map<number, number> | undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    n++;
    if (cp < 128) ascii[cp] = (ascii[cp] ?? 0) + 1;
    else {
      other ??= new Map();
      other.set(cp, (other.get(cp) ?? 0) + 1);
    }
  }
  let h = 0;
  const add = (c: number): void => {
    if (c > 0) {
      const p = c / n;
      h -= p * Math.log2(p);
    }
  };
  for (const c of ascii) add(c);
  if (other) for (const c of other.values()) add(c);
  return h;
}

const HEX = /^[0-9a-fA-F]+$/;
const ALNUM = /^[0-9A-Za-z]+$/;
// Standard and URL-safe alphabets, with optional `=` padding at the end only.
const BASE64 = /^[0-9A-Za-z+/_-]+={0,2}$/;

/** The narrowest alphabet the string fits: hex ⊂ alnum ⊂ base64 ⊂ other. */
export function charsetOf(s: string): Charset {
  if (s.length === 0) return 'other';
  if (HEX.test(s)) return 'hex';
  if (ALNUM.test(s)) return 'alnum';
  if (BASE64.test(s)) return 'base64';
  return 'other';
}

/** Which of lower, upper, digit and symbol classes occur (bit mask) and how many. */
export function charClasses(s: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean; count: number } {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else symbol = true;
  }
  return { lower, upper, digit, symbol, count: +lower + +upper + +digit + +symbol };
}
