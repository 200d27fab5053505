// Base36, lower case like Ruby's Integer#to_s(36); callers upper-case when a format asks.
import { decodeRadix, encodeRadix } from './radix.js';

export const BASE36_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function encodeBase36(value: bigint | number, width: number): string {
  return encodeRadix(value, BASE36_ALPHABET, width);
}

/** Case-insensitive decode. */
export function decodeBase36(text: string): bigint | undefined {
  return decodeRadix(text.toLowerCase(), BASE36_ALPHABET);
}
