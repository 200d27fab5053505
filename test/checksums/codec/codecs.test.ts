import { describe, expect, it } from 'vitest';
import { decodeBase36, encodeBase36 } from '../../../src/checksums/codec/base36.js';
import { decodeBase58, encodeBase58 } from '../../../src/checksums/codec/base58.js';
import { decodeBase62Int, encodeBase62Bytes, encodeBase62Int } from '../../../src/checksums/codec/base62.js';
import { decodeBase64, decodeBase64Any, encodeBase64 } from '../../../src/checksums/codec/base64.js';
import { crc32, crc32Table } from '../../../src/checksums/codec/crc32.js';
import { bytes, rng } from '../rng.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('crc32 codec', () => {
  it('gives the CRC-32/ISO-HDLC check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32Table(text('123456789'))).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
  it('table and native implementations agree on random data', () => {
    const r = rng(1);
    for (let i = 0; i < 200; i++) {
      const b = bytes(r, Math.floor(r() * 100));
      expect(crc32(b)).toBe(crc32Table(b));
    }
  });
  it('hashes strings as UTF-8', () => {
    expect(crc32('é')).toBe(crc32Table(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('base62 codec', () => {
  it('encodes integers big-endian with left padding', () => {
    expect(encodeBase62Int(0, 6)).toBe('000000');
    expect(encodeBase62Int(61, 2)).toBe('0z');
    expect(encodeBase62Int(62, 1)).toBe('10');
    expect(encodeBase62Int(0xffffffff, 6)).toBe('4gfFC3');
    expect(decodeBase62Int('4gfFC3')).toBe(0xffffffffn);
    expect(decodeBase62Int('4g-FC3')).toBeUndefined();
  });
  it('encodes byte strings like Base62.Net (one 0 per leading zero byte, no padding)', () => {
    expect(encodeBase62Bytes(new Uint8Array([0, 0, 0, 0]))).toBe('0000');
    expect(encodeBase62Bytes(new Uint8Array([0, 0, 0, 1]))).toBe('0001');
    expect(encodeBase62Bytes(new Uint8Array([0, 1]))).toBe('01');
    expect(encodeBase62Bytes(new Uint8Array([255, 255, 255, 255]))).toBe('4gfFC3');
    expect(encodeBase62Bytes(new Uint8Array([1, 0]))).toBe('48'); // 256 = 4*62 + 8
  });
});

describe('base36 codec', () => {
  it('round-trips and pads', () => {
    expect(encodeBase36(35, 3)).toBe('00z');
    expect(encodeBase36(0xffffffff, 7)).toBe('1z141z3');
    expect(decodeBase36('1Z141Z3')).toBe(0xffffffffn);
  });
});

describe('base58 codec', () => {
  it('matches known encodings', () => {
    expect(encodeBase58(text('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(encodeBase58(new Uint8Array([0, 0, 1]))).toBe('112');
    expect(Array.from(decodeBase58('112') ?? [])).toEqual([0, 0, 1]);
  });
  it('rejects characters outside the alphabet (0, O, I, l)', () => {
    for (const bad of ['0', 'O', 'I', 'l', '+']) expect(decodeBase58(`2NEpo${bad}`)).toBeUndefined();
  });
  it('round-trips random bytes', () => {
    const r = rng(2);
    for (let i = 0; i < 50; i++) {
      const b = bytes(r, Math.floor(r() * 40));
      if (i % 5 === 0 && b.length > 1) b[0] = 0;
      expect(Array.from(decodeBase58(encodeBase58(b)) ?? [])).toEqual(Array.from(b));
    }
  });
});

describe('base64 codec', () => {
  it('decodes strictly in one alphabet', () => {
    expect(Array.from(decodeBase64('AAE=', 'std') ?? [])).toEqual([0, 1]);
    expect(Array.from(decodeBase64('AAE', 'std') ?? [])).toEqual([0, 1]);
    expect(decodeBase64('AA*E', 'std')).toBeUndefined();
    expect(decodeBase64('a-b_', 'std')).toBeUndefined();
    expect(decodeBase64('+/+/', 'url')).toBeUndefined();
    expect(decodeBase64('AAE==', 'std')).toBeUndefined();
    expect(decodeBase64('A', 'std')).toBeUndefined();
  });
  it('rejects non-canonical trailing bits when asked', () => {
    expect(decodeBase64('AAF=', 'std')).toBeDefined();
    expect(decodeBase64('AAF=', 'std', true)).toBeUndefined();
  });
  it('picks the alphabet from the text', () => {
    expect(Array.from(decodeBase64Any('-_8') ?? [])).toEqual([0xfb, 0xff]);
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]), 'url', false)).toBe('-_8');
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]), 'url', true)).toBe('-_8=');
    expect(encodeBase64(new Uint8Array([0xfb, 0xff]), 'std', false)).toBe('+/8');
  });
});
