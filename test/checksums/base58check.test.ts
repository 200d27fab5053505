import { describe, expect, it } from 'vitest';
import { base58check, encodeBase58Check } from '../../src/checksums/base58check.js';
import { decodeBase58, encodeBase58 } from '../../src/checksums/codec/base58.js';
import { ChecksumParamError } from '../../src/checksums/types.js';

const input = (secret: string) => ({ secret, spans: {} });
const wif = base58check.parseParams({ version: 0x80, lengths: [33, 34] }, []);

// Bitcoin wiki "Wallet import format": private key 0c28fca3...72aa1d.
const KEY = '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d';
const EXPECTED_UNCOMPRESSED = ['5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTV', 'qvbTLvyTJ'];
const EXPECTED_COMPRESSED = ['KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1Zx', 'JwYvP98617'];

function payload(compressed: boolean): Uint8Array {
  return new Uint8Array([0x80, ...Buffer.from(KEY, 'hex'), ...(compressed ? [1] : [])]);
}

describe('base58check', () => {
  it('encodes the wiki key to the published WIFs, which verify', () => {
    const u = encodeBase58Check(payload(false));
    const c = encodeBase58Check(payload(true));
    expect(u).toBe(EXPECTED_UNCOMPRESSED.join(''));
    expect(c).toBe(EXPECTED_COMPRESSED.join(''));
    expect(base58check.verify(input(u), wif)).toBe(true);
    expect(base58check.verify(input(c), wif)).toBe(true);
  });

  it('rejects a wrong version byte or payload length even with a good checksum', () => {
    const testnet = encodeBase58Check(new Uint8Array([0xef, ...Buffer.from(KEY, 'hex')]));
    expect(base58check.verify(input(testnet), base58check.parseParams({}, []))).toBe(true);
    expect(base58check.verify(input(testnet), wif)).toBe(false);
    const short = encodeBase58Check(new Uint8Array([0x80, ...Buffer.from(KEY, 'hex').subarray(1)]));
    expect(base58check.verify(input(short), wif)).toBe(false);
  });

  it('rejects a broken checksum, and repair fixes it without changing the payload', () => {
    const good = EXPECTED_UNCOMPRESSED.join('');
    const bytes = decodeBase58(good)!;
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    const broken = encodeBase58(bytes);
    expect(base58check.verify(input(broken), wif)).toBe(false);
    expect(base58check.repair(input(broken), wif)).toBe(good);
  });

  it('never throws on junk', () => {
    for (const s of ['', '0OIl', '1', '11111', 'zzzz']) expect(base58check.verify(input(s), wif)).toBe(false);
  });

  it('parses parameters strictly', () => {
    expect(base58check.parseParams({ version: '0x80', lengths: 33 }, [])).toEqual({ version: [128], lengths: [33] });
    expect(() => base58check.parseParams({ version: 300 }, [])).toThrow(ChecksumParamError);
    expect(() => base58check.parseParams({ lengths: [] }, [])).toThrow(/empty list/);
    expect(() => base58check.parseParams({ versions: [1] }, [])).toThrow(/unknown base58check checksum parameter/);
  });
});
