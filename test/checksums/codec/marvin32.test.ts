// Vectors: the Marvin test cases published with Microsoft's security-utilities node package
// (which in turn come from SymCrypt and the .NET runtime tests).
import { describe, expect, it } from 'vitest';
import { marvin32, marvin64 } from '../../../src/checksums/codec/marvin32.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const seed0 = 0x004fb61a001bdbccn;
const seed1 = 0x804fb61a001bdbccn;
const seed2 = 0x804fb61a801bdbccn;

const cases: [bigint, Uint8Array, bigint][] = [
  [0xd53cd9cecd0893b7n, enc('abc'), 0x22c74339492769bfn],
  [0xddddeeeeffff000n, enc('abcdefghijklmnopqrstuvwxyz'), 0xa128eb7e7260aca2n],
  [seed0, new Uint8Array([]), 0x30ed35c100cd3c7dn],
  [seed0, new Uint8Array([175]), 0x48e73fc77d75ddc1n],
  [seed0, new Uint8Array([231, 15]), 0xb5f6e1fc485dbff8n],
  [seed0, new Uint8Array([55, 244, 149]), 0xf0b07c789b8cf7e8n],
  [seed0, new Uint8Array([134, 66, 220, 89]), 0x7008f2e87e9cf556n],
  [seed0, new Uint8Array([21, 63, 183, 152, 38]), 0xe6c08c6da2afa997n],
  [seed0, new Uint8Array([9, 50, 230, 36, 108, 71]), 0x6f04bf1a5ea24060n],
  [seed0, new Uint8Array([171, 66, 126, 168, 209, 15, 199]), 0xe11847e4f0678c41n],
  [seed1, new Uint8Array([]), 0x10a9d5d3996fd65dn],
  [seed1, new Uint8Array([175]), 0x68201f91960ebf91n],
  [seed1, new Uint8Array([231, 15]), 0x64b581631f6ab378n],
  [seed1, new Uint8Array([55, 244, 149]), 0xe1f2dfa6e5131408n],
  [seed1, new Uint8Array([134, 66, 220, 89]), 0x36289d9654fb49f6n],
  [seed1, new Uint8Array([21, 63, 183, 152, 38]), 0x0a06114b13464dbdn],
  [seed2, new Uint8Array([0]), 0xa37fb0da2ecae06cn],
  [seed2, new Uint8Array([255]), 0xfecef370701ae054n],
  [seed2, new Uint8Array([0, 255, 0, 255]), 0x24eaa279d9a529can],
  [seed2, new Uint8Array([255, 0, 255, 0, 255, 0, 255]), 0xfdfd187b1d3ce784n],
];

describe('marvin32', () => {
  it.each(cases.map((c, i) => [i, ...c] as const))('vector %i', (_i, seed, data, expected) => {
    expect(marvin64(data, seed)).toBe(expected);
    expect(marvin32(data, seed)).toBe(Number((expected & 0xffffffffn) ^ (expected >> 32n)));
  });
});
