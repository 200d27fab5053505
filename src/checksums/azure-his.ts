// Microsoft identifiable keys (HIS v1), e.g. Azure Storage account keys (64 bytes, 88 chars):
// the decoded key ends with a 3-byte signature (rendered as 4 aligned base64 characters such as
// "+ASt") and a 4-byte little-endian Marvin32 of everything before the checksum.
import { decodeBase64, encodeBase64, type Base64Alphabet } from './codec/base64.js';
import { MARVIN_DEFAULT_SEED, marvin32 } from './codec/marvin32.js';
import { optionalString, rejectUnknownKeys, requiredString } from './params.js';
import { ChecksumParamError, defineChecksum } from './types.js';

export interface AzureHisParams {
  /** 4-character base64 signature, standard alphabet (e.g. "+ASt"). */
  signature: string;
  /** Marvin32 seed, 16 lower-case hex digits (JSON-safe; 64 bits do not fit a number). */
  seed: string;
}

const NAME = 'azure-his';

interface Decoded {
  bytes: Uint8Array;
  alphabet: Base64Alphabet;
  padded: boolean;
  /** Offset of the signature in the text. */
  sigAt: number;
}

function decodeKey(text: string): Decoded | undefined {
  const hasStd = /[+/]/.test(text);
  const hasUrl = /[-_]/.test(text);
  if (hasStd && hasUrl) return undefined;
  const alphabet: Base64Alphabet = hasUrl ? 'url' : 'std';
  const bytes = decodeBase64(text, alphabet, true);
  if (!bytes || bytes.length < 8) return undefined;
  const trimmed = text.replace(/=+$/, '');
  return { bytes, alphabet, padded: trimmed.length !== text.length, sigAt: trimmed.length - 10 };
}

function signatureFor(sig: string, alphabet: Base64Alphabet): string {
  return alphabet === 'url' ? sig.replace(/\+/g, '-').replace(/\//g, '_') : sig;
}

function computeChecksum(bytes: Uint8Array, seed: string): number {
  return marvin32(bytes.subarray(0, bytes.length - 4), BigInt(`0x${seed}`));
}

export const azureHis = defineChecksum<AzureHisParams>({
  name: NAME,
  description: 'Microsoft identifiable key: base64 signature and Marvin32 checksum in the last 7 bytes',
  parseParams(raw) {
    rejectUnknownKeys(NAME, raw, ['signature', 'seed']);
    const signature = requiredString(NAME, raw, 'signature', "'+ASt'");
    if (!/^[A-Za-z0-9+/]{4}$/.test(signature)) {
      throw new ChecksumParamError(
        `azure-his checksum parameter "signature" must be 4 base64 characters, got ${JSON.stringify(signature)}`,
        "quote it in YAML, e.g. signature: '+ASt'",
      );
    }
    if (typeof raw['seed'] === 'number' || typeof raw['seed'] === 'bigint') {
      throw new ChecksumParamError(
        'azure-his checksum parameter "seed" must be a quoted hex string (a 64-bit number loses precision)',
        "write seed: '0x44656661756C7430'",
      );
    }
    const seedText = optionalString(NAME, raw, 'seed') ?? MARVIN_DEFAULT_SEED.toString(16);
    const m = /^(?:0x)?([0-9a-f]{1,16})$/i.exec(seedText.trim());
    if (!m) {
      throw new ChecksumParamError(
        `azure-his checksum parameter "seed" must be up to 16 hex digits, got ${JSON.stringify(seedText)}`,
        "write seed: '0x44656661756C7430'",
      );
    }
    return { signature, seed: (m[1] as string).toLowerCase().padStart(16, '0') };
  },
  verify(input, p) {
    try {
      const d = decodeKey(input.secret);
      if (!d || d.sigAt < 0) return false;
      if (input.secret.slice(d.sigAt, d.sigAt + 4) !== signatureFor(p.signature, d.alphabet)) return false;
      const n = d.bytes.length;
      const stored =
        ((d.bytes[n - 4] as number) |
          ((d.bytes[n - 3] as number) << 8) |
          ((d.bytes[n - 2] as number) << 16) |
          ((d.bytes[n - 1] as number) << 24)) >>>
        0;
      return stored === computeChecksum(d.bytes, p.seed);
    } catch {
      return false;
    }
  },
  repair(input, p) {
    const hasUrl = /[-_]/.test(input.secret);
    const alphabet: Base64Alphabet = hasUrl ? 'url' : 'std';
    const trimmed = input.secret.replace(/=+$/, '');
    const padded = trimmed.length !== input.secret.length;
    const sigAt = trimmed.length - 10;
    if (sigAt < 0) throw new Error('azure-his repair: key too short');
    const withSig = trimmed.slice(0, sigAt) + signatureFor(p.signature, alphabet) + trimmed.slice(sigAt + 4);
    const bytes = decodeBase64(withSig, alphabet, false);
    if (!bytes || bytes.length < 8) throw new Error('azure-his repair: not base64');
    const copy = new Uint8Array(bytes);
    const m = computeChecksum(copy, p.seed);
    const n = copy.length;
    copy[n - 4] = m & 0xff;
    copy[n - 3] = (m >>> 8) & 0xff;
    copy[n - 2] = (m >>> 16) & 0xff;
    copy[n - 1] = m >>> 24;
    return encodeBase64(copy, alphabet, padded);
  },
});
