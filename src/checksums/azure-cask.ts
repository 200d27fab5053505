// Microsoft "legacy common annotated security key" (CASK v1): 84 characters (88 long form).
//   [0,52) random base62 | "JQQJ9" | kind 9/D/H | date | platform | provider | signature | check
// The first 80 characters are base64 of 60 bytes; Marvin32 of those bytes (seed "Default0"),
// 4 bytes little-endian, written as a Base62.Net byte string right-padded with '0' to 6 and
// round-tripped through base64 (which zeroes the low bits of the 6th character). The standard
// form keeps 4 characters, the long form 6 + "==". Keys made before that change carry base64 of
// the checksum bytes instead (3 bytes standard, 4 long); both are accepted.
import { encodeBase62Bytes } from './codec/base62.js';
import { decodeBase64, encodeBase64 } from './codec/base64.js';
import { MARVIN_DEFAULT_SEED, marvin32 } from './codec/marvin32.js';
import { rejectUnknownKeys } from './params.js';
import { defineChecksum } from './types.js';

export type AzureCaskParams = Record<string, never>;

const NAME = 'azure-cask';
const BODY_RE = /^[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{22}$/;

function checksumBytes(first80: string): Uint8Array | undefined {
  const data = decodeBase64(first80, 'std');
  if (!data || data.length !== 60) return undefined;
  const m = marvin32(data, MARVIN_DEFAULT_SEED);
  return new Uint8Array([m & 0xff, (m >>> 8) & 0xff, (m >>> 16) & 0xff, m >>> 24]);
}

/** The 8-character base62 checksum text ("xxxxxx==", canonical base64). */
function base62Checksum(sum: Uint8Array): string {
  const text = encodeBase62Bytes(sum).padEnd(6, '0');
  return encodeBase64(decodeBase64(`${text}==`, 'std') as Uint8Array, 'std', true);
}

export const azureCask = defineChecksum<AzureCaskParams>({
  name: NAME,
  description: 'Microsoft common annotated security key (84/88 chars): Marvin32 checksum in base62 or base64',
  parseParams(raw) {
    rejectUnknownKeys(NAME, raw, []);
    return {};
  },
  verify(input) {
    try {
      const s = input.secret;
      const long = s.length === 88;
      if (!long && s.length !== 84) return false;
      const first80 = s.slice(0, 80);
      if (!BODY_RE.test(first80)) return false;
      const check = s.slice(80);
      if (long && !check.endsWith('==')) return false;
      const sum = checksumBytes(first80);
      if (!sum) return false;
      const b62 = base62Checksum(sum);
      if (long ? check === b62 : check === b62.slice(0, 4)) return true;
      return check === encodeBase64(long ? sum : sum.subarray(0, 3), 'std', true);
    } catch {
      return false;
    }
  },
  repair(input) {
    const s = input.secret;
    if (s.length !== 84 && s.length !== 88) throw new Error('azure-cask repair: length must be 84 or 88');
    const sum = checksumBytes(s.slice(0, 80));
    if (!sum) throw new Error('azure-cask repair: first 80 characters are not base64');
    const b62 = base62Checksum(sum);
    return s.slice(0, 80) + (s.length === 88 ? b62 : b62.slice(0, 4));
  },
});
