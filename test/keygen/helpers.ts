// Test helpers for keygen: a one-character change that is certainly a change.
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `key` with the character at `i` replaced by a different one of the same class. */
export function changeAt(key: string, i: number): string {
  const c = key[i]!;
  const pool = /[0-9a-f]/.test(c) && !/[g-zA-Z]/.test(c) ? '0123456789abcdef' : ALNUM;
  const next = pool[(pool.indexOf(c) + 1) % pool.length] ?? 'A';
  return key.slice(0, i) + next + key.slice(i + 1);
}
