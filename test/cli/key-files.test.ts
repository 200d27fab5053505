// Key stores and private keys committed as binary files, through the built CLI: a directory scan,
// the pre-commit scan of the index and a history scan, on real files and real git repositories.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { javaKeyStoreShape, keepassShape, opensslPkcs12 } from '../helpers/key-files.js';
import { gitRepo, keyhound } from '../git/repo.js';

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  masked: string;
  notes: string[];
  secret?: string;
  commit?: string;
}
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;

describe('binary key files', () => {
  it('a directory scan reports key stores and DER keys by content, not trust stores, certificates or other binaries', () => {
    const p12 = opensslPkcs12();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const der = rsa.privateKey.export({ type: 'pkcs8', format: 'der' });
    const dir = makeTree({
      'certs/server.p12': p12.withKey,
      'certs/truststore.p12': p12.certsOnly,
      'certs/server.der': p12.certDer,
      'android/app/release.keystore': javaKeyStoreShape([1]),
      'src/main/resources/truststore.jks': javaKeyStoreShape([2, 2]),
      // A key file needs no telling name: content decides.
      'deploy/signing': der,
      'keys/rsa.pub.der': rsa.publicKey.export({ type: 'spki', format: 'der' }),
      'vault.kdbx': keepassShape(),
      // Images and archives are never opened, whatever they hold.
      'img/logo.png': der,
      'data.bin': Buffer.from([0, 1, 2, 3, 0x30, 0x82]),
    });
    const r = runCli(['scan', dir, '--format', 'json', '--no-config'], { cwd: dir });
    expect(r.code).toBe(1);
    const got = findings(r.stdout).map((f) => `${f.file} ${f.rule} ${f.line}`).sort();
    expect(got).toEqual([
      'android/app/release.keystore java-keystore-file 1',
      'certs/server.p12 pkcs12-file 1',
      'deploy/signing der-private-key 1',
      'vault.kdbx keepass-database-file 1',
    ]);
    for (const f of findings(r.stdout)) {
      expect(f.notes).toContain('binary file');
      expect(f.secret).toBeUndefined();
      expect(f.masked.length).toBeLessThan(40);
    }
    expect(findings(r.stdout).find((f) => f.rule === 'pkcs12-file')!.notes[0]).toBe('PKCS#12 key store with a private key');
    // Binary files read and found to be no key (trust stores, the certificate, the public key) count
    // as skipped binaries, like the image and data.bin that are never read: 4 scanned, 6 skipped.
    const stats = (JSON.parse(r.stdout) as { stats: { files_scanned: number; skipped: { binary: number } } }).stats;
    expect([stats.files_scanned, stats.skipped.binary]).toEqual([4, 6]);
  });

  it('finds a DER private key written as base64 or hex in a text file, and not a certificate or public key so written', () => {
    const p12 = opensslPkcs12();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = ec.privateKey.export({ type: 'pkcs8', format: 'der' });
    const dir = makeTree({
      '.env': `APP=demo\nSIGNING_KEY=${der.toString('base64')}\nCERT=${p12.certDer.toString('base64')}\n`,
      'keys.go': `var testKey = "${ec.privateKey.export({ type: 'sec1', format: 'der' }).toString('hex')}"\nvar pub = "${ec.publicKey.export({ type: 'spki', format: 'der' }).toString('hex')}"\n`,
    });
    const r = runCli(['scan', '.', '--format', 'json', '--no-config'], { cwd: dir });
    const got = findings(r.stdout).map((f) => `${f.file}:${f.line} ${f.rule} ${f.notes.join('; ')}`).sort();
    expect(got).toEqual([
      '.env:2 der-private-key private key (PKCS#8); decoded from base64',
      'keys.go:1 der-private-key EC private key (SEC1); decoded from hex',
    ]);
  });

  it('--unmask gives the file bytes in base64, and the finding can be allowed by path in the config', () => {
    const p12 = opensslPkcs12();
    const dir = makeTree({ 'a/server.p12': p12.withKey });
    const r = runCli(['scan', '.', '--format', 'json', '--no-config', '--unmask'], { cwd: dir });
    const [f] = findings(r.stdout);
    expect(Buffer.from(f!.secret!, 'base64').equals(p12.withKey)).toBe(true);
    const allowed = makeTree({ 'a/server.p12': p12.withKey, '.keyhound.yaml': "allowlist:\n  - reason: test key store\n    paths: ['a/*.p12']\n" });
    const r2 = runCli(['scan', '.', '--format', 'json'], { cwd: allowed });
    expect(r2.stderr).toBe('');
    expect(findings(r2.stdout)).toEqual([]);
    expect(r2.code).toBe(0);
  });

  it('the pre-commit hook blocks a commit that adds a key store and lets one that adds a trust store through', () => {
    const g = gitRepo();
    expect(keyhound(['init'], g.dir).code).toBe(0);
    g.write('app/truststore.jks', javaKeyStoreShape([2]));
    g.run(['add', '.']);
    expect(keyhound(['scan', '--staged', '--format', 'json'], g.dir).stdout).toContain('"findings": []');
    expect(g.run(['commit', '-q', '-m', 'trust store'], { allowFail: true }).code).toBe(0);
    g.write('app/release.keystore', javaKeyStoreShape([2, 1]));
    g.run(['add', '.']);
    const staged = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(staged.code).toBe(1);
    expect(findings(staged.stdout).map((f) => `${f.file} ${f.rule}`)).toEqual(['app/release.keystore java-keystore-file']);
    const c = g.run(['commit', '-q', '-m', 'release key'], { allowFail: true });
    expect(c.code).not.toBe(0);
    expect(c.stdout + c.stderr).toContain('app/release.keystore');
    expect(c.stdout + c.stderr).toContain('java-keystore-file');
    expect(g.run(['rev-list', '--count', 'HEAD']).stdout.trim()).toBe('1');
  });

  it('a history scan finds a key store that a later commit deleted, in the commit that added it', () => {
    const g = gitRepo();
    g.write('README.md', 'app\n');
    g.commit('init');
    g.write('certs/client.p12', opensslPkcs12().withKey);
    g.write('notes.txt', 'add client cert\n');
    const added = g.commit('add client certificate');
    g.run(['rm', '-q', 'certs/client.p12']);
    g.commit('remove it');
    const r = keyhound(['scan', '--git', '.', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    const fs = findings(r.stdout);
    expect(fs.map((f) => `${f.file} ${f.rule} ${f.commit}`)).toEqual([`certs/client.p12 pkcs12-file ${added}`]);
  });
});
