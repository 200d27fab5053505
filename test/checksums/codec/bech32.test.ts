// BIP-173 and BIP-350 test vectors.
import { describe, expect, it } from 'vitest';
import {
  bech32ChecksumOk,
  convertBits,
  encodeBech32,
  parseBech32,
  type Bech32Variant,
} from '../../../src/checksums/codec/bech32.js';

const valid: [Bech32Variant, string][] = [
  ['bech32', 'A12UEL5L'],
  ['bech32', 'a12uel5l'],
  ['bech32', 'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs'],
  ['bech32', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'],
  ['bech32', '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j'],
  ['bech32', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w'],
  ['bech32', '?1ezyfcl'],
  ['bech32m', 'A1LQFN3A'],
  ['bech32m', 'a1lqfn3a'],
  ['bech32m', 'abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx'],
  ['bech32m', 'split1checkupstagehandshakeupstreamerranterredcaperredlc445v'],
  ['bech32m', '?1v759aa'],
];

describe('bech32 codec', () => {
  it.each(valid)('%s: %s is valid and re-encodes', (variant, s) => {
    const p = parseBech32(s);
    expect(p).toBeDefined();
    expect(bech32ChecksumOk(p!, variant)).toBe(true);
    expect(bech32ChecksumOk(p!, variant === 'bech32' ? 'bech32m' : 'bech32')).toBe(false);
    expect(encodeBech32(p!.hrp, p!.words, variant)).toBe(s.toLowerCase());
  });

  it('rejects the BIP-173 invalid strings', () => {
    for (const s of ['pzry9x0s0muk', '1pzry9x0s0muk', 'x1b4n0q5v', 'li1dgmt3', '10a06t8', '1qzzfhee']) {
      const p = parseBech32(s);
      expect(p === undefined || !bech32ChecksumOk(p, 'bech32'), s).toBe(true);
    }
    // checksum computed with an upper-case HRP
    expect(bech32ChecksumOk(parseBech32('A1G7SGD8')!, 'bech32')).toBe(false);
  });

  it('rejects mixed case', () => {
    expect(parseBech32('a12uEl5l')).toBeUndefined();
  });

  it('decodes the BIP-173 payloads to their bytes', () => {
    const p = parseBech32('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw')!;
    expect(Buffer.from(convertBits(p.words, 5, 8, false)!).toString('hex')).toBe(
      '00443214c74254b635cf84653a56d7c675be77df',
    );
    const q = parseBech32('split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w')!;
    expect(Buffer.from(convertBits(q.words, 5, 8, false)!).toString('hex')).toBe(
      'c5f38b70305f519bf66d85fb6cf03058f3dde463ecd7918f2dc743918f2d',
    );
  });

  it('convertBits rejects non-zero padding when decoding', () => {
    expect(convertBits([31], 5, 8, false)).toBeUndefined();
    expect(convertBits([0, 1], 5, 8, false)).toBeUndefined(); // leftover bits not zero
    expect(convertBits([0, 0], 5, 8, false)).toEqual([0]); // 2 zero bits of padding are fine
  });
});
