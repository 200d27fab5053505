// Positive cases are built at test time (keys generated, tokens encoded) so the repository holds
// nothing that looks like a live credential.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { randomBytes } from '../helpers/test-random.js';
import { describe, expect, it } from 'vitest';
import { awsAccountId } from '../../src/validators/aws-access-key-id.js';
import { deobfuscateJetty } from '../../src/validators/jetty-obfuscated.js';
import { crc24 } from '../../src/validators/private-key-body.js';
import { getValidator, validators } from '../../src/validators/registry.js';
import type { StructureValidator, ValidationResult } from '../../src/validators/types.js';

const b64u = (x: Uint8Array | string): string => Buffer.from(x).toString('base64url');
const b64 = (x: Uint8Array | string): string => Buffer.from(x).toString('base64');
const v = (name: string): StructureValidator => {
  const found = getValidator(name);
  if (!found) throw new Error(`no validator ${name}`);
  return found;
};
const ok = (r: ValidationResult): boolean => r.ok;
const notes = (r: ValidationResult): string[] => (r.ok ? (r.notes ?? []) : []);

describe('validator registry', () => {
  it('names match and lookups are safe', () => {
    for (const [name, val] of Object.entries(validators)) expect(val.name).toBe(name);
    expect(getValidator('constructor')).toBeUndefined();
    expect(getValidator('nope')).toBeUndefined();
  });
  it('no validator throws on junk', () => {
    const junk = ['', '.', '..', '...', 'a'.repeat(5000), '\u0000', '-----BEGIN X-----', 'pypi-', 'hvs.', 'glc_', 'sntrys__', '😀.😀.😀'];
    for (const val of Object.values(validators)) {
      for (const s of junk) {
        expect(() => val.validate(s, {})).not.toThrow();
        expect(val.validate(s, {}).ok, `${val.name} ${s.slice(0, 20)}`).toBe(false);
      }
    }
  });
});

describe('jwt', () => {
  const jwt = v('jwt');
  const make = (header: object, payload: object, sig = b64u(randomBytes(32))): string =>
    `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${sig}`;
  it('accepts a signed token', () => {
    expect(jwt.validate(make({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', iat: 1 }), {})).toEqual({ ok: true });
  });
  it('accepts a token wrapped after its dots, as docs print long tokens', () => {
    const [h, p, sig] = make({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', iat: 1 }).split('.');
    expect(jwt.validate(`${h}.\n${p}.\r\n    ${sig}`, {})).toEqual({ ok: true });
  });
  it('notes alg none and expiry', () => {
    const r = jwt.validate(make({ alg: 'none' }, { sub: 'x', exp: 1000000000 }, ''), {});
    expect(ok(r)).toBe(true);
    expect(notes(r)).toEqual(['unsigned JWT (alg: none)', 'expired 2001-09-09']);
  });
  it('drops the five-minute token of a GitHub image link, not other GitHub-issued tokens', () => {
    const image = { iss: 'github.com', aud: 'raw.githubusercontent.com', key: 'key5', exp: 1741633743, nbf: 1741633443, path: '/1/2-a.png' };
    expect(jwt.validate(make({ alg: 'HS256', typ: 'JWT' }, image), {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
    const actions = { iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', exp: 1741633743 };
    expect(ok(jwt.validate(make({ alg: 'RS256', typ: 'JWT' }, actions), {}))).toBe(true);
    expect(ok(jwt.validate(make({ alg: 'HS256' }, { ...image, aud: 'api.github.com' }), {}))).toBe(true);
  });
  it('rejects structure errors', () => {
    expect(ok(jwt.validate(make({ typ: 'JWT' }, { a: 1 }), {}))).toBe(false); // no alg
    expect(ok(jwt.validate(make({ alg: 'RS256' }, [1, 2] as unknown as object), {}))).toBe(false);
    expect(ok(jwt.validate(make({ alg: 'RS256' }, { a: 1 }, ''), {}))).toBe(false); // unsigned but alg set
    expect(ok(jwt.validate(`${b64u('not json')}.${b64u('{}')}.abc`, {}))).toBe(false);
    expect(ok(jwt.validate('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0', {}))).toBe(false); // 2 parts
    expect(ok(jwt.validate(`${make({ alg: 'HS256' }, { a: 1 })}.x.y`, {}))).toBe(false); // JWE-like 5 parts
  });
});

describe('bitbucket-dc-token', () => {
  const bb = v('bitbucket-dc-token');
  const token = (id: string, n = 20): string => b64(new Uint8Array([...Buffer.from(`${id}:`), ...randomBytes(n)]));
  it('accepts base64 of a 12-digit id, a colon and 20 random bytes, with or without BBDC-', () => {
    expect(bb.validate(token('857093158095'), {})).toEqual({ ok: true });
    expect(bb.validate(`BBDC-${token('123456789012')}`, {})).toEqual({ ok: true });
  });
  it('rejects other ids, lengths and random base64', () => {
    expect(ok(bb.validate(token('12345678901a'), {}))).toBe(false);
    expect(ok(bb.validate(token('857093158095', 21), {}))).toBe(false);
    expect(ok(bb.validate(b64(randomBytes(33)), {}))).toBe(false);
  });
});

describe('basic-credentials', () => {
  const basic = v('basic-credentials');
  const pair = (s: string): string => b64(s);
  it('accepts base64 of user:password', () => {
    expect(basic.validate(pair(`deploy:${b64u(randomBytes(12))}`), {})).toEqual({ ok: true });
  });
  it('calls documentation pairs placeholders, not bad structure', () => {
    for (const p of ['username:password', 'user:pass', 'admin:admin', 'foo:bar', 's6BhdRkqt3:gX1fBat3bV']) {
      expect(basic.validate(pair(p), {}), p).toMatchObject({ ok: false, lookalike: 'placeholder' });
    }
  });
  it('rejects what is not a pair', () => {
    expect(basic.validate(pair('no colon in here'), {})).toMatchObject({ ok: false });
    expect(basic.validate(pair('user:'), {})).toMatchObject({ ok: false });
    expect(basic.validate(b64(randomBytes(24)), {}).ok).toBe(false);
    expect(basic.validate(pair('no colon in here'), {})).not.toHaveProperty('lookalike');
  });
});

describe('example-host-password', () => {
  const check = v('example-host-password');
  it('keeps any password at another host', () => {
    expect(check.validate('secret', { host: 'db.internal' })).toEqual({ ok: true });
  });
  it('keeps a random-looking password at a documentation host', () => {
    const password = `${b64u(randomBytes(9)).replace(/[^A-Za-z0-9]/g, 'x')}7Qz`;
    for (const host of ['example.com', 'db.example.net', 'my-example.org']) {
      expect(ok(check.validate(password, { host })), `${password}@${host}`).toBe(true);
    }
  });
  it('calls a made-up password at a documentation host a placeholder', () => {
    // Gr33nG4rd3n and W3lc0meH0me pass every placeholder check but leetspeak: they spell words.
    for (const p of ['pass', 'awfasefsd', 's3cr3tpassword', 'D1fficultP%40ssw0rd', 'correct-horse', 'Gr33nG4rd3n', 'W3lc0meH0me']) {
      expect(check.validate(p, { host: 'db.example.com' }), p).toMatchObject({ ok: false, lookalike: 'placeholder' });
    }
  });
  it('rejects a match without a host', () => {
    expect(check.validate('Wq7zKd2mXbR4', {})).toMatchObject({ ok: false });
  });
});

describe('github-stateless-token', () => {
  const gh = v('github-stateless-token');
  const jwtPart = (payload: object): string =>
    `${b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}.${b64u(randomBytes(256))}`;
  it('accepts ghs_<app id>_<JWT> and names the app', () => {
    const r = gh.validate(`ghs_352871_${jwtPart({ iss: '352871', installation_id: 77 })}`, {});
    expect(ok(r)).toBe(true);
    expect(notes(r)[0]).toBe('GitHub App id 352871');
  });
  it('rejects a malformed JWT or a missing app id', () => {
    expect(ok(gh.validate(`ghs_352871_${b64u('not json')}.${b64u('{}')}.${b64u(randomBytes(64))}`, {}))).toBe(false);
    expect(ok(gh.validate(`ghs_${jwtPart({ iss: '1' })}`, {}))).toBe(false);
    expect(ok(gh.validate(`ghs_app_${jwtPart({ iss: '1' })}`, {}))).toBe(false);
  });
});

describe('pypi-macaroon', () => {
  const pypi = v('pypi-macaroon');
  const field = (type: number, data: Uint8Array | string): number[] => {
    const b = Buffer.from(data);
    return [type, b.length, ...b];
  };
  const macaroon = (location: string, caveats: string[] = ['{"permissions": "user", "version": 1}'], sigLen = 32): string => {
    const bytes = [
      2,
      ...field(1, location),
      ...field(2, '8c4f2e0a-5b1d-4e7f-9a3c-2d6b8e1f0a4c'),
      0,
      ...caveats.flatMap((c) => [...field(2, c), 0]),
      0,
      ...field(6, randomBytes(sigLen)),
    ];
    return `pypi-${b64u(new Uint8Array(bytes))}`;
  };
  it('accepts a pypi.org macaroon; the token starts like real ones', () => {
    const t = macaroon('pypi.org');
    expect(t.startsWith('pypi-AgEIcHlwaS5vcmc')).toBe(true);
    const r = pypi.validate(t, {});
    expect(ok(r)).toBe(true);
    expect(notes(r)).toEqual(['PyPI macaroon for pypi.org, 1 caveat']);
    expect(ok(pypi.validate(macaroon('test.pypi.org', []), {}))).toBe(true);
  });
  it('rejects other hosts, short signatures, truncation and one inserted char', () => {
    expect(ok(pypi.validate(macaroon('example.org'), {}))).toBe(false);
    expect(ok(pypi.validate(macaroon('pypi.org', undefined, 31), {}))).toBe(false);
    const t = macaroon('pypi.org');
    expect(ok(pypi.validate(t.slice(0, -4), {}))).toBe(false);
    // the mangling seen in published examples: extra characters inserted mid-token
    expect(ok(pypi.validate(`${t.slice(0, 60)}Cf99${t.slice(60)}`, {}))).toBe(false);
  });
});

describe('sentry-org-token', () => {
  const sentry = v('sentry-org-token');
  const tok = (payload: object): string =>
    `sntrys_${b64(JSON.stringify(payload))}_${b64(randomBytes(32)).replace(/=+$/, '')}`;
  it('accepts iat + region_url/url', () => {
    const r = sentry.validate(tok({ iat: 1700000000.1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }), {});
    expect(ok(r)).toBe(true);
    expect(notes(r)).toEqual(['Sentry org acme (https://us.sentry.io)']);
    expect(ok(sentry.validate(tok({ iat: 1, url: 'https://sentry.example.com' }), {}))).toBe(true);
  });
  it('rejects missing fields and non-JSON payloads', () => {
    expect(ok(sentry.validate(tok({ url: 'https://sentry.io' }), {}))).toBe(false);
    expect(ok(sentry.validate(tok({ iat: 1 }), {}))).toBe(false);
    expect(ok(sentry.validate(`sntrys_${b64('hello world')}_abc`, {}))).toBe(false);
  });
});

describe('grafana-cloud-token', () => {
  const glc = v('grafana-cloud-token');
  const tok = (payload: object): string => `glc_${b64(JSON.stringify(payload))}`;
  it('accepts o/n/k JSON and notes org and region', () => {
    const r = glc.validate(tok({ o: '123456', n: 'deploy', k: b64(randomBytes(18)), m: { r: 'prod-eu-west-0' } }), {});
    expect(notes(r)).toEqual(['Grafana Cloud org 123456, region prod-eu-west-0']);
  });
  it('rejects missing keys', () => {
    expect(ok(glc.validate(tok({ o: '1', n: 'x' }), {}))).toBe(false);
    expect(ok(glc.validate(tok({ o: '1', k: 'abcdefghij' }), {}))).toBe(false);
    expect(ok(glc.validate('glc_bm90IGpzb24=', {}))).toBe(false);
  });
});

describe('aws-access-key-id', () => {
  const aws = v('aws-access-key-id');
  it('decodes the account id of a new-generation key id (published example)', () => {
    const id = ['ASIA', 'Y34FZKBOKMUTVV7A'].join('');
    expect(awsAccountId(id)).toBe('609629065308');
    const r = aws.validate(id, {});
    expect(notes(r)).toEqual(['temporary (STS) access key', 'AWS account 609629065308']);
  });
  it('old-generation ids carry no account', () => {
    const r = aws.validate(['AKIA', 'IOSFODNN7EXAMPLE'].join(''), {});
    expect(ok(r)).toBe(true);
    expect(notes(r)).toEqual(['long-term access key']);
  });
  it('rejects unknown prefixes, non-base32 bodies and wrong lengths', () => {
    expect(ok(aws.validate('AXXAY34FZKBOKMUTVV7A', {}))).toBe(false);
    expect(ok(aws.validate('AKIAY34FZKBOKMUTVV70', {}))).toBe(false); // '0' is not base32
    expect(ok(aws.validate('AKIAy34FZKBOKMUTVV7A', {}))).toBe(false);
    expect(ok(aws.validate('AKIAY34FZKBOKMUTVV7', {}))).toBe(false);
  });
});

describe('discord-bot-token', () => {
  const discord = v('discord-bot-token');
  const tok = (id: string): string =>
    `${b64u(id)}.${b64u(randomBytes(4)).slice(0, 6)}.${b64u(randomBytes(28)).slice(0, 38)}`;
  it('accepts a token whose first part is a snowflake id', () => {
    const r = discord.validate(tok('123456789012345678'), {});
    expect(notes(r)).toEqual(['Discord user id 123456789012345678']);
  });
  it('rejects other first parts', () => {
    expect(ok(discord.validate(tok('12345'), {}))).toBe(false);
    expect(ok(discord.validate(tok('abcdefghijklmnopqr'), {}))).toBe(false);
    expect(ok(discord.validate('a.b', {}))).toBe(false);
  });
});

describe('vault-service-token', () => {
  const vault = v('vault-service-token');
  const build = (hmacLen = 32, inner = `hvs.${b64u(randomBytes(18))}`): string => {
    const innerMsg = [0x0a, inner.length, ...Buffer.from(inner), 0x10, 0x80, 0x80, 0x80, 0x80, 0x01, 0x18, 0x02];
    const bytes = [0x08, 0x01, 0x12, hmacLen, ...randomBytes(hmacLen), 0x1a, innerMsg.length, ...innerMsg];
    return `hvs.${b64u(new Uint8Array(bytes))}`;
  };
  it('accepts the protobuf form (starts hvs.CAESI like real tokens)', () => {
    const t = build();
    expect(t.startsWith('hvs.CAESI')).toBe(true);
    expect(t.length).toBeGreaterThan(100);
    expect(ok(vault.validate(t, {}))).toBe(true);
  });
  it('accepts the short form, which has no structure to check', () => {
    expect(ok(vault.validate(`hvs.${'A1b2C3d4'.repeat(3)}`, {}))).toBe(true);
  });
  it('rejects long bodies that are not that protobuf', () => {
    expect(ok(vault.validate(build(31), {}))).toBe(false);
    expect(ok(vault.validate(build(32, 'xyz.abcdefghijklmnopqrstuvwx'), {}))).toBe(false);
    expect(ok(vault.validate(`hvs.${'a'.repeat(100)}`, {}))).toBe(false);
    expect(ok(vault.validate(`hvs.${'a'.repeat(30)}!`, {}))).toBe(false);
  });
});

describe('private-key-body', () => {
  const pk = v('private-key-body');
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pkcs8 = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
  const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const pass = randomBytes(8).toString('hex');
  const encPkcs8 = ec.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pass }) as string;
  const legacyEnc = rsa.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: pass }) as string;

  it('accepts generated PKCS#8, SEC1 and PKCS#1 keys', () => {
    for (const pem of [pkcs8, sec1, pkcs1]) expect(pk.validate(pem.trim(), {})).toEqual({ ok: true });
  });
  it('accepts encrypted keys, with a note', () => {
    expect(notes(pk.validate(encPkcs8, {}))).toEqual(['encrypted (PKCS#8)']);
    expect(legacyEnc).toContain('Proc-Type: 4,ENCRYPTED');
    expect(notes(pk.validate(legacyEnc, {}))).toEqual(['encrypted (legacy PEM)']);
  });
  it('accepts keys inside JSON strings (\\n escapes), with CRLF, or indented', () => {
    expect(ok(pk.validate(JSON.stringify(pkcs8).slice(1, -1), {}))).toBe(true);
    expect(ok(pk.validate(pkcs1.replace(/\n/g, '\r\n'), {}))).toBe(true);
    expect(ok(pk.validate(sec1.replace(/^/gm, '    '), {}))).toBe(true);
  });
  it('accepts keys pasted into comments, quotes or string concatenation', () => {
    const body = pkcs1.trim().split('\n');
    const wrap = (before: string, after = ''): string => body.map((l) => `${before}${l}${after}`).join('\n');
    for (const mark of ['# ', '// ', ' * ', '> ', ';; ']) {
      expect(ok(pk.validate(wrap(mark).slice(mark.length), {})), mark).toBe(true);
    }
    expect(ok(pk.validate(wrap('"', '" +').slice(1).replace(/" \+$/, ''), {}))).toBe(true);
    expect(ok(pk.validate(wrap("'", "' .").slice(1).replace(/' \.$/, ''), {}))).toBe(true);
  });
  it('accepts OpenSSH keys (plain and encrypted)', () => {
    const str = (s: string | Uint8Array): number[] => {
      const b = Buffer.from(s);
      return [0, 0, 0, b.length, ...b];
    };
    const blob = (cipher: string): string => {
      const bytes = new Uint8Array([
        ...Buffer.from('openssh-key-v1\0'),
        ...str(cipher),
        ...str(cipher === 'none' ? 'none' : 'bcrypt'),
        ...str(''),
        0, 0, 0, 1,
        ...str(randomBytes(51)),
        ...str(randomBytes(136)),
      ]);
      const body = b64(bytes).replace(/.{70}/g, '$&\n');
      return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    };
    expect(pk.validate(blob('none'), {})).toEqual({ ok: true });
    expect(notes(pk.validate(blob('aes256-ctr'), {}))).toEqual(['encrypted (aes256-ctr)']);
    const notSsh = `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64(randomBytes(200))}\n-----END OPENSSH PRIVATE KEY-----`;
    expect(ok(pk.validate(notSsh, {}))).toBe(false);
  });
  it('checks the PGP armor CRC-24', () => {
    expect(crc24(Buffer.from('123456789'))).toBe(0x21cf02); // CRC-24/OPENPGP check value
    const packet = new Uint8Array([0xc5, ...randomBytes(100)]);
    const crc = crc24(packet);
    const crcText = b64(new Uint8Array([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]));
    const armor = (c: string): string =>
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: test\n\n${b64(packet)}\n=${c}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(ok(pk.validate(armor(crcText), {}))).toBe(true);
    expect(ok(pk.validate(armor(crcText === 'AAAA' ? 'AAAB' : 'AAAA'), {}))).toBe(false);
  });
  it('rejects placeholders, truncated bodies and non-DER data', () => {
    const placeholders = [
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n-----END RSA PRIVATE KEY-----',
      `-----BEGIN PRIVATE KEY-----\n${b64(randomBytes(300).map((b) => (b === 0x30 ? 0x31 : b)))}\n-----END PRIVATE KEY-----`,
    ];
    for (const p of placeholders) expect(ok(pk.validate(p, {})), p.slice(0, 60)).toBe(false);
    const lines = pkcs1.trim().split('\n');
    const truncated = [...lines.slice(0, 4), lines[lines.length - 1]].join('\n');
    expect(pk.validate(truncated, {})).toEqual({ ok: false, reason: 'key body is truncated' });
  });
  it('accepts a key cut short by a few bytes (its primes are all there), with a note', () => {
    const lines = pkcs1.trim().split('\n');
    const body = lines.slice(1, -1).join('');
    const cut = body.slice(0, body.length - 16).replace(/.{64}/g, '$&\n');
    const r = pk.validate(`${lines[0]}\n${cut}\n${lines[lines.length - 1]}`, {});
    expect(ok(r)).toBe(true);
    expect(notes(r)[0]).toMatch(/^truncated \(\d+ of \d+ bytes\)$/);
  });
});

describe('random-token', () => {
  const rt = v('random-token');
  const alphabets = {
    base62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
    lower36: 'abcdefghijklmnopqrstuvwxyz0123456789',
  };

  it.each(['TunnelListResponsesV4PagePaginationArray', 'getDomainInspectorLast120Seconds', 'LibrariesDocumentsPatchV1Request', 'DEFAULT_SESSION_TIMEOUT_SECONDS'])(
    'rejects the identifier %s',
    (id) => {
      expect(rt.validate(id, {}).ok).toBe(false);
    },
  );

  it.each(Object.entries(alphabets))('keeps random %s values of 22 to 64 characters (at most 1 in 200 rejected)', (_name, alphabet) => {
    let rejected = 0;
    const samples = 3000;
    for (let i = 0; i < samples; i++) {
      const n = 22 + (i % 43);
      let s = '';
      for (const b of randomBytes(n)) s += alphabet[b % alphabet.length];
      if (!rt.validate(s, {}).ok) rejected++;
    }
    // Measured: about 3 in 10^4 (random runs that split into words); a broken check rejects far more.
    expect(rejected).toBeLessThan(samples / 200);
  });
});

describe('mixed-alphabet', () => {
  const ma = v('mixed-alphabet');
  it('keeps a mixed base62 value', () => {
    expect(ma.validate(randomFrom62(40), {}).ok).toBe(true);
  });
  it.each([['a commit sha', 'da0e0dfe58b7a431659754fdf3f186c529afbe65'], ['a word', 'TunnelListResponsesPagePaginationArray'], ['lower case and digits', 'k3j5h7g9f1d2s4a6q8w0e2r4t6y8u0i2o4p6']])(
    'rejects %s',
    (_label, value) => {
      expect(ma.validate(value, {}).ok).toBe(false);
    },
  );
});

function randomFrom62(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // Upper case and a digit first, so the value is mixed whatever the rest draws.
  let s = 'Q7';
  for (const b of randomBytes(n - 2)) s += alphabet[b % alphabet.length];
  return s;
}

describe('jetty-obfuscated', () => {
  // Jetty's Password.obfuscate, written from its algorithm: each group holds b[i] and b[n-1-i].
  const obfuscate = (s: string): string => {
    const b = [...Buffer.from(s, 'utf8')].map((x) => (x > 127 ? x - 256 : x));
    let out = 'OBF:';
    for (let i = 0; i < b.length; i++) {
      const b1 = b[i]!;
      const b2 = b[b.length - (i + 1)]!;
      if (b1 < 0 || b2 < 0) {
        const x = ((0xff & b1) * 256 + (0xff & b2)).toString(36);
        out += 'U0000'.slice(0, 5 - x.length) + x;
      } else {
        const x = ((127 + b1 + b2) * 256 + (127 + b1 - b2)).toString(36);
        out += '000'.slice(0, 4 - x.length) + x;
      }
    }
    return out;
  };
  const val = v('jetty-obfuscated');

  it('reverses any password, ASCII or not, and notes its length without showing it', () => {
    for (const p of [randomBytes(9).toString('base64'), randomBytes(15).toString('base64'), 'Grün-Wald-73x', 'Зима-2024-Kx']) {
      expect(deobfuscateJetty(obfuscate(p))).toBe(p);
      expect(val.validate(obfuscate(p), {})).toEqual({ ok: true, notes: [`deobfuscates to a ${[...p].length}-character password`] });
    }
    expect(deobfuscateJetty('OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v')).toBe('password');
  });

  it('calls placeholders look-alikes and rejects groups whose mirror bytes disagree', () => {
    expect(val.validate(obfuscate('changeit'), {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
    const good = obfuscate('Tq7#vRm2pLx9');
    const bad = `${good.slice(0, -1)}${good.endsWith('a') ? 'b' : 'a'}`;
    expect(val.validate(bad, {}).ok).toBe(false);
    let random = 0;
    for (let i = 0; i < 300; i++) if (deobfuscateJetty(`OBF:${Buffer.from(randomBytes(24)).toString('hex').replace(/[^0-9a-z]/g, '').slice(0, 32)}`) !== undefined) random++;
    expect(random).toBe(0);
  });
});

describe('base64-password', () => {
  const val = v('base64-password');
  const enc = (t: string): string => Buffer.from(t, 'utf8').toString('base64');

  it('decodes a text password and notes its length without showing it', () => {
    for (const p of ['Tq7#vRm2pLx9', randomBytes(12).toString('base64'), 'Grün-Wald-73x']) {
      expect(val.validate(enc(p), {})).toEqual({ ok: true, notes: [`decodes to a ${[...p].length}-character password`] });
    }
  });

  it('calls placeholders look-alikes and rejects binary or non-base64 values', () => {
    expect(val.validate(enc('password'), {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
    expect(val.validate(enc('changeme'), {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
    expect(val.validate(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).toString('base64'), {}).ok).toBe(false);
    expect(val.validate(enc('a\u0000b\u0001c'), {}).ok).toBe(false);
    expect(val.validate('not*base64', {}).ok).toBe(false);
  });
});

describe('devin-api-key', () => {
  const hex = (n: number): string => randomBytes(n / 2).toString('hex');
  const val = v('devin-api-key');

  it('reads the principal and org of personal and service keys', () => {
    const org = hex(32);
    for (const user of [`user-${hex(32)}`, `email|${hex(24)}`, `github|${Date.now()}`]) {
      const r = val.validate(`apk_user_${b64(`${user}_org-${org}:${hex(32)}`)}`, {});
      expect(r).toEqual({ ok: true, notes: [`Devin org-${org}`] });
    }
    expect(val.validate(`apk_${b64(`org-${org}:${hex(32)}`)}`, {})).toEqual({ ok: true, notes: [`Devin org-${org}`] });
  });

  it('rejects a personal key without a user, a service key with one, and random base64', () => {
    expect(ok(val.validate(`apk_user_${b64(`org-${hex(32)}:${hex(32)}`)}`, {}))).toBe(false);
    expect(ok(val.validate(`apk_${b64(`user-${hex(32)}_org-${hex(32)}:${hex(32)}`)}`, {}))).toBe(false);
    expect(ok(val.validate(`apk_${b64(`org-${hex(32)}:${hex(30)}`)}`, {}))).toBe(false);
    for (let i = 0; i < 50; i++) expect(ok(val.validate(`apk_${b64(randomBytes(69))}`, {}))).toBe(false);
  });
});

describe('asaas-api-key', () => {
  const hex = (n: number): string => randomBytes(n / 2).toString('hex');
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(4).slice(1)}-a${hex(4).slice(1)}-${hex(12)}`;
  const val = v('asaas-api-key');

  it('accepts the old form and the prod_/hmlg_ forms', () => {
    const old = b64(`${hex(32)}::${String(Date.now()).padStart(19, '0')}::$aach_${uuid()}`);
    expect(val.validate(`$aact_${old}`, {})).toEqual({ ok: true, notes: ['Asaas key'] });
    const body = b64(`${hex(32)}::${uuid()}::$aach_${uuid()}`);
    expect(val.validate(`$aact_prod_000${body}`, {})).toEqual({ ok: true, notes: ['Asaas production key'] });
    expect(val.validate(`$aact_hmlg_000${body}`, {})).toEqual({ ok: true, notes: ['Asaas sandbox key'] });
  });

  it('rejects bodies that are not the key payload', () => {
    expect(ok(val.validate(`$aact_prod_000${b64(randomBytes(84))}`, {}))).toBe(false);
    expect(ok(val.validate(`$aact_prod_000${b64(`${hex(32)}::${uuid()}`)}`, {}))).toBe(false);
    expect(ok(val.validate('$aact_prod_000SuaChaveAquiDoAsaas', {}))).toBe(false);
  });
});

describe('ldap-password-hash', () => {
  const val = v('ldap-password-hash');
  const digest = (alg: string, ...parts: Buffer[]): Buffer => {
    const h = createHash(alg);
    for (const p of parts) h.update(p);
    return h.digest();
  };

  it('accepts bare and salted digests of each scheme', () => {
    const pass = randomBytes(12);
    const salt = randomBytes(8);
    expect(ok(val.validate(`{SHA}${b64(digest('sha1', pass))}`, {}))).toBe(true);
    expect(ok(val.validate(`{MD5}${b64(digest('md5', pass))}`, {}))).toBe(true);
    expect(ok(val.validate(`{SSHA}${b64(Buffer.concat([digest('sha1', pass, salt), salt]))}`, {}))).toBe(true);
    expect(ok(val.validate(`{SSHA512}${b64(Buffer.concat([digest('sha512', pass, salt), salt]))}`, {}))).toBe(true);
    expect(ok(val.validate(`{SMD5}${b64(Buffer.concat([digest('md5', pass, salt.subarray(0, 4)), salt.subarray(0, 4)]))}`, {}))).toBe(true);
  });

  it('rejects a size that does not fit the scheme', () => {
    expect(ok(val.validate(`{SHA}${b64(randomBytes(32))}`, {}))).toBe(false);
    expect(ok(val.validate(`{SSHA}${b64(randomBytes(20))}`, {}))).toBe(false); // no salt
    expect(ok(val.validate(`{SHA256}${b64(randomBytes(20))}`, {}))).toBe(false);
    expect(ok(val.validate('{SHA}not*base64', {}))).toBe(false);
  });
});

describe('hashes of placeholder passwords', () => {
  const sha1 = (...parts: Array<Buffer | string>): Buffer => {
    const h = createHash('sha1');
    for (const p of parts) h.update(p);
    return h.digest();
  };

  it('an LDAP or MySQL hash of "password", "admin" or "changeme" is a placeholder; of a random password it is not', () => {
    const ldap = v('ldap-password-hash');
    const mysql = v('mysql-password-hash');
    for (const pw of ['password', 'Admin', 'changeme', 'root123']) {
      const salt = randomBytes(8);
      expect(ldap.validate(`{SSHA}${b64(Buffer.concat([sha1(pw, salt), salt]))}`, {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
      expect(mysql.validate(`*${sha1(sha1(pw)).toString('hex').toUpperCase()}`, {})).toMatchObject({ ok: false, lookalike: 'placeholder' });
    }
    const pw = randomBytes(12).toString('base64');
    const salt = randomBytes(8);
    expect(ok(ldap.validate(`{SSHA}${b64(Buffer.concat([sha1(pw, salt), salt]))}`, {}))).toBe(true);
    expect(ok(mysql.validate(`*${sha1(sha1(pw)).toString('hex').toUpperCase()}`, {}))).toBe(true);
  });
});

describe('neptune-api-token, pubnub-secret-key, weaviate-api-key', () => {
  const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomBytes(n / 2).toString('hex')).join('-');

  it('a Neptune token is base64 JSON with an API address and a UUID key, and names the host', () => {
    const val = v('neptune-api-token');
    const tok = (o: object): string => b64(JSON.stringify(o));
    expect(val.validate(tok({ api_address: 'https://app.neptune.ai', api_url: 'https://app.neptune.ai', api_key: uuid() }), {}))
      .toEqual({ ok: true, notes: ['Neptune app.neptune.ai'] });
    expect(ok(val.validate(tok({ api_address: 'https://app.neptune.ai', api_key: 'not-a-uuid' }), {}))).toBe(false);
    expect(ok(val.validate(tok({ api_key: uuid() }), {}))).toBe(false);
    expect(ok(val.validate(b64(randomBytes(90)), {}))).toBe(false);
  });

  it('a PubNub secret key is sec-c- and base64 of a UUID', () => {
    const val = v('pubnub-secret-key');
    expect(ok(val.validate(`sec-c-${b64(uuid())}`, {}))).toBe(true);
    expect(ok(val.validate(`sec-c-${b64(randomBytes(36))}`, {}))).toBe(false);
    expect(ok(val.validate(`pub-c-${b64(uuid())}`, {}))).toBe(false);
  });

  it('a Weaviate key is base64 of "<16>_<base64 of 32 bytes>_v200"', () => {
    const val = v('weaviate-api-key');
    const id = b64(randomBytes(12));
    expect(ok(val.validate(b64(`${id}_${b64(randomBytes(32))}_v200`), {}))).toBe(true);
    expect(ok(val.validate(b64(`${id}_${b64(randomBytes(32))}_v100`), {}))).toBe(false);
    expect(ok(val.validate(b64(randomBytes(66)), {}))).toBe(false);
  });
});
