// Hashes of placeholder passwords: a fixture's `{SSHA}` of "password" or MySQL hash of "root" is
// test data, as the plaintext would be. Fast hashes only (a few hundred digests per candidate);
// bcrypt, crypt and SCRAM cost too much per guess to try a list.
import { createHash } from 'node:crypto';
import { PLACEHOLDER_WORDS } from '../detectors/words.js';

// Passwords that seed data and tutorials use besides the placeholder words.
const COMMON = ['', '123456', '12345678', '123456789', 'password1', 'Password1', 'P@ssw0rd', 'passw0rd', 'qwerty', 'letmein',
  'changeme', 'changeit', 'welcome', 'toor', 'admin123', 'root123', 'abc123', '111111', '000000', 'iloveyou', 'hunter2', 'foobar'];

let guesses: readonly Buffer[] | undefined;

/** The placeholder passwords, each as written, capitalised and with "123" after it. */
function placeholderGuesses(): readonly Buffer[] {
  if (!guesses) {
    const all = new Set(COMMON);
    for (const w of PLACEHOLDER_WORDS) {
      all.add(w);
      all.add(w[0]!.toUpperCase() + w.slice(1));
      all.add(`${w}123`);
    }
    guesses = [...all].map((p) => Buffer.from(p, 'utf8'));
  }
  return guesses;
}

/** True when `digest(guess)` equals `expected` for a placeholder password. */
export function hashesPlaceholder(expected: Uint8Array, digest: (guess: Buffer) => Buffer): boolean {
  const want = Buffer.from(expected);
  return placeholderGuesses().some((g) => digest(g).equals(want));
}

/** One-call digest helper: `alg` over the parts in order. */
export function hashOf(alg: string, ...parts: Uint8Array[]): Buffer {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
}
