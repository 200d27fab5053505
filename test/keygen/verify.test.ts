import { describe, expect, it } from 'vitest';
import { KEY_ENCODINGS } from '../../src/keygen/format.js';
import { appendCheck } from '../../src/keygen/format.js';
import { generateKey } from '../../src/keygen/generate.js';
import { verifyChecksum } from '../../src/keygen/verify.js';
import { changeAt } from './helpers.js';

describe('verifyChecksum', () => {
  for (const encoding of KEY_ENCODINGS) {
    it(`${encoding}: round-trips, and any one-character change fails`, () => {
      const { key } = generateKey({ prefix: 'svc_test_', encoding });
      expect(verifyChecksum(key)).toBe(true);
      expect(verifyChecksum(key, 'svc_test_')).toBe(true);
      for (let i = 0; i < key.length; i++) {
        const changed = changeAt(key, i);
        expect(changed).not.toBe(key);
        expect(verifyChecksum(changed), `position ${i}: ${changed}`).toBe(false);
      }
    });
  }

  it('needs the given prefix when one is given', () => {
    const { key } = generateKey({ prefix: 'myapp_live_' });
    expect(verifyChecksum(key, 'myapp_test_')).toBe(false);
    expect(verifyChecksum(key, 'myapp_')).toBe(false);
    expect(verifyChecksum(key, '')).toBe(false);
  });

  it('rejects a valid checksum on a key with the wrong length, prefix or alphabet', () => {
    const { key } = generateKey({ prefix: 'a_' });
    const body = key.slice(2, -6);
    expect(verifyChecksum(appendCheck('a_', body.slice(1)))).toBe(false); // 42-char body
    expect(verifyChecksum(appendCheck('a_', `${body}Q`))).toBe(false); // 44-char body
    expect(verifyChecksum(appendCheck('A_', body))).toBe(false); // upper-case prefix
    expect(verifyChecksum(appendCheck('a-', body))).toBe(false); // prefix does not end with _
    expect(verifyChecksum(appendCheck('a_', `${body.slice(0, -1)}.`))).toBe(false); // not base62/base64url
    expect(verifyChecksum(appendCheck('a_', 'A'.repeat(64)))).toBe(false); // upper-case hex
    // 43 base62 digits above 2^256 that are not canonical base64url either (last char has low bits set).
    expect(verifyChecksum(appendCheck('a_', 'z'.repeat(43)))).toBe(false);
  });

  it('never throws on junk', () => {
    for (const junk of ['', 'x', 'a_', 'a'.repeat(10_000), '\u0000'.repeat(60), 'ghp_' + '0'.repeat(36)]) {
      expect(verifyChecksum(junk)).toBe(false);
    }
    expect(verifyChecksum(42 as unknown as string)).toBe(false);
    expect(verifyChecksum(undefined as unknown as string)).toBe(false);
  });
});
