// Offline structure + checksum check of a custom app key, for services to reject malformed keys
// before a database lookup. Never throws.
import { decodeBase62Int } from '../checksums/codec/base62.js';
import { BODY_BYTES, BODY_LENGTH, CHECK_LENGTH, checkMatches, prefixProblem } from './format.js';

const MAX_BODY = 1n << BigInt(BODY_BYTES * 8);
const HEX_RE = /^[0-9a-f]+$/;
const B64URL_RE = /^[0-9A-Za-z_-]+$/;
const CHECK_RE = /^[0-9A-Za-z]+$/;

/** True when `body` is what one of the three encodings makes of 32 bytes. */
function bodyWellFormed(body: string): boolean {
  if (body.length === BODY_LENGTH.hex) return HEX_RE.test(body);
  if (body.length !== BODY_LENGTH.base62 || !B64URL_RE.test(body)) return false;
  const n = decodeBase62Int(body);
  if (n !== undefined && n < MAX_BODY) return true; // base62 of a 256-bit integer
  return Buffer.from(body, 'base64url').toString('base64url') === body; // canonical base64url
}

function wellFormed(key: string, prefixLength: number, bodyLength: number): boolean {
  const prefix = key.slice(0, prefixLength);
  const body = key.slice(prefixLength, prefixLength + bodyLength);
  const check = key.slice(prefixLength + bodyLength);
  return prefixProblem(prefix) === undefined && body.length === bodyLength && bodyWellFormed(body) &&
    check.length === CHECK_LENGTH && CHECK_RE.test(check) && checkMatches(key, prefixLength, bodyLength);
}

/**
 * True when `key` is a well-formed custom app key with a correct checksum (any of the three body
 * encodings, told apart by length). With `prefix`, the key must also start with it.
 * A true result says the key is not mistyped or forged by hand; only the database says it exists.
 */
export function verifyChecksum(key: string, prefix?: string): boolean {
  if (typeof key !== 'string' || key.length > 200) return false;
  if (prefix !== undefined && (typeof prefix !== 'string' || !key.startsWith(prefix))) return false;
  for (const bodyLength of new Set(Object.values(BODY_LENGTH))) {
    const prefixLength = key.length - bodyLength - CHECK_LENGTH;
    if (prefixLength < 2) continue;
    if (prefix !== undefined && prefixLength !== prefix.length) continue;
    if (wellFormed(key, prefixLength, bodyLength)) return true;
  }
  return false;
}
