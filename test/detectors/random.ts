// Random secrets generated at test time, so nothing in the repository looks live.
import { randomInt } from 'node:crypto';

export const ALPHABETS = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  base62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  password: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#%^*+=?_-',
} as const;

// Local runs draw new values every time; CI (or KEYHOUND_TEST_SEED) replays one seeded sequence, so
// a build passes or fails on the code. A value that fails locally becomes a fixed test case.
const seedText = process.env['KEYHOUND_TEST_SEED'] ?? (process.env['CI'] ? '20261128' : undefined);
let state = seedText === undefined ? 0 : Number(seedText) >>> 0;

/** mulberry32: small, fast, good enough to spread test values. */
function seeded(limit: number): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * limit | 0;
}

const pick = seedText === undefined ? (limit: number): number => randomInt(limit) : seeded;

export function randomFrom(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[pick(alphabet.length)];
  return s;
}

export const hex = (n: number): string => randomFrom(ALPHABETS.hex, n);
export const b62 = (n: number): string => randomFrom(ALPHABETS.base62, n);
export const b64 = (n: number): string => randomFrom(ALPHABETS.base64, n);
export const b64url = (n: number): string => randomFrom(ALPHABETS.base64url, n);
/** A generated password: always has lower, upper, digit and symbol. */
export const pw = (n: number): string => `${randomFrom('abcdefghjkmnpqrstuvwxyz', 1)}${randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ', 1)}${randomFrom('23456789', 1)}${randomFrom('!#%^*+=?', 1)}${randomFrom(ALPHABETS.password, n - 4)}`;
