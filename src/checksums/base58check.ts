// Base58Check (Bitcoin): payload + first 4 bytes of SHA256(SHA256(payload)), Base58 encoded.
// Bitcoin WIF private keys: version 0x80, 33-byte payload (34 with the 0x01 compressed flag).
import { createHash } from 'node:crypto';
import { decodeBase58, encodeBase58 } from './codec/base58.js';
import { optionalIntList, rejectUnknownKeys } from './params.js';
import { defineChecksum } from './types.js';

export interface Base58CheckParams {
  /** Allowed first payload bytes; null = any. */
  version: number[] | null;
  /** Allowed payload lengths in bytes (version byte included, checksum excluded); null = any. */
  lengths: number[] | null;
}

const NAME = 'base58check';

export function doubleSha256Checksum(payload: Uint8Array): Uint8Array {
  const first = createHash('sha256').update(payload).digest();
  return new Uint8Array(createHash('sha256').update(first).digest().subarray(0, 4));
}

/** Encode a payload with its Base58Check checksum. */
export function encodeBase58Check(payload: Uint8Array): string {
  const all = new Uint8Array(payload.length + 4);
  all.set(payload);
  all.set(doubleSha256Checksum(payload), payload.length);
  return encodeBase58(all);
}

export const base58check = defineChecksum<Base58CheckParams>({
  name: NAME,
  description: 'Base58Check: double SHA-256 checksum, optional version byte and payload length checks',
  parseParams(raw) {
    rejectUnknownKeys(NAME, raw, ['version', 'lengths']);
    return {
      version: optionalIntList(NAME, raw, 'version', 0, 255) ?? null,
      lengths: optionalIntList(NAME, raw, 'lengths', 1, 1024) ?? null,
    };
  },
  verify(input, p) {
    try {
      const bytes = decodeBase58(input.secret);
      if (!bytes || bytes.length < 5) return false;
      const payload = bytes.subarray(0, bytes.length - 4);
      const check = doubleSha256Checksum(payload);
      for (let i = 0; i < 4; i++) if (bytes[payload.length + i] !== check[i]) return false;
      if (p.version && !p.version.includes(payload[0] as number)) return false;
      if (p.lengths && !p.lengths.includes(payload.length)) return false;
      return true;
    } catch {
      return false;
    }
  },
  repair(input) {
    const bytes = decodeBase58(input.secret);
    if (!bytes || bytes.length < 5) throw new Error('base58check repair: not a Base58 string of 5+ bytes');
    return encodeBase58Check(bytes.subarray(0, bytes.length - 4));
  },
});
