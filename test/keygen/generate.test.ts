import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/checksums/codec/crc32.js';
import { decodeBase62Int, encodeBase62Int } from '../../src/checksums/codec/base62.js';
import { KeyhoundError } from '../../src/errors.js';
import { KEY_ENCODINGS, prefixProblem } from '../../src/keygen/format.js';
import { encodeBody, generateKey, hashKey } from '../../src/keygen/generate.js';
import { verifyChecksum } from '../../src/keygen/verify.js';

const BODY_RE = { base62: /^[0-9A-Za-z]{43}$/, base64url: /^[0-9A-Za-z_-]{43}$/, hex: /^[0-9a-f]{64}$/ } as const;

describe('generateKey', () => {
  for (const encoding of KEY_ENCODINGS) {
    it(`mints ${encoding} keys whose checksum is the base62 CRC32 of prefix + body`, () => {
      for (let i = 0; i < 200; i++) {
        const { key, sha256, masked } = generateKey({ prefix: 'myapp_live_', encoding });
        const body = key.slice('myapp_live_'.length, -6);
        const check = key.slice(-6);
        expect(key.startsWith('myapp_live_')).toBe(true);
        expect(body).toMatch(BODY_RE[encoding]);
        // Independent recomputation: CRC32 over prefix + body, base62, left-padded to 6.
        expect(check).toBe(encodeBase62Int(crc32(`myapp_live_${body}`), 6));
        expect(check).not.toBe(encodeBase62Int(crc32(body), 6));
        expect(verifyChecksum(key)).toBe(true);
        expect(verifyChecksum(key, 'myapp_live_')).toBe(true);
        expect(sha256).toBe(createHash('sha256').update(key).digest('hex'));
        expect(masked).toBe(`myapp_live_••••${key.slice(-4)}`);
      }
    });
  }

  it('defaults to base62 with a 60-character key for a 11-character prefix', () => {
    const { key } = generateKey({ prefix: 'myapp_live_' });
    expect(key).toHaveLength(60);
    expect(key.slice(11, -6)).toMatch(BODY_RE.base62);
  });

  it('makes 10,000 distinct keys', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 10_000; i++) keys.add(generateKey({ prefix: 'k_' }).key);
    expect(keys.size).toBe(10_000);
  });

  it('spreads base62 bodies over the whole 256-bit range (leading digit varies, padding kept)', () => {
    const firsts = new Set<string>();
    for (let i = 0; i < 2000; i++) firsts.add(generateKey({ prefix: 'k_' }).key[2]!);
    // 62^43 is only slightly above 2^256, so the leading digit is 0..(about)W.
    expect(firsts.size).toBeGreaterThan(20);
  });

  it('rejects bad prefixes and encodings with a KeyhoundError', () => {
    for (const prefix of ['', 'a', 'myapp', 'MyApp_', 'my-app_', '_myapp_', 'my app_', `${'a'.repeat(32)}_`, 'é_']) {
      expect(() => generateKey({ prefix }), prefix).toThrow(KeyhoundError);
      expect(prefixProblem(prefix), prefix).toBeDefined();
    }
    for (const prefix of ['a_', 'x1_', 'myapp_live_', `${'a'.repeat(31)}_`, '9z__']) expect(prefixProblem(prefix), prefix).toBeUndefined();
    expect(() => generateKey({ prefix: 'a_', encoding: 'base32' as never })).toThrow(/encoding/);
  });
});

describe('encodeBody', () => {
  it('encodes 32 bytes as a big-endian base62 integer left-padded to 43, base64url and hex', () => {
    const zero = new Uint8Array(32);
    expect(encodeBody(zero, 'base62')).toBe('0'.repeat(43));
    const max = new Uint8Array(32).fill(0xff);
    expect(decodeBase62Int(encodeBody(max, 'base62'))).toBe((1n << 256n) - 1n);
    expect(encodeBody(max, 'base62')).toHaveLength(43);
    const one = new Uint8Array(32);
    one[31] = 61;
    expect(encodeBody(one, 'base62')).toBe(`${'0'.repeat(42)}z`);
    expect(encodeBody(one, 'hex')).toBe(`${'0'.repeat(62)}3d`);
    expect(encodeBody(max, 'base64url')).toBe(`${'_'.repeat(42)}8`); // last char: 4 one bits + 2 zero bits = 60 = '8'
  });
});

describe('hashKey', () => {
  it('is SHA-256 of the UTF-8 bytes, lower-case hex', () => {
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashKey('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
