// Published tokens are stored in pieces and joined here: the repository must hold no token
// with a valid checksum (it would look live to other scanners).
import { describe, expect, it } from 'vitest';
import { crc32 as crc32Of } from '../../src/checksums/codec/crc32.js';
import { crc32, encodeCrc32 } from '../../src/checksums/crc32.js';
import { ChecksumParamError } from '../../src/checksums/types.js';
import { ALNUM, pick, rng } from './rng.js';

const join = (...parts: string[]): string => parts.join('');

/** Spans of named groups from a regex with the d flag, relative to the secret group. */
function inputFrom(re: RegExp, text: string) {
  const m = new RegExp(re.source, `${re.flags.replace(/[dg]/g, '')}d`).exec(text);
  if (!m?.indices?.groups || !m.groups) throw new Error('no match');
  const base = m.indices.groups['secret']?.[0] ?? 0;
  const spans: Record<string, readonly [number, number] | undefined> = {};
  for (const [name, span] of Object.entries(m.indices.groups)) {
    spans[name] = span ? [span[0] - base, span[1] - base] : undefined;
  }
  return { secret: m.groups['secret'] as string, spans };
}

const GITHUB = /(?<secret>gh[pousr]_(?<body>[A-Za-z0-9]{30})(?<check>[A-Za-z0-9]{6}))/;
const githubParams = crc32.parseParams(
  { over: ['body'], expect: 'check', encoding: 'base62', width: 6 },
  ['secret', 'body', 'check'],
);

describe('crc32: GitHub / npm (body only, base62)', () => {
  // dd-sensitive-data-scanner github_token_checksum.rs test vectors
  const valid = [
    join('ghp_', 'M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq', '11T4V4'),
    join('ghp_', 'HEEjXavM6wKtyhAUwDblMznMEhWyTt', '4XwY6f'),
    join('ghp_', 'yk8LTIKF7M9SgRPBFzu7nkPQBBLcAa', '2aAbrx'),
    join('ghp_', 'vKdQ4XtRZOBFd16YZEgyLKyQ8Cee4g', '2NJ0mT'),
  ];
  it.each(valid)('published token %# verifies', (t) => {
    expect(crc32.verify(inputFrom(GITHUB, t), githubParams)).toBe(true);
  });
  it('the published one-char-changed negative fails', () => {
    const t = join('ghp_', 'M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq', '11T4V3');
    expect(crc32.verify(inputFrom(GITHUB, t), githubParams)).toBe(false);
  });
  it('a CRC that includes the prefix does not verify GitHub tokens', () => {
    const withPrefix = crc32.parseParams({ expect: 'check', encoding: 'base62' }, ['secret', 'body', 'check']);
    expect(crc32.verify(inputFrom(GITHUB, valid[0] as string), withPrefix)).toBe(false);
  });
  it('repair produces the published check digits', () => {
    const broken = join('ghp_', 'M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq', '000000');
    expect(crc32.repair(inputFrom(GITHUB, broken), githubParams)).toBe(valid[0]);
  });
  it('npm tokens use the same convention', () => {
    const NPM = /(?<secret>npm_(?<body>[A-Za-z0-9]{30})(?<check>[A-Za-z0-9]{6}))/;
    const r = rng(7);
    const shape = `npm_${pick(r, ALNUM, 36)}`;
    const fixed = crc32.repair(inputFrom(NPM, shape), githubParams);
    expect(fixed.slice(0, 34)).toBe(shape.slice(0, 34));
    expect(fixed.slice(34)).toBe(encodeCrc32(crc32Of(fixed.slice(4, 34)), { ...githubParams }));
    expect(crc32.verify(inputFrom(NPM, fixed), githubParams)).toBe(true);
  });
});

describe('crc32: Atlassian (everything before the check, upper hex)', () => {
  const ATL = /(?<secret>ATATT3[A-Za-z0-9_\-=]{178}(?<check>[A-F0-9]{8}))/;
  const params = crc32.parseParams({ expect: 'check', encoding: 'hex', case: 'upper' }, ['secret', 'check']);
  // dd-sensitive-data-scanner atlassian_token_checksum.rs vectors
  const valid = [
    join(
      'ATATT3xFfGF0YZuf-EBmAHs1FyiNmk0cYQKtD9zx2LIv8d_zB-yk5Zp8nkug2Rp_ZnYJwq9ys-lS0PRAXLS4vL-crh5tbBbGQ',
      'ISteyOCpgUGgKjckD2MF9A6EZVGdTXikj52U2VDS8HeDlUq9Gmw8KYs5Kb0hS-LZo4Sb2PMpT1Zx0MmTXs_EyA=',
      'E2826606',
    ),
    join(
      'ATATT3xFfGF0Z0J8j7dew7xO2JMwbmnBZm-aJ5ORorE7qRgkDnmZYg9tpvatRzyvZNebxWeUxRZnSkEGeyAV3_Jew_YCxyCUsw',
      '_Ipefxsk0EFerD8PlRNEDtQQEmexYVpWbuTguSvV3USUg41GEdgTYa1MUK3YusfDWKzLthXBmkeUH4ZyaTp2Q=',
      '325540CC',
    ),
  ];
  it.each(valid)('published token %# verifies', (t) => {
    expect(crc32.verify(inputFrom(ATL, t), params)).toBe(true);
  });
  it('changed last digit fails; lower-case hex fails', () => {
    const t = valid[0] as string;
    expect(crc32.verify(inputFrom(ATL, `${t.slice(0, -1)}7`), params)).toBe(false);
    const lower = crc32.parseParams({ expect: 'check', encoding: 'hex' }, ['secret', 'check']);
    expect(crc32.verify(inputFrom(ATL, t), lower)).toBe(false);
  });
});

describe('crc32: Grafana service account (prefix + secret, little-endian hex)', () => {
  const GLSA = /(?<secret>(?<covered>glsa_[A-Za-z0-9]{32})_(?<check>[a-f0-9]{8}))/;
  const params = crc32.parseParams(
    { over: ['covered'], expect: 'check', encoding: 'hex', byte_order: 'little' },
    ['secret', 'covered', 'check'],
  );
  // grafana/grafana pkg/components/satokengen/tokengen_test.go
  const vector = join('glsa_', 'iNValIdinValiDinvalidinvalidinva', '_5b582697');
  it('the Grafana test vector verifies', () => {
    expect(crc32.verify(inputFrom(GLSA, vector), params)).toBe(true);
  });
  it('big-endian byte order does not', () => {
    const big = crc32.parseParams({ over: ['covered'], expect: 'check', encoding: 'hex' }, ['secret', 'covered', 'check']);
    expect(crc32.verify(inputFrom(GLSA, vector), big)).toBe(false);
  });
});

describe('crc32: GitLab routable (everything before the last 7, base36)', () => {
  const GLPAT = /(?<secret>glpat-[A-Za-z0-9_-]{27,300}\.01\.[a-z0-9]{2}(?<check>[a-z0-9]{7}))/;
  const params = crc32.parseParams({ expect: 'check', encoding: 'base36', width: 7 }, ['secret', 'check']);
  it('repair writes CRC32 of the prefix..length part in base36, zero-padded to 7', () => {
    const r = rng(11);
    const head = `glpat-${pick(r, `${ALNUM}_-`, 40)}.01.${pick(r, '0123456789abcdefghijklmnopqrstuvwxyz', 2)}`;
    const fixed = crc32.repair(inputFrom(GLPAT, `${head}0000000`), params);
    expect(fixed).toBe(head + crc32Of(head).toString(36).padStart(7, '0'));
    expect(crc32.verify(inputFrom(GLPAT, fixed), params)).toBe(true);
  });
});

describe('crc32: own app keys (prefix + body, base62)', () => {
  const APP = /(?<secret>(?<prefix>myapp_(?:live|test)_)(?<body>[A-Za-z0-9]{43})(?<check>[A-Za-z0-9]{6}))/;
  const params = crc32.parseParams(
    { over: ['prefix', 'body'], expect: 'check', encoding: 'base62' },
    ['secret', 'prefix', 'body', 'check'],
  );
  it('covers the prefix: the same body under another prefix fails', () => {
    const r = rng(3);
    const live = crc32.repair(inputFrom(APP, `myapp_live_${pick(r, ALNUM, 49)}`), params);
    expect(crc32.verify(inputFrom(APP, live), params)).toBe(true);
    expect(live.slice(-6)).toBe(encodeCrc32(crc32Of(live.slice(0, -6)), params));
    expect(crc32.verify(inputFrom(APP, live.replace('_live_', '_test_')), params)).toBe(false);
  });
});

describe('crc32: verify never throws and rejects odd spans', () => {
  it('handles missing and out-of-range spans', () => {
    const p = githubParams;
    expect(crc32.verify({ secret: 'ghp_x', spans: {} }, p)).toBe(false);
    expect(crc32.verify({ secret: 'ghp_x', spans: { body: [0, 3], check: [3, 99] } }, p)).toBe(false);
    expect(crc32.verify({ secret: 'ghp_x', spans: { body: [0, 3], check: [4, 2] } }, p)).toBe(false);
  });
  it('check of the wrong width fails', () => {
    const p = crc32.parseParams({ expect: 'check', encoding: 'base62', width: 8 }, ['check']);
    const s = `abc${encodeCrc32(crc32Of('abc'), { ...p, width: 6 })}`;
    expect(crc32.verify({ secret: s, spans: { check: [3, 9] } }, p)).toBe(false);
  });
});

describe('crc32: parameters', () => {
  const groups = ['secret', 'body', 'check'];
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['unknown key', { expect: 'check', encoding: 'hex', colour: 'red' }, /unknown crc32 checksum parameter "colour"/],
    ['camelCase key', { expect: 'check', encoding: 'hex', byteOrder: 'big' }, /byteOrder/],
    ['missing expect', { encoding: 'hex' }, /needs "expect"/],
    ['missing encoding', { expect: 'check' }, /needs "encoding"/],
    ['bad encoding', { expect: 'check', encoding: 'base64' }, /base62 \| base36 \| hex/],
    ['unknown group', { expect: 'chk', encoding: 'hex' }, /group "chk"/],
    ['unknown over group', { over: ['bdy'], expect: 'check', encoding: 'hex' }, /group "bdy"/],
    ['over includes expect', { over: ['body', 'check'], expect: 'check', encoding: 'hex' }, /includes the "expect"/],
    ['over not a list of names', { over: [1], expect: 'check', encoding: 'hex' }, /"over"/],
    ['width too small', { expect: 'check', encoding: 'hex', width: 6 }, /"width"/],
    ['width not a number', { expect: 'check', encoding: 'base62', width: '6' }, /"width"/],
    ['case on base62', { expect: 'check', encoding: 'base62', case: 'upper' }, /does not apply to base62/],
    ['bad byte order', { expect: 'check', encoding: 'hex', byte_order: 'middle' }, /big \| little/],
  ];
  it.each(bad)('%s -> ChecksumParamError with a fix', (_name, raw, message) => {
    let err: unknown;
    try {
      crc32.parseParams(raw, groups);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChecksumParamError);
    expect((err as ChecksumParamError).message).toMatch(message);
    expect((err as ChecksumParamError).fix.length).toBeGreaterThan(0);
  });
  it('fills defaults and accepts a single group name for over', () => {
    expect(crc32.parseParams({ over: 'body', expect: 'check', encoding: 'base36' }, groups)).toEqual({
      over: ['body'],
      expect: 'check',
      encoding: 'base36',
      width: 7,
      case: 'lower',
      byteOrder: 'big',
    });
  });
  it('parsed params survive JSON (rules are precompiled)', () => {
    const p = crc32.parseParams({ expect: 'check', encoding: 'hex', case: 'upper' }, groups);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});
