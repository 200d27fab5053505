// Randomness for tests. Local runs draw fresh values from crypto every time; CI (or
// KEYHOUND_TEST_SEED) replays one seeded sequence per test file, so a build passes or fails on the
// code, not on the draw. A value that fails locally becomes a fixed test case.
import * as crypto from 'node:crypto';

const seedText = process.env['KEYHOUND_TEST_SEED'] ?? (process.env['CI'] ? '20261128' : undefined);
let state = seedText === undefined ? 0 : Number(seedText) >>> 0;

/** mulberry32: small, fast, good enough to spread test values. */
function next(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [0, max) or [min, max), as node:crypto's randomInt. */
export function randomInt(minOrMax: number, max?: number): number {
  const [lo, hi] = max === undefined ? [0, minOrMax] : [minOrMax, max];
  if (seedText === undefined) return crypto.randomInt(lo, hi);
  return lo + Math.floor(next() * (hi - lo));
}

export function randomBytes(n: number): Buffer {
  if (seedText === undefined) return crypto.randomBytes(n);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** A version-4 UUID. */
export function randomUUID(): string {
  if (seedText === undefined) return crypto.randomUUID();
  const b = randomBytes(16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
