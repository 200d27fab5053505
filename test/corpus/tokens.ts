// Realistic credential generators for the quality corpus. Every token is made at test time from
// crypto random bytes; checksummed families get a valid checksum from the project's own checksum
// registry (repair()), so the repository never holds a token that looks live.
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { randomBytes, randomInt, randomUUID } from '../helpers/test-random.js';
import { checksums } from '../../src/checksums/registry.js';
import type { ChecksumInput } from '../../src/checksums/types.js';
import { BECH32_CHARSET, convertBits, encodeBech32 } from '../../src/checksums/codec/bech32.js';
import { encodeBase58Check } from '../../src/checksums/base58check.js';

export const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const URLSAFE = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGITS = '0123456789';

// Random text must not accidentally spell a placeholder word or a long run: a scanner may
// rightly drop such values, and the corpus must not be flaky because of a lucky draw.
const ACCIDENTAL = /example|xxx|test|fake|dummy|sample|secret|passw|token|change|redact|(.)\1\1/i;

export function randFrom(alphabet: string, n: number): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
    if (!ACCIDENTAL.test(s)) return s;
  }
}

const b64url = (b: Uint8Array | string): string => Buffer.from(b).toString('base64url');
const b64 = (b: Uint8Array | string): string => Buffer.from(b).toString('base64');

// ---------------------------------------------------------------------------------------------
// Checksummed families: how to call the registry for each.

interface ChecksumSpec {
  algorithm: keyof typeof checksums;
  raw: Record<string, unknown>;
  groups: string[];
  spans(secret: string): ChecksumInput['spans'];
  /** [start, end) of the characters a one-character change may touch, and their alphabet. */
  mutable(secret: string): { start: number; end: number; alphabet: string };
}

const crcGithub = (prefixLen: number): ChecksumSpec => ({
  algorithm: 'crc32',
  raw: { over: ['body'], expect: 'check', encoding: 'base62', width: 6 },
  groups: ['secret', 'body', 'check'],
  spans: (s) => ({ body: [prefixLen, prefixLen + 30], check: [prefixLen + 30, prefixLen + 36] }),
  mutable: () => ({ start: prefixLen, end: prefixLen + 30, alphabet: ALNUM }),
});

export const CHECKSUMMED = {
  'github-pat': crcGithub(4),
  'github-oauth': crcGithub(4),
  'github-app': crcGithub(4),
  npm: crcGithub(4),
  'grafana-sa': {
    algorithm: 'crc32',
    raw: { over: ['prefix', 'body'], expect: 'check', encoding: 'hex', byte_order: 'little', case: 'lower', width: 8 },
    groups: ['secret', 'prefix', 'body', 'check'],
    spans: () => ({ prefix: [0, 5], body: [5, 37], check: [38, 46] }),
    mutable: () => ({ start: 5, end: 37, alphabet: ALNUM }),
  },
  atlassian: {
    algorithm: 'crc32',
    raw: { expect: 'check', encoding: 'hex', case: 'upper', width: 8 },
    groups: ['secret', 'check'],
    spans: (s) => ({ check: [s.length - 8, s.length] }),
    mutable: (s) => ({ start: 12, end: s.length - 9, alphabet: URLSAFE }),
  },
  'gitlab-routable': {
    algorithm: 'crc32',
    raw: { expect: 'check', encoding: 'base36', width: 7 },
    groups: ['secret', 'check'],
    spans: (s) => ({ check: [s.length - 7, s.length] }),
    mutable: (s) => ({ start: 6, end: s.indexOf('.01.'), alphabet: URLSAFE }),
  },
  age: {
    algorithm: 'bech32',
    raw: { hrp: 'age-secret-key-', variant: 'bech32', bytes: 32 },
    groups: ['secret'],
    spans: () => ({}),
    mutable: (s) => ({ start: 16, end: s.length, alphabet: BECH32_CHARSET.toUpperCase() }),
  },
  'bitcoin-wif': {
    algorithm: 'base58check',
    raw: { version: [0x80], lengths: [33, 34] },
    groups: ['secret'],
    spans: () => ({}),
    mutable: (s) => ({ start: 2, end: s.length, alphabet: BASE58 }),
  },
  'azure-cask': {
    algorithm: 'azure-cask',
    raw: {},
    groups: ['secret'],
    spans: () => ({}),
    mutable: () => ({ start: 0, end: 52, alphabet: ALNUM }),
  },
  'azure-storage': {
    algorithm: 'azure-his',
    raw: { signature: '+ASt' },
    groups: ['secret'],
    spans: () => ({}),
    mutable: () => ({ start: 0, end: 70, alphabet: B64 }),
  },
} satisfies Record<string, ChecksumSpec>;

export type ChecksummedFamily = keyof typeof CHECKSUMMED;

function params(spec: ChecksumSpec): unknown {
  return checksums[spec.algorithm].parseParams(spec.raw, spec.groups);
}

export function repairToken(family: ChecksummedFamily, shape: string): string {
  const spec: ChecksumSpec = CHECKSUMMED[family];
  const algo = checksums[spec.algorithm] as (typeof checksums)['crc32'];
  return algo.repair({ secret: shape, spans: spec.spans(shape) }, params(spec) as never);
}

export function checksumValid(family: ChecksummedFamily, token: string): boolean {
  const spec: ChecksumSpec = CHECKSUMMED[family];
  const algo = checksums[spec.algorithm] as (typeof checksums)['crc32'];
  return algo.verify({ secret: token, spans: spec.spans(token) }, params(spec) as never);
}

/** True when the token's checksummed part holds an accidental word (so one change may not remove it). */
export function spanIsAccidental(family: ChecksummedFamily, token: string): boolean {
  const { start, end } = CHECKSUMMED[family].mutable(token);
  return ACCIDENTAL.test(token.slice(start, end));
}

/**
 * The token with one character in its checksummed part changed, so the checksum fails (from a
 * fresh token of the family, of the same length, when that token's span holds an accidental word).
 */
export function oneCharOff(family: ChecksummedFamily, token: string): string {
  // Bounded: when the span already holds an accidental word (say a checksum that spells "test"),
  // no single change removes it, so start again from a fresh token of the family.
  for (let tries = 0; ; tries++) {
    if (tries === 200) return oneCharOff(family, freshOfLength(family, token.length));
    const { start, end, alphabet } = CHECKSUMMED[family].mutable(token);
    const i = start + randomInt(end - start);
    const old = token[i] as string;
    let c = old;
    while (c === old) c = alphabet[randomInt(alphabet.length)] as string;
    const out = token.slice(0, i) + c + token.slice(i + 1);
    if (!ACCIDENTAL.test(out.slice(start, end)) && !checksumValid(family, out)) return out;
  }
}

/** A fresh token of the family as long as the one it replaces (WIF keys come in 51 and 52). */
function freshOfLength(family: ChecksummedFamily, length: number): string {
  for (;;) {
    const token = FAMILIES[family].gen();
    if (token.length === length) return token;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators, one per family.

function githubLike(prefix: string): string {
  return repairToken('github-pat', `${prefix}${randFrom(ALNUM, 30)}000000`);
}

function atlassian(): string {
  // base64url of 128 random bytes would be 171 chars; the real tokens keep one '=' before the check.
  return repairToken('atlassian', `ATATT3xFfGF0${randFrom(URLSAFE, 171)}=00000000`);
}

function gitlabRoutable(): string {
  const routing = `c:${randomInt(1, 9).toString(36)}\no:${randomInt(1, 2 ** 30).toString(36)}\nu:${randomInt(1, 2 ** 30).toString(36)}`;
  const payload = Buffer.concat([randomBytes(16), Buffer.from(routing), Buffer.from([routing.length])]);
  const encoded = b64url(payload);
  const shape = `glpat-${encoded}.01.${encoded.length.toString(36).padStart(2, '0')}0000000`;
  return repairToken('gitlab-routable', shape);
}

function ageKey(): string {
  const words = convertBits([...randomBytes(32)], 8, 5, true) as number[];
  return encodeBech32('age-secret-key-', words, 'bech32').toUpperCase();
}

/** The public recipient of an age key: public, so a decoy. */
export function agePublicKey(): string {
  const words = convertBits([...randomBytes(32)], 8, 5, true) as number[];
  return encodeBech32('age', words, 'bech32');
}

function bitcoinWif(): string {
  const compressed = randomInt(2) === 1;
  const payload = Buffer.concat([Buffer.from([0x80]), randomBytes(32), Buffer.from(compressed ? [1] : [])]);
  return encodeBase58Check(payload);
}

/** A P2PKH Bitcoin address (version 0x00): public, so a decoy. */
export function bitcoinAddress(): string {
  return encodeBase58Check(Buffer.concat([Buffer.from([0]), randomBytes(20)]));
}

function azureCask(): string {
  const signature = ['AZEG', 'AZDO', 'ACOG', 'AZSE'][randomInt(4)] as string;
  const year = 'AB'[randomInt(2)] as string;
  const month = 'ABCDEFGHIJKL'[randomInt(12)] as string;
  const shape = `${randFrom(ALNUM, 52)}JQQJ99${year}${month}${randFrom(ALNUM, 12)}${randFrom(ALNUM, 4)}${signature}0000`;
  return repairToken('azure-cask', shape);
}

function azureStorage(): string {
  return repairToken('azure-storage', b64(randomBytes(64)));
}

function awsKeyId(): string {
  // New-generation id: bit 47 set, a 12-digit account id in bits 7..46, random low bits.
  const account = BigInt(randomInt(100000000000, 999999999999));
  const z = (1n << 47n) | (account << 7n) | BigInt(randomInt(128));
  const bytes = Buffer.alloc(10);
  for (let i = 0; i < 6; i++) bytes[i] = Number((z >> BigInt(8 * (5 - i))) & 0xffn);
  randomBytes(4).copy(bytes, 6);
  let bits = 0;
  let acc = 0;
  let out = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(acc >> bits) & 31];
    }
  }
  const id = `${randomInt(4) === 0 ? 'ASIA' : 'AKIA'}${out}`;
  return ACCIDENTAL.test(id) ? awsKeyId() : id;
}

function jwt(): string {
  const now = Math.floor(Date.now() / 1000) - randomInt(86400 * 30);
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = {
    sub: randomUUID(),
    iss: ['https://auth.acme-internal.io', 'https://login.orbitpay.dev', 'billing-svc'][randomInt(3)],
    aud: 'api',
    iat: now,
    exp: now + 3600 * 24 * 365,
    scope: ['read:orders write:orders', 'admin', 'openid profile email'][randomInt(3)],
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = createHmac('sha256', randomBytes(32)).update(signingInput).digest();
  return `${signingInput}.${b64url(sig)}`;
}

function pypi(): string {
  const field = (type: number, data: Buffer): Buffer => Buffer.concat([Buffer.from([type, data.length]), data]);
  const caveat = Buffer.from(JSON.stringify({ permissions: 'user', version: 1 }));
  const bytes = Buffer.concat([
    Buffer.from([0x02]),
    field(1, Buffer.from('pypi.org')),
    field(2, Buffer.from(randomUUID())),
    Buffer.from([0]),
    field(2, caveat),
    Buffer.from([0]),
    Buffer.from([0]),
    field(6, randomBytes(32)),
  ]);
  return `pypi-${b64url(bytes)}`;
}

function vault(): string {
  const inner = Buffer.concat([
    Buffer.from([0x0a, 0x1c]),
    Buffer.from(`hvs.${randFrom(ALNUM, 24)}`),
    Buffer.from([0x10]),
    varint(Math.floor(Date.now() / 1000) - randomInt(86400 * 30)),
    Buffer.from([0x18, 0x02]),
  ]);
  const bytes = Buffer.concat([
    Buffer.from([0x08, 0x01, 0x12, 0x20]),
    randomBytes(32),
    Buffer.from([0x1a, inner.length]),
    inner,
  ]);
  return `hvs.${b64url(bytes)}`;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = BigInt(n);
  while (v >= 0x80n) {
    out.push(Number((v & 0x7fn) | 0x80n));
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

function sentryOrg(): string {
  const org = ['acme', 'orbitpay', 'northwind-labs', 'tailspin'][randomInt(4)] as string;
  const json = JSON.stringify({
    iat: Date.now() / 1000 - randomInt(86400 * 90),
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org,
  });
  return `sntrys_${b64(json).replace(/=+$/, '')}_${b64(randomBytes(32)).replace(/=+$/, '')}`;
}

function grafanaCloud(): string {
  const stack = randomInt(100000, 999999);
  const json = JSON.stringify({
    o: String(randomInt(100000, 9999999)),
    n: `stack-${stack}-hm-read-${['alloy', 'deploy', 'ci'][randomInt(3)]}`,
    k: randFrom(ALNUM, 24),
    m: { r: ['prod-us-east-0', 'prod-eu-west-2'][randomInt(2)] },
  });
  return `glc_${b64(json)}`;
}

function discord(): string {
  const ms = BigInt(Date.now() - 1420070400000 - randomInt(1e9));
  const snowflake = (ms << 22n) | BigInt(randomInt(1 << 22));
  const ts = Buffer.alloc(4);
  ts.writeUInt32BE(Math.floor(Date.now() / 1000) - 1293840000 - randomInt(1e6));
  return `${b64url(snowflake.toString())}.${b64url(ts)}.${randFrom(URLSAFE, 38)}`;
}

function openai(): string {
  switch (randomInt(3)) {
    case 0:
      return `sk-proj-${randFrom(URLSAFE, 74)}T3BlbkFJ${randFrom(URLSAFE, 74)}`;
    case 1:
      return `sk-svcacct-${randFrom(URLSAFE, 74)}T3BlbkFJ${randFrom(URLSAFE, 74)}`;
    default:
      return `sk-${randFrom(ALNUM, 20)}T3BlbkFJ${randFrom(ALNUM, 20)}`;
  }
}

function slackWebhook(): string {
  return `https://hooks.slack.com/services/T${randFrom(UPPER_ALNUM, 8)}/B${randFrom(UPPER_ALNUM, 10)}/${randFrom(ALNUM, 24)}`;
}

function stripe(prefix: string): string {
  return randomInt(2) === 0 ? `${prefix}${randFrom(ALNUM, 24)}` : `${prefix}51${randFrom(ALNUM, 97)}`;
}

// ---------------------------------------------------------------------------------------------
// Private keys.

export function pemRsaPkcs1(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trimEnd();
}

/** Picks an index below n; the corpus passes its seeded PRNG so PEM line counts are reproducible. */
export type Choose = (n: number) => number;
const cryptoChoose: Choose = (n) => randomInt(n);

export function pemPkcs8(choose: Choose = cryptoChoose): string {
  const kind = choose(3);
  const { privateKey } =
    kind === 0
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : kind === 1
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trimEnd();
}

export function pemEcSec1(choose: Choose = cryptoChoose): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: choose(2) ? 'P-256' : 'P-384' });
  return privateKey.export({ type: 'sec1', format: 'pem' }).toString().trimEnd();
}

function sshString(b: Buffer | string): Buffer {
  const data = Buffer.from(b);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

function ed25519Raw(): { seed: Buffer; pub: Buffer } {
  for (;;) {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    const seed = Buffer.from(jwk.d as string, 'base64url');
    // A full-width seed keeps the OpenPGP MPI (and so the armored line count) a fixed size.
    if ((seed[0] as number) & 0x80) return { seed, pub: Buffer.from(jwk.x as string, 'base64url') };
  }
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

/** An unencrypted OpenSSH ed25519 private key (openssh-key-v1), built by hand. */
export function opensshEd25519(choose: Choose = cryptoChoose): string {
  const { seed, pub } = ed25519Raw();
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = randomBytes(4);
  let priv = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(`deploy@${['ci-runner', 'bastion', 'build-01'][choose(3)]}`),
  ]);
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    count,
    sshString(pubBlob),
    sshString(priv),
  ]);
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...wrap(b64(body), 70), '-----END OPENSSH PRIVATE KEY-----'].join('\n');
}

function crc24(data: Buffer): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

function mpi(data: Buffer): Buffer {
  let i = 0;
  while (i < data.length - 1 && data[i] === 0) i++;
  const d = data.subarray(i);
  const bits = (d.length - 1) * 8 + (32 - Math.clz32(d[0] as number));
  const head = Buffer.alloc(2);
  head.writeUInt16BE(bits);
  return Buffer.concat([head, d]);
}

function pgpPacket(tag: number, body: Buffer): Buffer {
  if (body.length < 192) return Buffer.concat([Buffer.from([0xc0 | tag, body.length]), body]);
  const len = body.length - 192;
  return Buffer.concat([Buffer.from([0xc0 | tag, (len >> 8) + 192, len & 0xff]), body]);
}

/** An unprotected OpenPGP v4 EdDSA secret key with a user id, ASCII-armored with its CRC-24. */
export function pgpPrivateKey(choose: Choose = cryptoChoose): string {
  const { seed, pub } = ed25519Raw();
  const created = Buffer.alloc(4);
  created.writeUInt32BE(Math.floor(Date.now() / 1000) - randomInt(1e7));
  const oid = Buffer.from([0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x0f, 0x01]);
  const secretMpi = mpi(seed);
  let sum = 0;
  for (const b of secretMpi) sum = (sum + b) & 0xffff;
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16BE(sum);
  const keyBody = Buffer.concat([
    Buffer.from([4]),
    created,
    Buffer.from([22, oid.length]),
    oid,
    mpi(Buffer.concat([Buffer.from([0x40]), pub])),
    Buffer.from([0]),
    secretMpi,
    checksum,
  ]);
  const uid = Buffer.from(`Release Signing <release@${['acme-internal.io', 'orbitpay.dev'][choose(2)]}>`);
  const data = Buffer.concat([pgpPacket(5, keyBody), pgpPacket(13, uid)]);
  const crc = Buffer.alloc(3);
  crc.writeUIntBE(crc24(data), 0, 3);
  return [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    '',
    ...wrap(b64(data), 64),
    `=${b64(crc)}`,
    '-----END PGP PRIVATE KEY BLOCK-----',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Public material (decoys).

export function publicKeyPem(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return publicKey.export({ type: 'spki', format: 'pem' }).toString().trimEnd();
}

export function sshPublicKey(): string {
  const host = ['laptop', 'ci', 'bastion'][randomInt(3)];
  if (randomInt(3) === 0) {
    const { pub } = ed25519Raw();
    return `ssh-ed25519 ${b64(Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]))} ops@${host}`;
  }
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  const mpint = (v: string): Buffer => {
    const raw = Buffer.from(v, 'base64url');
    return sshString((raw[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
  };
  const blob = Buffer.concat([sshString('ssh-rsa'), mpint(jwk.e as string), mpint(jwk.n as string)]);
  return `ssh-rsa ${b64(blob)} ops@${host}`;
}

// ---------------------------------------------------------------------------------------------
// Family table.

export type Shape = 'token' | 'pem' | 'url' | 'header' | 'sa-json';

export interface FamilySpec {
  /** `choose` decides structure that changes line counts (key type, curve); bytes stay crypto-random. */
  gen(choose?: Choose): string;
  /** Variable names a developer would use for it (lower snake case; sinks restyle them). */
  keys: readonly string[];
  shape: Shape;
}

const T = (gen: () => string, ...keys: string[]): FamilySpec => ({ gen, keys, shape: 'token' });

const PASSWORD_CHARS = `${ALNUM}!@%^*-_+=.~`;
function strongPassword(): string {
  return `${randFrom(LETTERS, 1)}${randFrom(PASSWORD_CHARS, randomInt(15, 28))}${randFrom(DIGITS, 1)}`;
}

export function connectionString(): string {
  const user = ['app', 'svc_orders', 'billing_rw', 'admin', 'etl'][randomInt(5)];
  const pw = `${randFrom(LETTERS, 1)}${randFrom(ALNUM, randomInt(15, 24))}`;
  const db = ['orders', 'billing', 'analytics', 'users'][randomInt(4)];
  switch (randomInt(5)) {
    case 0:
      return `postgres://${user}:${pw}@pg-${db}.internal.acme-corp.net:5432/${db}?sslmode=require`;
    case 1:
      return `mysql://${user}:${pw}@mysql-primary.prod.orbitpay.dev:3306/${db}`;
    case 2:
      return `mongodb+srv://${user}:${pw}@cluster0.h3k9q.mongodb.net/${db}?retryWrites=true&w=majority`;
    case 3:
      return `redis://default:${pw}@redis-12345.c1.us-east-1-2.ec2.cloud.redislabs.com:12345/0`;
    default:
      return `Server=tcp:sql-${db}.database.windows.net,1433;Database=${db};User ID=${user};Password=${pw};Encrypt=True;`;
  }
}

export function basicAuthUrl(): string {
  const user = ['deploy', 'ci-bot', 'jenkins', 'release'][randomInt(4)];
  const pw = `${randFrom(LETTERS, 1)}${randFrom(ALNUM, randomInt(17, 27))}`;
  const target = [
    'artifacts.acme-corp.net/repository/npm-private/',
    'git.orbitpay.dev/platform/infra.git',
    'pypi.internal.northwind.io/simple',
    'registry.tailspin.cloud/v2/',
  ][randomInt(4)];
  return `https://${user}:${pw}@${target}`;
}

export function basicAuthValue(): string {
  const user = ['svc-reporting', 'admin', 'metrics', 'api-client'][randomInt(4)];
  return `Basic ${b64(`${user}:${randFrom(ALNUM, randomInt(16, 28))}`)}`;
}

export const FAMILIES = {
  'github-pat': T(() => githubLike('ghp_'), 'github_token', 'gh_token', 'github_pat'),
  'github-oauth': T(() => githubLike('gho_'), 'github_oauth_token', 'gh_oauth_token'),
  'github-app': T(() => githubLike(['ghs_', 'ghu_', 'ghr_'][randomInt(3)] as string), 'github_app_token', 'installation_token'),
  'github-fine-grained': T(() => `github_pat_11${randFrom(UPPER_ALNUM, 20)}_${randFrom(ALNUM, 59)}`, 'github_token', 'gh_pat'),
  npm: T(() => repairToken('npm', `npm_${randFrom(ALNUM, 30)}000000`), 'npm_token', 'npm_auth_token'),
  atlassian: T(atlassian, 'jira_api_token', 'atlassian_token', 'confluence_token'),
  'grafana-sa': T(
    () => repairToken('grafana-sa', `glsa_${randFrom(ALNUM, 32)}_00000000`),
    'grafana_token',
    'grafana_sa_token',
  ),
  'grafana-cloud': T(grafanaCloud, 'grafana_cloud_token', 'grafana_cloud_api_key'),
  'gitlab-legacy': T(() => `glpat-${randFrom(URLSAFE, 20)}`, 'gitlab_token', 'gl_token'),
  'gitlab-routable': T(gitlabRoutable, 'gitlab_token', 'gitlab_pat'),
  age: T(ageKey, 'sops_age_key', 'age_identity'),
  'bitcoin-wif': T(bitcoinWif, 'wallet_wif', 'btc_private_key'),
  'azure-cask': T(azureCask, 'azure_openai_api_key', 'azure_devops_pat', 'eventgrid_key'),
  'azure-storage': T(azureStorage, 'azure_storage_key', 'storage_account_key'),
  pypi: T(pypi, 'pypi_token', 'twine_password'),
  jwt: T(jwt, 'access_token', 'service_jwt', 'id_token'),
  'slack-bot': T(() => `xoxb-${randFrom(DIGITS, 11)}-${randFrom(DIGITS, 13)}-${randFrom(ALNUM, 24)}`, 'slack_bot_token', 'slack_token'),
  'slack-user': T(
    () => `xoxp-${randFrom(DIGITS, 11)}-${randFrom(DIGITS, 12)}-${randFrom(DIGITS, 13)}-${randFrom(HEX, 32)}`,
    'slack_user_token',
  ),
  'slack-app': T(() => `xapp-1-A${randFrom(UPPER_ALNUM, 10)}-${randFrom(DIGITS, 13)}-${randFrom(HEX, 64)}`, 'slack_app_token'),
  'slack-webhook': T(slackWebhook, 'slack_webhook_url', 'alerts_webhook'),
  'stripe-live': T(() => stripe('sk_live_'), 'stripe_secret_key', 'stripe_api_key'),
  'stripe-restricted': T(() => stripe('rk_live_'), 'stripe_restricted_key'),
  'stripe-test': T(() => stripe('sk_test_'), 'stripe_secret_key', 'stripe_test_key'),
  'aws-key-id': T(awsKeyId, 'aws_access_key_id'),
  'aws-secret': T(() => randFrom(B64, 40), 'aws_secret_access_key'),
  'gcp-api-key': T(() => `AIzaSy${randFrom(URLSAFE, 33)}`, 'google_api_key', 'maps_api_key', 'firebase_api_key'),
  openai: T(openai, 'openai_api_key'),
  anthropic: T(() => `sk-ant-api03-${randFrom(URLSAFE, 93)}AA`, 'anthropic_api_key'),
  shopify: T(
    () => `${['shpat_', 'shpss_', 'shpca_', 'shppa_'][randomInt(4)]}${randFrom(HEX, 32)}`,
    'shopify_access_token',
    'shopify_api_secret',
  ),
  twilio: T(() => `SK${randFrom(HEX, 32)}`, 'twilio_api_key'),
  sendgrid: T(() => `SG.${randFrom(URLSAFE, 22)}.${randFrom(URLSAFE, 43)}`, 'sendgrid_api_key'),
  doppler: T(
    () => (randomInt(2) ? `dp.pt.${randFrom(ALNUM, 43)}` : `dp.st.prd.${randFrom(ALNUM, 43)}`),
    'doppler_token',
  ),
  vault: T(vault, 'vault_token'),
  'terraform-cloud': T(() => `${randFrom('abcdefghijklmnopqrstuvwxyz0123456789', 14)}.atlasv1.${randFrom(ALNUM, 67)}`, 'tfe_token', 'tf_api_token'),
  databricks: T(() => `dapi${randFrom(HEX, 32)}${randomInt(2) ? '-2' : ''}`, 'databricks_token'),
  'sentry-org': T(sentryOrg, 'sentry_auth_token'),
  'sentry-user': T(() => `sntryu_${randFrom(HEX, 64)}`, 'sentry_auth_token', 'sentry_user_token'),
  discord: T(discord, 'discord_bot_token'),
  mailgun: T(() => `key-${randFrom(HEX, 32)}`, 'mailgun_api_key'),
  huggingface: T(() => `hf_${randFrom(LETTERS, 34)}`, 'hf_token', 'huggingface_token'),
  'pem-rsa': { gen: pemRsaPkcs1, keys: ['private_key', 'tls_key'], shape: 'pem' },
  'pem-pkcs8': { gen: pemPkcs8, keys: ['private_key', 'signing_key'], shape: 'pem' },
  'pem-ec': { gen: pemEcSec1, keys: ['private_key', 'tls_key'], shape: 'pem' },
  openssh: { gen: opensshEd25519, keys: ['ssh_private_key', 'deploy_key'], shape: 'pem' },
  pgp: { gen: pgpPrivateKey, keys: ['gpg_private_key', 'signing_key'], shape: 'pem' },
  'gcp-service-account': { gen: pemPkcs8, keys: ['private_key'], shape: 'sa-json' },
  'connection-string': { gen: connectionString, keys: ['database_url', 'db_connection', 'mongo_uri', 'redis_url'], shape: 'url' },
  'basic-auth-url': { gen: basicAuthUrl, keys: ['registry_url', 'index_url', 'git_remote_url'], shape: 'url' },
  'basic-auth-header': { gen: basicAuthValue, keys: ['authorization'], shape: 'header' },
  'generic-password': T(strongPassword, 'db_password', 'admin_password', 'smtp_password', 'redis_password', 'keystore_password'),
  'generic-secret': T(
    () => (randomInt(2) ? randFrom(HEX, 64) : `${randFrom(B64, 43)}=`),
    'secret_key',
    'client_secret',
    'jwt_secret',
    'session_secret',
    'webhook_secret',
    'encryption_key',
  ),
  'generic-api-key': T(() => randFrom(ALNUM, randomInt(32, 40)), 'api_key', 'apikey', 'auth_token', 'partner_api_key', 'access_key'),
} satisfies Record<string, FamilySpec>;

export type Family = keyof typeof FAMILIES;
export const FAMILY_IDS = Object.keys(FAMILIES) as Family[];
