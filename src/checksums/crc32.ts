// CRC32 checksums embedded in tokens. One algorithm, many conventions (token-formats.md):
//   GitHub/npm: CRC of the body only, base62, width 6
//   Atlassian:  CRC of everything before the check, hex upper, big-endian
//   Grafana:    CRC of prefix + secret, 4 bytes little-endian, hex lower
//   GitLab:     CRC of everything before the check, base36, width 7
import { encodeBase36 } from './codec/base36.js';
import { encodeBase62Int } from './codec/base62.js';
import { crc32 as crc32Bytes } from './codec/crc32.js';
import {
  checkGroup,
  optionalEnum,
  optionalInt,
  rejectUnknownKeys,
  requiredString,
} from './params.js';
import { ChecksumParamError, defineChecksum, type ChecksumInput } from './types.js';

export type Crc32Encoding = 'base62' | 'base36' | 'hex';

export interface Crc32Params {
  /** Groups concatenated as CRC input; null = everything in the secret before `expect`. */
  over: string[] | null;
  expect: string;
  encoding: Crc32Encoding;
  width: number;
  case: 'lower' | 'upper';
  byteOrder: 'big' | 'little';
}

/** Digits a full 32-bit value needs in each encoding (also the default width). */
const MIN_WIDTH: Record<Crc32Encoding, number> = { base62: 6, base36: 7, hex: 8 };
const NAME = 'crc32';

function coveredText(input: ChecksumInput, p: Crc32Params, expect: readonly [number, number]): string {
  if (p.over === null) return input.secret.slice(0, expect[0]);
  let text = '';
  for (const g of p.over) {
    const span = input.spans[g];
    if (span) text += input.secret.slice(span[0], span[1]); // an optional group that did not match adds nothing
  }
  return text;
}

/** The check digits for a CRC value under these parameters. */
export function encodeCrc32(value: number, p: Pick<Crc32Params, 'encoding' | 'width' | 'case' | 'byteOrder'>): string {
  let v = value >>> 0;
  if (p.byteOrder === 'little') {
    v = (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
  }
  switch (p.encoding) {
    case 'base62':
      return encodeBase62Int(v, p.width);
    case 'base36': {
      const s = encodeBase36(v, p.width);
      return p.case === 'upper' ? s.toUpperCase() : s;
    }
    case 'hex': {
      const s = v.toString(16).padStart(p.width, '0');
      return p.case === 'upper' ? s.toUpperCase() : s;
    }
  }
}

function validSpan(span: readonly [number, number] | undefined, len: number): span is readonly [number, number] {
  return span !== undefined && span[0] >= 0 && span[0] <= span[1] && span[1] <= len;
}

export const crc32 = defineChecksum<Crc32Params>({
  name: NAME,
  description:
    'CRC-32 (zlib) of named groups (or everything before the check digits), written in base62, base36 or hex',
  parseParams(raw, groups) {
    rejectUnknownKeys(NAME, raw, ['over', 'expect', 'encoding', 'width', 'case', 'byte_order']);
    const expect = requiredString(NAME, raw, 'expect', 'check   # the group holding the checksum digits');
    checkGroup(NAME, 'expect', expect, groups);
    let over: string[] | null = null;
    const rawOver = raw['over'];
    if (rawOver !== undefined && rawOver !== null) {
      const list = typeof rawOver === 'string' ? [rawOver] : rawOver;
      if (!Array.isArray(list) || list.length === 0 || !list.every((g) => typeof g === 'string')) {
        throw new ChecksumParamError(
          'crc32 checksum parameter "over" must be a group name or a non-empty list of group names',
          'write over: [body]  (or leave it out to cover everything before "expect")',
        );
      }
      over = list as string[];
      for (const g of over) {
        checkGroup(NAME, 'over', g, groups);
        if (g === expect) {
          throw new ChecksumParamError(
            `crc32 checksum "over" includes the "expect" group "${expect}"`,
            'list only the groups the checksum is computed from',
          );
        }
      }
    }
    const encoding = optionalEnum<Crc32Encoding>(NAME, raw, 'encoding', ['base62', 'base36', 'hex']);
    if (encoding === undefined) {
      throw new ChecksumParamError('crc32 checksum needs "encoding"', 'add encoding: base62 | base36 | hex');
    }
    const width = optionalInt(NAME, raw, 'width', MIN_WIDTH[encoding], 64) ?? MIN_WIDTH[encoding];
    const letterCase = optionalEnum(NAME, raw, 'case', ['lower', 'upper'] as const);
    if (letterCase !== undefined && encoding === 'base62') {
      throw new ChecksumParamError(
        'crc32 checksum parameter "case" does not apply to base62 (it uses both cases)',
        'remove case:',
      );
    }
    const byteOrder = optionalEnum(NAME, raw, 'byte_order', ['big', 'little'] as const) ?? 'big';
    return { over, expect, encoding, width, case: letterCase ?? 'lower', byteOrder };
  },
  verify(input, p) {
    try {
      const expect = input.spans[p.expect];
      if (!validSpan(expect, input.secret.length)) return false;
      if (p.over) {
        for (const g of p.over) {
          const s = input.spans[g];
          if (s !== undefined && !validSpan(s, input.secret.length)) return false;
        }
      }
      const actual = input.secret.slice(expect[0], expect[1]);
      if (actual.length !== p.width) return false;
      return actual === encodeCrc32(crc32Bytes(coveredText(input, p, expect)), p);
    } catch {
      return false;
    }
  },
  repair(input, p) {
    const expect = input.spans[p.expect];
    if (!validSpan(expect, input.secret.length)) {
      throw new Error(`crc32 repair: group "${p.expect}" has no span inside the secret`);
    }
    const digits = encodeCrc32(crc32Bytes(coveredText(input, p, expect)), p);
    return input.secret.slice(0, expect[0]) + digits + input.secret.slice(expect[1]);
  },
});
