// Bech32 / Bech32m strings (age secret keys: HRP "age-secret-key-", 32-byte payload, Bech32).
// The whole secret is the Bech32 string. Upper or lower case, never mixed.
import {
  bech32ChecksumOk,
  convertBits,
  encodeBech32,
  parseBech32,
  type Bech32Variant,
} from './codec/bech32.js';
import { optionalEnum, optionalInt, rejectUnknownKeys, requiredString } from './params.js';
import { ChecksumParamError, defineChecksum } from './types.js';

export interface Bech32Params {
  /** Expected human-readable part, lower case. */
  hrp: string;
  variant: Bech32Variant;
  /** Expected payload length in bytes after 5 -> 8 bit regrouping; null = any. */
  bytes: number | null;
}

const NAME = 'bech32';

export const bech32 = defineChecksum<Bech32Params>({
  name: NAME,
  description: 'Bech32 (BIP-173) or Bech32m (BIP-350) checksum, human-readable part and payload length',
  parseParams(raw) {
    rejectUnknownKeys(NAME, raw, ['hrp', 'variant', 'bytes']);
    const hrp = requiredString(NAME, raw, 'hrp', "'age-secret-key-'");
    if (!/^[\x21-\x7e]+$/.test(hrp)) {
      throw new ChecksumParamError(
        `bech32 checksum parameter "hrp" has characters outside ASCII 33..126: ${JSON.stringify(hrp)}`,
        'use the printable ASCII prefix before the last "1", e.g. hrp: age-secret-key-',
      );
    }
    const variant = optionalEnum<Bech32Variant>(NAME, raw, 'variant', ['bech32', 'bech32m']) ?? 'bech32';
    const bytes = optionalInt(NAME, raw, 'bytes', 1, 4096) ?? null;
    return { hrp: hrp.toLowerCase(), variant, bytes };
  },
  verify(input, p) {
    try {
      const parts = parseBech32(input.secret);
      if (!parts || parts.hrp !== p.hrp || !bech32ChecksumOk(parts, p.variant)) return false;
      const payload = convertBits(parts.words, 5, 8, false);
      if (!payload) return false;
      return p.bytes === null || payload.length === p.bytes;
    } catch {
      return false;
    }
  },
  repair(input, p) {
    const parts = parseBech32(input.secret);
    if (!parts) throw new Error('bech32 repair: not a Bech32 string');
    // Re-pack the payload so the padding bits are zero, then append a fresh checksum.
    const bytes: number[] = [];
    let acc = 0;
    let bits = 0;
    for (const w of parts.words) {
      acc = ((acc << 5) | w) & 0xffff;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((acc >> bits) & 0xff);
      }
    }
    const words = convertBits(bytes, 8, 5, true) as number[];
    const out = encodeBech32(p.hrp, words, p.variant);
    return parts.upper ? out.toUpperCase() : out;
  },
});
