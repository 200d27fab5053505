// Generic properties every registered checksum algorithm must have:
//  - repair() of a random, correctly shaped token gives a token that verifies;
//  - changing any single character of the covered span or of the check digits breaks it;
//  - verify() never throws, whatever the input.
// A newly registered algorithm fails here until it gets a shape below.
import { describe, expect, it } from 'vitest';
import { encodeBase58 } from '../../src/checksums/codec/base58.js';
import { BECH32_CHARSET, convertBits, encodeBech32 } from '../../src/checksums/codec/bech32.js';
import { checksums, getChecksum, type ChecksumName } from '../../src/checksums/registry.js';
import type { ChecksumInput } from '../../src/checksums/types.js';
import { ALNUM, bytes, otherChar, pick, rng } from './rng.js';

interface Shape {
  raw: Record<string, unknown>;
  groups: string[];
  /** A random token of the right shape (checksum most likely wrong). */
  make(r: () => number): string;
  spans(secret: string): ChecksumInput['spans'];
  /** Positions whose change must break verification, and the alphabet to draw from. */
  mutable(secret: string): { positions: number[]; alphabet: string };
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const B64 = `${ALNUM}+/`;
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const crcShapes: Shape[] = [
  {
    raw: { over: ['body'], expect: 'check', encoding: 'base62', width: 6 },
    groups: ['secret', 'body', 'check'],
    make: (r) => `ghp_${pick(r, ALNUM, 36)}`,
    spans: () => ({ body: [4, 34], check: [34, 40] }),
    mutable: () => ({ positions: range(4, 40), alphabet: ALNUM }),
  },
  {
    raw: { expect: 'check', encoding: 'hex', case: 'upper' },
    groups: ['secret', 'check'],
    make: (r) => `ATATT3${pick(r, `${ALNUM}_-`, 100)}=${pick(r, '0123456789ABCDEF', 8)}`,
    spans: (s) => ({ check: [s.length - 8, s.length] }),
    mutable: (s) => ({ positions: range(0, s.length), alphabet: '0123456789ABCDEF' }),
  },
  {
    raw: { over: ['covered'], expect: 'check', encoding: 'hex', byte_order: 'little' },
    groups: ['secret', 'covered', 'check'],
    make: (r) => `glsa_${pick(r, ALNUM, 32)}_${pick(r, '0123456789abcdef', 8)}`,
    spans: () => ({ covered: [0, 37], check: [38, 46] }),
    mutable: () => ({ positions: [...range(0, 37), ...range(38, 46)], alphabet: '0123456789abcdef' }),
  },
  {
    raw: { expect: 'check', encoding: 'base36', width: 7 },
    groups: ['secret', 'check'],
    make: (r) => `glpat-${pick(r, ALNUM, 30)}.01.${pick(r, 'abcdef0123', 9)}`,
    spans: (s) => ({ check: [s.length - 7, s.length] }),
    mutable: (s) => ({ positions: range(0, s.length), alphabet: '0123456789abcdefghijklmnopqrstuvwxyz' }),
  },
];

const shapes: Record<ChecksumName, Shape[]> = {
  crc32: crcShapes,
  bech32: [
    {
      raw: { hrp: 'age-secret-key-', bytes: 32 },
      groups: [],
      make: (r) => `AGE-SECRET-KEY-1${pick(r, BECH32_CHARSET.toUpperCase(), 58)}`,
      spans: () => ({}),
      mutable: (s) => ({ positions: range(0, s.length), alphabet: `${BECH32_CHARSET.toUpperCase()}-` }),
    },
    {
      raw: { hrp: 'bc', variant: 'bech32m' },
      groups: [],
      make: (r) => encodeBech32('bc', convertBits(Array.from(bytes(r, 32)), 8, 5, true)!, 'bech32'),
      spans: () => ({}),
      mutable: (s) => ({ positions: range(0, s.length), alphabet: BECH32_CHARSET }),
    },
  ],
  base58check: [
    {
      raw: { version: 0x80, lengths: [33, 34] },
      groups: [],
      make: (r) => {
        const compressed = r() < 0.5;
        const payload = new Uint8Array([0x80, ...bytes(r, 32), ...(compressed ? [1] : [])]);
        return encodeBase58(new Uint8Array([...payload, ...bytes(r, 4)]));
      },
      spans: () => ({}),
      mutable: (s) => ({ positions: range(0, s.length), alphabet: B58 }),
    },
  ],
  'azure-cask': [
    {
      raw: {},
      groups: [],
      make: (r) =>
        `${pick(r, ALNUM, 52)}JQQJ99${pick(r, 'ABC', 1)}${pick(r, 'ABCDEFGHIJKL', 1)}${pick(r, ALNUM, 16)}AZEG${pick(r, ALNUM, 4)}${r() < 0.5 ? `${pick(r, ALNUM, 2)}==` : ''}`,
      spans: () => ({}),
      mutable: (s) => ({ positions: range(0, s.replace(/=+$/, '').length), alphabet: ALNUM }),
    },
  ],
  'azure-his': [
    {
      raw: { signature: '+ASt', seed: '0x44656661756C7430' },
      groups: [],
      make: (r) => `${pick(r, B64, 76)}+ASt${pick(r, B64, 5)}A==`,
      spans: () => ({}),
      mutable: () => ({ positions: range(0, 86), alphabet: B64 }),
    },
    {
      raw: { signature: 'AzFu', seed: '0x1234' },
      groups: [],
      make: (r) => `${pick(r, `${ALNUM}-_`, 33)}AzFu${pick(r, ALNUM, 6)}`,
      spans: () => ({}),
      mutable: () => ({ positions: range(0, 43), alphabet: `${ALNUM}-_` }),
    },
  ],
};

describe('checksum registry', () => {
  it('every registered algorithm has property shapes, and getChecksum finds it by name', () => {
    for (const name of Object.keys(checksums)) {
      expect(shapes[name as ChecksumName]?.length, name).toBeGreaterThan(0);
      expect(getChecksum(name)?.name).toBe(name);
    }
    expect(getChecksum('nope')).toBeUndefined();
    expect(getChecksum('toString')).toBeUndefined();
  });
});

for (const [name, list] of Object.entries(shapes)) {
  const algo = getChecksum(name)!;
  describe(`${name}: generic properties`, () => {
    list.forEach((shape, si) => {
      const params = algo.parseParams(shape.raw, shape.groups);

      it(`shape ${si}: repair() gives a token that verifies, with the same length`, () => {
        const r = rng(100 + si);
        for (let i = 0; i < 25; i++) {
          const shaped = shape.make(r);
          const fixed = algo.repair({ secret: shaped, spans: shape.spans(shaped) }, params);
          expect(fixed.length).toBe(shaped.length);
          expect(algo.verify({ secret: fixed, spans: shape.spans(fixed) }, params)).toBe(true);
        }
      });

      it(`shape ${si}: any single-character change breaks it`, () => {
        const r = rng(200 + si);
        for (let i = 0; i < 4; i++) {
          const shaped = shape.make(r);
          const fixed = algo.repair({ secret: shaped, spans: shape.spans(shaped) }, params);
          const { positions, alphabet } = shape.mutable(fixed);
          for (const pos of positions) {
            const c = otherChar(r, alphabet, fixed.charAt(pos));
            const changed = fixed.slice(0, pos) + c + fixed.slice(pos + 1);
            expect(algo.verify({ secret: changed, spans: shape.spans(changed) }, params), `${changed} @${pos}`).toBe(false);
          }
        }
      });

      it(`shape ${si}: verify() never throws`, () => {
        const r = rng(300 + si);
        const junk = ['', '=', '\u0000\uffff', 'x'.repeat(500), '😀'.repeat(40)];
        for (let i = 0; i < 30; i++) junk.push(pick(r, `${ALNUM}+/=-_.1 `, Math.floor(r() * 120)));
        const spanSets: ChecksumInput['spans'][] = [{}, { check: [-5, 99], body: [3, 1], covered: [0, 1e9] }];
        for (const s of junk) {
          for (const spans of [...spanSets, shape.spans(s)]) {
            expect(() => algo.verify({ secret: s, spans }, params)).not.toThrow();
          }
        }
      });
    });
  });
}
