// Big-endian integer <-> fixed-width digit strings over an arbitrary alphabet.

/** Encode a non-negative integer, left-padded with the alphabet's zero digit to `width`. */
export function encodeRadix(value: bigint | number, alphabet: string, width: number): string {
  const base = BigInt(alphabet.length);
  let v = BigInt(value);
  if (v < 0n) throw new RangeError('encodeRadix: negative value');
  let out = '';
  while (v > 0n) {
    out = alphabet[Number(v % base)] + out;
    v /= base;
  }
  return out.padStart(width, alphabet[0]);
}

/** Decode digits to an integer; undefined when a character is outside the alphabet. */
export function decodeRadix(text: string, alphabet: string): bigint | undefined {
  const base = BigInt(alphabet.length);
  let v = 0n;
  for (const ch of text) {
    const d = alphabet.indexOf(ch);
    if (d < 0) return undefined;
    v = v * base + BigInt(d);
  }
  return v;
}
