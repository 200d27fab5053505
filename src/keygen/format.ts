// The "custom app key" format (token-formats.md): prefix + body + 6-char base62 CRC32 of
// prefix + body (prefix included, unlike GitHub). The checksum parameters below are the very ones
// the emitted rule declares, and the same crc32 algorithm the scanner runs computes them, so a key
// minted here and the rule that detects it cannot drift apart.
import { crc32, type Crc32Params } from '../checksums/crc32.js';
import { KeyhoundError } from '../errors.js';

export const KEY_ENCODINGS = ['base62', 'base64url', 'hex'] as const;
export type KeyEncoding = (typeof KEY_ENCODINGS)[number];

/** Random bytes in every key body (256 bits). */
export const BODY_BYTES = 32;
/** Characters of the body in each encoding. */
export const BODY_LENGTH: Readonly<Record<KeyEncoding, number>> = { base62: 43, base64url: 43, hex: 64 };
/** Regex character class of the body in each encoding (used by the emitted rule). */
export const BODY_CLASS: Readonly<Record<KeyEncoding, string>> = {
  base62: '[0-9A-Za-z]',
  base64url: '[0-9A-Za-z_-]',
  hex: '[0-9a-f]',
};
export const CHECK_LENGTH = 6;

/** The checksum block of the emitted rule, exactly as written in YAML. */
export const CHECKSUM_YAML = { over: ['prefix', 'body'], expect: 'check', encoding: 'base62', width: CHECK_LENGTH } as const;
const GROUPS = ['secret', 'prefix', 'body', 'check'] as const;
export const CHECKSUM_PARAMS: Crc32Params = crc32.parseParams(
  { ...CHECKSUM_YAML, over: [...CHECKSUM_YAML.over] },
  GROUPS,
);

export const PREFIX_MIN = 2;
export const PREFIX_MAX = 32;
const PREFIX_RE = /^[a-z0-9][a-z0-9_]*_$/;

export function isKeyEncoding(v: string): v is KeyEncoding {
  return (KEY_ENCODINGS as readonly string[]).includes(v);
}

/** Why a prefix is not acceptable, or undefined. */
export function prefixProblem(prefix: string): { message: string; fix: string } | undefined {
  const fix = 'use 2 to 32 characters of a-z, 0-9 and `_`, starting with a letter or digit and ending with `_`, e.g. `myapp_live_`';
  if (prefix.length < PREFIX_MIN || prefix.length > PREFIX_MAX) {
    return { message: `prefix \`${prefix}\` has ${prefix.length} characters (allowed ${PREFIX_MIN} to ${PREFIX_MAX})`, fix };
  }
  if (!PREFIX_RE.test(prefix)) {
    const why = /[^a-z0-9_]/.test(prefix)
      ? 'may only hold a-z, 0-9 and `_`'
      : !prefix.endsWith('_')
        ? 'does not end with `_`'
        : 'must start with a letter or digit';
    return { message: `prefix \`${prefix}\` ${why}`, fix };
  }
  return undefined;
}

/** Throws a KeyhoundError (exit 2 in the CLI) when the prefix is not acceptable. */
export function assertPrefix(prefix: string): void {
  const p = prefixProblem(prefix);
  if (p) throw new KeyhoundError(p.message, p.fix);
}

/** Spans of the named groups inside `prefix + body + check`, as the scanner reports them. */
export function keySpans(prefixLength: number, bodyLength: number): Record<string, readonly [number, number]> {
  const bodyEnd = prefixLength + bodyLength;
  const end = bodyEnd + CHECK_LENGTH;
  return { secret: [0, end], prefix: [0, prefixLength], body: [prefixLength, bodyEnd], check: [bodyEnd, end] };
}

/** `prefix + body` followed by its check digits. */
export function appendCheck(prefix: string, body: string): string {
  const shape = prefix + body + '0'.repeat(CHECK_LENGTH);
  return crc32.repair({ secret: shape, spans: keySpans(prefix.length, body.length) }, CHECKSUM_PARAMS);
}

/** True when the last 6 characters are the right check digits for `prefix + body`. */
export function checkMatches(key: string, prefixLength: number, bodyLength: number): boolean {
  if (key.length !== prefixLength + bodyLength + CHECK_LENGTH) return false;
  return crc32.verify({ secret: key, spans: keySpans(prefixLength, bodyLength) }, CHECKSUM_PARAMS);
}
