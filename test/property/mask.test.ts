// Masking: whatever the secret, the mask reveals at most a known prefix (or a PEM header line)
// and four trailing characters, never the whole secret.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/engine/mask.js';

const BULLETS = '••••';
const PREFIXES = ['ghp_', 'github_pat_', 'xoxb-', 'sk_live_', 'acme_', 'a'];

const secretArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.string({ minLength: 0, maxLength: 60 })).map(([p, b]) => p + b),
  fc.tuple(fc.string({ maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\\n'), fc.string({ maxLength: 30 })).map(([a, nl, b]) => a + nl + b),
  fc.tuple(fc.constantFrom('RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PRIVATE KEY'), fc.base64String({ minLength: 16, maxLength: 200 }), fc.constantFrom('\n', '\\n'))
    .map(([k, body, nl]) => `-----BEGIN ${k}-----${nl}${body}${nl}-----END ${k}-----`),
).filter((s) => !s.includes('•'));

function split(mask: string): { head: string; tail: string } {
  const i = mask.indexOf(BULLETS);
  expect(i, `mask ${JSON.stringify(mask)} has the bullets`).toBeGreaterThanOrEqual(0);
  return { head: mask.slice(0, i), tail: mask.slice(i + BULLETS.length) };
}

describe('maskSecret properties', () => {
  it('never contains the whole secret; reveals a known prefix or header, and at most 4 trailing chars', () => {
    fc.assert(
      fc.property(secretArb, fc.subarray(PREFIXES), (secret, prefixes) => {
        const m = maskSecret(secret, prefixes);
        if (secret.length > 0) expect(m.includes(secret)).toBe(false);
        const { head, tail } = split(m);
        expect(tail.length).toBeLessThanOrEqual(4);
        expect(secret.endsWith(tail)).toBe(true);
        expect(secret.startsWith(head)).toBe(true);
        const headerLine = /^-{3,}\s?BEGIN [A-Z0-9 ]+-{3,}$/.test(head);
        const knownPrefix = prefixes.some((p) => p.toLowerCase() === head.toLowerCase());
        expect(head === '' || headerLine || knownPrefix, `head ${JSON.stringify(head)} of ${JSON.stringify(secret)}`).toBe(true);
        // A tail only for long secrets: at least 16 hidden characters stay between head and tail.
        if (tail) expect(secret.length - head.length - tail.length).toBeGreaterThanOrEqual(16);
        // A prefix is shown only when it is a small part of the secret.
        if (knownPrefix && head) expect(head.length * 3).toBeLessThanOrEqual(secret.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('a multi-line secret whose first line is not a header shows nothing of it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/=]{12,40}$/), fc.constantFrom('\n', '\\n'), fc.string({ maxLength: 20 }), (first, nl, rest) => {
        const m = maskSecret(first + nl + rest);
        expect(m).not.toContain(first.slice(0, 6));
      }),
    );
  });

  it('is deterministic and independent of prefix order', () => {
    fc.assert(
      fc.property(secretArb, fc.subarray(PREFIXES), (s, p) => {
        expect(maskSecret(s, p)).toBe(maskSecret(s, [...p].reverse()));
      }),
    );
  });
});
