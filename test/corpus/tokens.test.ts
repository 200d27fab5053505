// The corpus is only as good as its generators: checksummed tokens must verify, their
// one-character variants must not, and structured tokens must really decode.
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { buildCorpus } from './build.js';
import {
  CHECKSUMMED,
  FAMILIES,
  FAMILY_IDS,
  checksumValid,
  oneCharOff,
  spanIsAccidental,
  opensshEd25519,
  pemEcSec1,
  pemPkcs8,
  pemRsaPkcs1,
  pgpPrivateKey,
  type ChecksummedFamily,
} from './tokens.js';

const json = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('token generators', () => {
  it('cover about fifty families', () => {
    expect(FAMILY_IDS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(Object.keys(CHECKSUMMED) as ChecksummedFamily[])('%s: generated tokens verify, one-char-off ones do not', (family) => {
    for (let i = 0; i < 20; i++) {
      const token = FAMILIES[family].gen();
      expect(checksumValid(family, token), token.slice(0, 8)).toBe(true);
      const bad = oneCharOff(family, token);
      expect(bad.length).toBe(token.length);
      if (!spanIsAccidental(family, token)) expect([...bad].filter((ch, j) => ch !== token[j]).length).toBe(1);
      expect(checksumValid(family, bad)).toBe(false);
    }
  });

  it('breaks a token whose span no single change can clean (regression: this looped forever)', () => {
    const stuck = `ghp_${'a'.repeat(36)}`;
    expect(spanIsAccidental('github-pat', stuck)).toBe(true);
    const bad = oneCharOff('github-pat', stuck);
    expect(bad).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(checksumValid('github-pat', bad)).toBe(false);
    expect(spanIsAccidental('github-pat', bad)).toBe(false);
  });

  it('starts again from a token of the same length (regression: a 52-char WIF came back as 51)', () => {
    for (const stuck of [`5${'x'.repeat(50)}`, `K${'x'.repeat(51)}`]) {
      const bad = oneCharOff('bitcoin-wif', stuck);
      expect(bad).toHaveLength(stuck.length);
      expect(checksumValid('bitcoin-wif', bad)).toBe(false);
    }
  });

  it('makes the documented shapes', () => {
    expect(FAMILIES['github-pat'].gen()).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(FAMILIES.npm.gen()).toMatch(/^npm_[A-Za-z0-9]{36}$/);
    expect(FAMILIES['grafana-sa'].gen()).toMatch(/^glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}$/);
    expect(FAMILIES.atlassian.gen()).toMatch(/^ATATT3xFfGF0[A-Za-z0-9_-]{171}=[0-9A-F]{8}$/);
    expect(FAMILIES['gitlab-routable'].gen()).toMatch(/^glpat-[A-Za-z0-9_-]{27,300}\.01\.[0-9a-z]{2}[0-9a-z]{7}$/);
    expect(FAMILIES.age.gen()).toMatch(/^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/);
    expect(FAMILIES['bitcoin-wif'].gen()).toMatch(/^(5[1-9A-HJ-NP-Za-km-z]{50}|[KL][1-9A-HJ-NP-Za-km-z]{51})$/);
    expect(FAMILIES['azure-cask'].gen()).toMatch(/^[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{26}$/);
    expect(FAMILIES['azure-storage'].gen()).toMatch(/^[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{6}==$/);
    expect(FAMILIES['github-fine-grained'].gen()).toMatch(/^github_pat_11[A-Z0-9]{20}_[A-Za-z0-9]{59}$/);
    expect(FAMILIES.anthropic.gen()).toMatch(/^sk-ant-api03-[\w-]{93}AA$/);
    expect(FAMILIES.openai.gen()).toContain('T3BlbkFJ');
    expect(FAMILIES.sendgrid.gen()).toMatch(/^SG\.[\w-]{22}\.[\w-]{43}$/);
    expect(FAMILIES['slack-webhook'].gen()).toMatch(/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{24}$/);
    expect(FAMILIES['terraform-cloud'].gen()).toMatch(/^[a-z0-9]{14}\.atlasv1\.[A-Za-z0-9]{67}$/);
  });

  it('AWS key ids decode to a 12-digit account id (new-generation flag set)', () => {
    for (let i = 0; i < 20; i++) {
      const id = FAMILIES['aws-key-id'].gen();
      expect(id).toMatch(/^(AKIA|ASIA)[A-Z2-7]{16}$/);
      let bits = 0n;
      for (const ch of id.slice(4)) bits = (bits << 5n) | BigInt('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(ch));
      const z = bits >> 32n; // first 48 of 80 bits
      expect((z >> 47n) & 1n).toBe(1n);
      expect(String((z & 0x7fffffffff80n) >> 7n)).toMatch(/^\d{12}$/);
    }
  });

  it('JWTs, PyPI macaroons, Vault, Sentry, Grafana Cloud and Discord tokens decode', () => {
    const [h, p, sig] = FAMILIES.jwt.gen().split('.') as [string, string, string];
    expect(json(h)['alg']).toBe('HS256');
    expect(typeof json(p)['exp']).toBe('number');
    expect(Buffer.from(sig, 'base64url').length).toBe(32);

    const pypi = FAMILIES.pypi.gen();
    expect(pypi.startsWith('pypi-AgEIcHlwaS5vcmcCJ')).toBe(true);
    const mac = Buffer.from(pypi.slice(5), 'base64url');
    expect(mac.subarray(13, 49).toString()).toMatch(/^[0-9a-f-]{36}$/);
    expect(mac.subarray(-34, -32)).toEqual(Buffer.from([6, 32]));

    const vault = Buffer.from(FAMILIES.vault.gen().slice(4), 'base64url');
    expect([...vault.subarray(0, 4)]).toEqual([0x08, 0x01, 0x12, 0x20]);
    expect([...vault.subarray(36, 40)]).toEqual([0x1a, 0x26, 0x0a, 0x1c]);
    expect(vault.subarray(40, 44).toString()).toBe('hvs.');
    expect(FAMILIES.vault.gen()).toMatch(/^hvs\.[\w-]{102}$/);

    const sentry = FAMILIES['sentry-org'].gen();
    const payload = sentry.slice(7, sentry.lastIndexOf('_'));
    expect(JSON.parse(Buffer.from(payload, 'base64').toString())).toHaveProperty('region_url');

    const glc = JSON.parse(Buffer.from(FAMILIES['grafana-cloud'].gen().slice(4), 'base64').toString()) as Record<string, unknown>;
    expect(Object.keys(glc)).toEqual(['o', 'n', 'k', 'm']);

    const discord = FAMILIES.discord.gen().split('.');
    expect(Buffer.from(discord[0] as string, 'base64url').toString()).toMatch(/^\d{17,19}$/);
  });

  it('PEM keys parse as real private keys', () => {
    expect(createPrivateKey(pemRsaPkcs1()).asymmetricKeyType).toBe('rsa');
    for (let k = 0; k < 3; k++) expect(createPrivateKey(pemPkcs8(() => k)).type).toBe('private');
    expect(createPrivateKey(pemEcSec1(() => 0)).asymmetricKeyType).toBe('ec');
  });

  it('the PGP armor carries a correct CRC-24 and a secret-key packet', () => {
    const armored = pgpPrivateKey();
    const lines = armored.split('\n');
    const crcLine = lines.find((l) => l.startsWith('=')) as string;
    const body = Buffer.from(lines.slice(2, lines.indexOf(crcLine)).join(''), 'base64');
    expect(body[0]).toBe(0xc5); // new-format tag 5, secret key
    let crc = 0xb704ce;
    for (const byte of body) {
      crc ^= byte << 16;
      for (let i = 0; i < 8; i++) {
        crc <<= 1;
        if (crc & 0x1000000) crc ^= 0x1864cfb;
      }
    }
    expect(Buffer.from(crcLine.slice(1), 'base64').readUIntBE(0, 3)).toBe(crc & 0xffffff);
  });

  const sshKeygen = spawnSync('ssh-keygen', ['-?'], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS }).error === undefined;
  it.skipIf(!sshKeygen)('ssh-keygen accepts the hand-built OpenSSH key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-ssh-'));
    try {
      const file = join(dir, 'id_ed25519');
      writeFileSync(file, `${opensshEd25519()}\n`, { mode: 0o600 });
      const r = spawnSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^ssh-ed25519 AAAA/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('buildCorpus', () => {
  it('writes what the manifest says, with enough positives and decoys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-corpus-'));
    try {
      const m = buildCorpus(dir, 7);
      expect(m.positives.length).toBeGreaterThanOrEqual(250);
      expect(m.decoys.length).toBeGreaterThanOrEqual(400);
      expect(new Set(m.positives.map((p) => p.family)).size).toBe(FAMILY_IDS.length);
      const cache = new Map<string, string[]>();
      const lines = (f: string): string[] => {
        let l = cache.get(f);
        if (!l) cache.set(f, (l = readFileSync(join(dir, f), 'utf8').split('\n')));
        return l;
      };
      const positiveLines = new Set<string>();
      for (const p of m.positives) {
        const text = lines(p.file).slice(p.line - 1, p.endLine).join('\n');
        for (const s of p.sensitive.filter((x) => !x.includes('\n'))) expect(text, `${p.file}:${p.line} ${p.family}`).toContain(s);
        for (let l = p.line; l <= p.endLine; l++) positiveLines.add(`${p.file}:${l}`);
      }
      const secrets = m.positives.flatMap((p) => p.sensitive.filter((x) => !x.includes('\n')));
      for (const d of m.decoys) {
        expect(positiveLines.has(`${d.file}:${d.line}`)).toBe(false);
        const text = lines(d.file)[d.line - 1] as string;
        expect(text.length, `${d.file}:${d.line}`).toBeGreaterThan(0);
        for (const s of secrets) expect(text.includes(s)).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lays out the same tree for the same seed', () => {
    const a = mkdtempSync(join(tmpdir(), 'keyhound-corpus-'));
    const b = mkdtempSync(join(tmpdir(), 'keyhound-corpus-'));
    try {
      const shape = (dir: string): unknown => {
        const m = buildCorpus(dir, 42);
        return { p: m.positives.map(({ file, line, endLine, family }) => [file, line, endLine, family]), d: m.decoys, f: m.files };
      };
      expect(shape(a)).toEqual(shape(b));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
