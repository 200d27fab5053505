// Base58 with the Bitcoin alphabet; each leading '1' stands for one leading zero byte.
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const INDEX = new Map([...BASE58_ALPHABET].map((c, i) => [c, i]));

export function encodeBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  let out = '';
  while (v > 0n) {
    out = BASE58_ALPHABET[Number(v % 58n)] + out;
    v /= 58n;
  }
  return '1'.repeat(zeros) + out;
}

/** Undefined when a character is outside the alphabet. */
export function decodeBase58(text: string): Uint8Array | undefined {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  let v = 0n;
  for (const ch of text) {
    const d = INDEX.get(ch);
    if (d === undefined) return undefined;
    v = v * 58n + BigInt(d);
  }
  const body: number[] = [];
  while (v > 0n) {
    body.push(Number(v & 0xffn));
    v >>= 8n;
  }
  body.reverse();
  const out = new Uint8Array(zeros + body.length);
  out.set(body, zeros);
  return out;
}
