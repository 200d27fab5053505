// Property-based tests of the checksum codecs: encode/decode round trips, and repair/verify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase36, encodeBase36 } from '../../src/checksums/codec/base36.js';
import { decodeBase58, encodeBase58 } from '../../src/checksums/codec/base58.js';
import { BASE62_ALPHABET, decodeBase62Int, encodeBase62Int } from '../../src/checksums/codec/base62.js';
import { BECH32_CHARSET, bech32ChecksumOk, convertBits, encodeBech32, parseBech32, type Bech32Variant } from '../../src/checksums/codec/bech32.js';
import { crc32 as crc32Raw } from '../../src/checksums/codec/crc32.js';
import { base58check, encodeBase58Check } from '../../src/checksums/base58check.js';
import { checksums } from '../../src/checksums/registry.js';

const RUNS = { numRuns: 300 };
const b62 = fc.constantFrom(...BASE62_ALPHABET.split(''));

describe('radix codecs', () => {
  it('base62: decode(encode(v, w)) = v, length w, for every v < 62^w', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 0n, max: 2n ** 72n }), (w, x) => {
        const v = x % 62n ** BigInt(w);
        const s = encodeBase62Int(v, w);
        expect(s).toHaveLength(w);
        expect(decodeBase62Int(s)).toBe(v);
      }),
      RUNS,
    );
  });

  it('base36: the same, lower case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 0n, max: 2n ** 64n }), (w, x) => {
        const v = x % 36n ** BigInt(w);
        const s = encodeBase36(v, w);
        expect(s).toMatch(/^[0-9a-z]+$/);
        expect(s).toHaveLength(w);
        expect(decodeBase36(s)).toBe(v);
      }),
      RUNS,
    );
  });

  it('base62/base36 decoders reject characters outside the alphabet instead of guessing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), (s) => {
        const bad = /[^0-9A-Za-z]/.test(s);
        if (bad) expect(decodeBase62Int(s)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('base58: bytes round trip, leading zero bytes kept as 1s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const s = encodeBase58(bytes);
        expect(s).not.toMatch(/[0OIl]/);
        const zeros = bytes.findIndex((b) => b !== 0);
        expect(s.startsWith('1'.repeat(zeros === -1 ? bytes.length : zeros))).toBe(true);
        expect(Buffer.from(decodeBase58(s)!)).toEqual(Buffer.from(bytes));
      }),
      RUNS,
    );
  });

  it('base58check: encode verifies; any single-character change does not', () => {
    const params = base58check.parseParams({}, []);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (payload, pos, repl) => {
        const s = encodeBase58Check(payload);
        expect(base58check.verify({ secret: s, spans: {} }, params)).toBe(true);
        const i = pos % s.length;
        const alpha = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'.replace(s[i]!, '');
        const t = s.slice(0, i) + alpha[repl % alpha.length] + s.slice(i + 1);
        expect(base58check.verify({ secret: t, spans: {} }, params)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('bech32', () => {
  const hrp = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
  const variant = fc.constantFrom<Bech32Variant>('bech32', 'bech32m');

  it('encode -> parse round trip; the checksum holds for its variant only', () => {
    fc.assert(
      fc.property(hrp, fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 60 }), variant, (h, words, v) => {
        const s = encodeBech32(h, words, v);
        const parts = parseBech32(s);
        expect(parts).toBeDefined();
        expect(parts!.hrp).toBe(h);
        expect(parts!.words).toEqual(words);
        expect(bech32ChecksumOk(parts!, v)).toBe(true);
        expect(bech32ChecksumOk(parts!, v === 'bech32' ? 'bech32m' : 'bech32')).toBe(false);
        // Upper case is the same string; mixed case is not a Bech32 string.
        expect(parseBech32(s.toUpperCase())?.words).toEqual(words);
      }),
      RUNS,
    );
  });

  it('detects every single-character substitution in the data part', () => {
    fc.assert(
      fc.property(hrp, fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 50 }), variant, fc.nat(), fc.integer({ min: 1, max: 31 }), (h, words, v, pos, delta) => {
        const s = encodeBech32(h, words, v);
        const sep = s.lastIndexOf('1');
        const i = sep + 1 + (pos % (s.length - sep - 1));
        const c = BECH32_CHARSET[(BECH32_CHARSET.indexOf(s[i]!) + delta) % 32]!;
        const parts = parseBech32(s.slice(0, i) + c + s.slice(i + 1));
        expect(parts !== undefined && bech32ChecksumOk(parts, v)).toBe(false);
      }),
      RUNS,
    );
  });

  it('convertBits 8 -> 5 -> 8 is the identity', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const words = convertBits([...bytes], 8, 5, true)!;
        expect(convertBits(words, 5, 8, false)).toEqual([...bytes]);
      }),
      RUNS,
    );
  });
});

describe('crc32 checksum: repair and verify', () => {
  const shapes = [
    { raw: { over: ['body'], expect: 'check', encoding: 'base62', width: 6 }, checkLen: 6 },
    { raw: { over: ['body'], expect: 'check', encoding: 'base36', width: 7 }, checkLen: 7 },
    { raw: { over: ['body'], expect: 'check', encoding: 'hex', width: 8, case: 'lower' }, checkLen: 8 },
    { raw: { over: ['body'], expect: 'check', encoding: 'hex', width: 8, case: 'upper', byte_order: 'little' }, checkLen: 8 },
  ];
  const groups = ['secret', 'body', 'check'];

  it('the codec matches the standard CRC-32 check value', () => {
    expect(crc32Raw('123456789')).toBe(0xcbf43926);
  });

  it.each(shapes)('$raw.encoding ($raw.case, $raw.byte_order): repaired tokens verify, one changed body or check character does not', ({ raw, checkLen }) => {
    const p = checksums.crc32.parseParams(raw, groups);
    fc.assert(
      fc.property(fc.array(b62, { minLength: 8, maxLength: 60 }), fc.nat(), fc.nat(), (bodyChars, pos, repl) => {
        const body = bodyChars.join('');
        const prefix = 'tok_';
        const secret0 = `${prefix}${body}${'0'.repeat(checkLen)}`;
        const spans = { body: [prefix.length, prefix.length + body.length] as const, check: [prefix.length + body.length, secret0.length] as const };
        const good = checksums.crc32.repair({ secret: secret0, spans }, p);
        expect(good).toHaveLength(secret0.length);
        expect(good.slice(0, prefix.length + body.length)).toBe(prefix + body);
        expect(checksums.crc32.verify({ secret: good, spans }, p)).toBe(true);
        // Change one character in the body or the check digits (within the check's alphabet).
        const i = prefix.length + (pos % (body.length + checkLen));
        const inCheck = i >= prefix.length + body.length;
        const alpha = (inCheck ? (raw.encoding === 'hex' ? (raw.case === 'upper' ? '0123456789ABCDEF' : '0123456789abcdef') : raw.encoding === 'base36' ? '0123456789abcdefghijklmnopqrstuvwxyz' : BASE62_ALPHABET) : BASE62_ALPHABET).replace(good[i]!, '');
        const bad = good.slice(0, i) + alpha[repl % alpha.length] + good.slice(i + 1);
        expect(checksums.crc32.verify({ secret: bad, spans }, p)).toBe(false);
      }),
      RUNS,
    );
  });

  it('verify never throws on arbitrary input and spans', () => {
    const p = checksums.crc32.parseParams(shapes[0]!.raw, groups);
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(100), fc.nat(100), fc.nat(100), (s, a, b, c) => {
        const spans = { body: [Math.min(a, b), Math.max(a, b)] as const, check: [Math.max(a, b), Math.max(a, b) + c] as const };
        expect(typeof checksums.crc32.verify({ secret: s, spans }, p)).toBe('boolean');
      }),
      RUNS,
    );
  });
});
