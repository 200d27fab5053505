// Base62 (alphabet 0-9A-Za-z). Two flavours exist in the wild:
// - integer form (GitHub, npm, own app keys): big-endian integer, left-padded with '0';
// - byte-string form (Base62.Net, used by Microsoft CASK keys): base conversion of the bytes,
//   one leading '0' per leading zero byte (at most length - 1), no padding.
import { decodeRadix, encodeRadix } from './radix.js';

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function encodeBase62Int(value: bigint | number, width: number): string {
  return encodeRadix(value, BASE62_ALPHABET, width);
}

export function decodeBase62Int(text: string): bigint | undefined {
  return decodeRadix(text, BASE62_ALPHABET);
}

/** Base62.Net `ToBase62(byte[])`. */
export function encodeBase62Bytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  let leadingZeros = 0;
  while (leadingZeros < bytes.length - 1 && bytes[leadingZeros] === 0) leadingZeros++;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  const digits = v === 0n ? '0' : encodeRadix(v, BASE62_ALPHABET, 0);
  return '0'.repeat(leadingZeros) + digits;
}
