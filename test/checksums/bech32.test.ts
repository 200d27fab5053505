import { describe, expect, it } from 'vitest';
import { bech32 } from '../../src/checksums/bech32.js';
import { convertBits, encodeBech32 } from '../../src/checksums/codec/bech32.js';
import { ChecksumParamError } from '../../src/checksums/types.js';

const input = (secret: string) => ({ secret, spans: {} });
const age = bech32.parseParams({ hrp: 'age-secret-key-', variant: 'bech32', bytes: 32 }, []);

describe('bech32 algorithm', () => {
  it('verifies an age recipient (public key, hrp "age") from the age documentation examples', () => {
    const p = bech32.parseParams({ hrp: 'age', bytes: 32 }, []);
    expect(bech32.verify(input('age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj'), p)).toBe(true);
    expect(bech32.verify(input('age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk'), p)).toBe(false);
  });

  it('verifies a published age secret key (stored in pieces)', () => {
    const key = ['AGE-SECRET-KEY-1', 'GFPYYSJZ'.repeat(6), 'GFPQ4EGAEX'].join('');
    expect(key).toHaveLength(74);
    expect(bech32.verify(input(key), age)).toBe(true);
    expect(bech32.verify(input(key.toLowerCase()), age)).toBe(true);
  });

  it('builds an age key from raw bytes and checks hrp, variant, length and case', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
    const key = encodeBech32('age-secret-key-', convertBits(bytes, 8, 5, true)!, 'bech32').toUpperCase();
    expect(key).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(bech32.verify(input(key), age)).toBe(true);
    const i = key.slice(16).search(/[A-Z]/) + 16;
    const mixed = key.slice(0, i) + key.charAt(i).toLowerCase() + key.slice(i + 1);
    expect(mixed).not.toBe(key);
    expect(bech32.verify(input(mixed), age)).toBe(false);
    expect(bech32.verify(input(key), bech32.parseParams({ hrp: 'age', bytes: 32 }, []))).toBe(false);
    expect(bech32.verify(input(key), bech32.parseParams({ hrp: 'age-secret-key-', bytes: 31 }, []))).toBe(false);
    expect(bech32.verify(input(key), bech32.parseParams({ hrp: 'age-secret-key-', variant: 'bech32m' }, []))).toBe(false);
  });

  it('bech32m variant verifies BIP-350 strings', () => {
    const p = bech32.parseParams({ hrp: 'abcdef', variant: 'bech32m' }, []);
    expect(bech32.verify(input('abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx'), p)).toBe(true);
  });

  it('repair keeps case and length and fixes non-zero padding bits', () => {
    const shape = `AGE-SECRET-KEY-1${'L'.repeat(58)}`; // 'l' = 31: padding bits are all ones
    const fixed = bech32.repair(input(shape), age);
    expect(fixed).toHaveLength(74);
    expect(fixed).toBe(fixed.toUpperCase());
    expect(bech32.verify(input(fixed), age)).toBe(true);
  });

  it('never throws on junk', () => {
    for (const s of ['', '1', 'age-secret-key-1', 'AGE-SECRET-KEY-1!!!!!!!!', '\u0000']) {
      expect(bech32.verify(input(s), age)).toBe(false);
    }
  });

  it('rejects bad parameters', () => {
    expect(() => bech32.parseParams({}, [])).toThrow(ChecksumParamError);
    expect(() => bech32.parseParams({ hrp: 'age', variant: 'bech64' }, [])).toThrow(/bech32 \| bech32m/);
    expect(() => bech32.parseParams({ hrp: 'age', bytes: 'x' }, [])).toThrow(/"bytes"/);
    expect(() => bech32.parseParams({ hrp: 'age', length: 3 }, [])).toThrow(/unknown bech32 checksum parameter/);
    expect(() => bech32.parseParams({ hrp: 'a ge' }, [])).toThrow(/ASCII/);
  });
});
