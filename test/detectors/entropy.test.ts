import { describe, expect, it } from 'vitest';
import { charClasses, charsetOf, shannonEntropy } from '../../src/detectors/entropy.js';
import { b62, b64, hex } from './random.js';

describe('shannonEntropy', () => {
  it('is 0 for empty and single-symbol strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
  });

  it('is log2(k) for k equally frequent symbols', () => {
    expect(shannonEntropy('ab')).toBeCloseTo(1, 10);
    expect(shannonEntropy('abcd')).toBeCloseTo(2, 10);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4, 10);
    expect(shannonEntropy('aabb')).toBeCloseTo(1, 10);
  });

  it('matches the textbook value for a skewed distribution', () => {
    // p = 3/4, 1/4
    const expected = -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25));
    expect(shannonEntropy('aaab')).toBeCloseTo(expected, 10);
  });

  it('counts code points, not UTF-16 units', () => {
    // Two astral symbols: two code points, four UTF-16 units. Entropy must be exactly 1 bit.
    expect(shannonEntropy('😀😁')).toBeCloseTo(1, 10);
    // One astral symbol repeated: zero, not 1 bit (a per-unit count would see two symbols).
    expect(shannonEntropy('😀😀😀')).toBe(0);
    // Mixed: 'a' and one emoji, each half.
    expect(shannonEntropy('a😀')).toBeCloseTo(1, 10);
    expect(shannonEntropy('é1')).toBeCloseTo(1, 10);
  });

  it('gives random strings high values and is bounded by log2(length)', () => {
    for (let i = 0; i < 50; i++) {
      const s = b62(40);
      const h = shannonEntropy(s);
      expect(h).toBeGreaterThan(3.5);
      expect(h).toBeLessThanOrEqual(Math.log2(40) + 1e-9);
    }
  });
});

describe('charsetOf', () => {
  it('returns the narrowest alphabet', () => {
    expect(charsetOf(hex(32))).toBe('hex');
    expect(charsetOf('DEADBEEF0123')).toBe('hex');
    expect(charsetOf('abcXYZ123')).toBe('alnum');
    expect(charsetOf('ab+c/d==')).toBe('base64');
    expect(charsetOf('ab-c_d')).toBe('base64');
    expect(charsetOf('a=b')).toBe('other');
    expect(charsetOf('pa$$word')).toBe('other');
    expect(charsetOf('')).toBe('other');
  });

  it('classifies random base64 with a symbol as base64', () => {
    expect(charsetOf(`${b64(30)}+/`)).toBe('base64');
  });
});

describe('charClasses', () => {
  it('counts lower, upper, digit, symbol', () => {
    expect(charClasses('abc').count).toBe(1);
    expect(charClasses('aB3').count).toBe(3);
    expect(charClasses('aB3!')).toEqual({ lower: true, upper: true, digit: true, symbol: true, count: 4 });
  });
});
