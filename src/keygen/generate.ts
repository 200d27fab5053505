// Minting keys: 32 bytes from the CSPRNG, encoded, with the check digits appended.
import { createHash, randomBytes } from 'node:crypto';
import { encodeBase62Int } from '../checksums/codec/base62.js';
import { maskSecret } from '../engine/mask.js';
import { BODY_LENGTH, BODY_BYTES, appendCheck, assertPrefix, isKeyEncoding, type KeyEncoding } from './format.js';
import { KeyhoundError } from '../errors.js';

export interface GenerateKeyOptions {
  /** 2 to 32 characters of a-z, 0-9 and `_`, ending with `_`, e.g. `myapp_live_`. */
  prefix: string;
  /** Body encoding (default base62). */
  encoding?: KeyEncoding;
}

export interface GeneratedKey {
  /** The key itself: show it once, never store it. */
  key: string;
  /** SHA-256 of the key, lower-case hex: what to store. */
  sha256: string;
  /** Safe to log or show in a UI, e.g. `myapp_live_••••4f2a`. */
  masked: string;
}

/** The body text of 32 bytes in an encoding (fixed length per encoding). */
export function encodeBody(bytes: Uint8Array, encoding: KeyEncoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'base62':
      return encodeBase62Int(BigInt(`0x${buf.toString('hex') || '0'}`), BODY_LENGTH.base62);
    case 'base64url':
      return buf.toString('base64url');
    case 'hex':
      return buf.toString('hex');
  }
}

/** SHA-256 of a key (its UTF-8 bytes), lower-case hex. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key: prefix + body of 32 random bytes + base62 CRC32 of prefix + body. */
export function generateKey(options: GenerateKeyOptions): GeneratedKey {
  const { prefix } = options;
  const encoding = options.encoding ?? 'base62';
  if (!isKeyEncoding(encoding)) {
    throw new KeyhoundError(`unknown key encoding \`${String(encoding)}\``, 'use base62, base64url or hex');
  }
  assertPrefix(prefix);
  const bytes = randomBytes(BODY_BYTES);
  const key = appendCheck(prefix, encodeBody(bytes, encoding));
  bytes.fill(0);
  return { key, sha256: hashKey(key), masked: maskSecret(key, [prefix]) };
}
