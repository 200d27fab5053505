// Bech32 (BIP-173) and Bech32m (BIP-350). No 90-character limit: age keys and other
// non-Bitcoin users of the encoding do not apply it.
export const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
export type Bech32Variant = 'bech32' | 'bech32m';

const CONST: Record<Bech32Variant, number> = { bech32: 1, bech32m: 0x2bc830a3 };
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i] as number;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

export function bech32Checksum(hrp: string, words: readonly number[], variant: Bech32Variant): number[] {
  const mod = polymod([...hrpExpand(hrp), ...words, 0, 0, 0, 0, 0, 0]) ^ CONST[variant];
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push((mod >>> (5 * (5 - i))) & 31);
  return out;
}

/** Encode lower case; callers upper-case the whole string when they need to. */
export function encodeBech32(hrp: string, words: readonly number[], variant: Bech32Variant): string {
  const all = [...words, ...bech32Checksum(hrp.toLowerCase(), words, variant)];
  return `${hrp.toLowerCase()}1${all.map((w) => BECH32_CHARSET[w]).join('')}`;
}

export interface Bech32Parts {
  /** Lower-cased human-readable part. */
  hrp: string;
  /** Data words without the 6 checksum words. */
  words: number[];
  /** Data words including the checksum. */
  allWords: number[];
  upper: boolean;
}

/** Split a Bech32 string without checking its checksum; undefined when malformed. */
export function parseBech32(text: string): Bech32Parts | undefined {
  const lower = text.toLowerCase();
  const upper = text.toUpperCase();
  if (text !== lower && text !== upper) return undefined; // mixed case is invalid
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep - 1 < 6) return undefined;
  const hrp = lower.slice(0, sep);
  for (let i = 0; i < hrp.length; i++) {
    const c = hrp.charCodeAt(i);
    if (c < 33 || c > 126) return undefined;
  }
  const allWords: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const w = BECH32_CHARSET.indexOf(ch);
    if (w < 0) return undefined;
    allWords.push(w);
  }
  return { hrp, words: allWords.slice(0, -6), allWords, upper: text === upper && text !== lower };
}

export function bech32ChecksumOk(parts: Bech32Parts, variant: Bech32Variant): boolean {
  return polymod([...hrpExpand(parts.hrp), ...parts.allWords]) === CONST[variant];
}

/**
 * Regroup bits (5 -> 8 to decode, 8 -> 5 to encode). With pad=false (decoding), leftover bits
 * must be fewer than `from` and zero, else undefined.
 */
export function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const v of data) {
    if (v < 0 || v >> from !== 0) return undefined;
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
    acc &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return undefined;
  }
  return out;
}
