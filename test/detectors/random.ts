// Random secrets generated at test time, so nothing in the repository looks live.
import { randomInt } from '../helpers/test-random.js';

export const ALPHABETS = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  password: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#%^*+=?_-',
} as const;

export function randomFrom(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export const hex = (n: number): string => randomFrom(ALPHABETS.hex, n);
export const b62 = (n: number): string => randomFrom(ALPHABETS.base62, n);
export const b64 = (n: number): string => randomFrom(ALPHABETS.base64, n);
export const b64url = (n: number): string => randomFrom(ALPHABETS.base64url, n);
/** A generated password: always has lower, upper, digit and symbol. */
export const pw = (n: number): string => `${randomFrom('abcdefghjkmnpqrstuvwxyz', 1)}${randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${randomFrom('23456789', 1)}${randomFrom('!#%^*+=?', 1)}${randomFrom(ALPHABETS.password, n - 4)}`;
