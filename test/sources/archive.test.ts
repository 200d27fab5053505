// Reading archives: zip, tar, gzip, tar.gz; limits against bombs; nested archives to a depth.
import { randomBytes } from '../helpers/test-random.js';
import { describe, expect, it } from 'vitest';
import { archiveEntries, archiveKind, isArchivePath, type ArchiveItem } from '../../src/sources/archive.js';
import { binaryChunks, mayHoldSecrets } from '../../src/sources/binary-files.js';
import { gzipOf, tarOf, zipOf } from '../helpers/archives.js';
import { javaKeyStoreShape } from '../helpers/key-files.js';

const limits = { maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 };
const list = (items: Iterable<ArchiveItem>) =>
  [...items].map((i) => ('skip' in i ? `${i.path} (${i.skip})` : `${i.path}: ${i.bytes.toString('utf8').slice(0, 20)}`));

describe('archiveEntries', () => {
  it('reads stored and deflated zip entries with UTF-8 names, skipping directories', () => {
    const zip = zipOf([
      { name: 'config/', data: '' },
      { name: 'config/.env', data: 'TOKEN=abc\n' },
      { name: 'docs/café.txt', data: 'bonjour', method: 0 },
    ]);
    expect(archiveKind(zip)).toBe('zip');
    expect(list(archiveEntries(zip, 'a.zip', limits))).toEqual(['config/.env: TOKEN=abc\n', 'docs/café.txt: bonjour']);
  });

  it('does not read encrypted entries or entries over the limit, and stops a zip bomb at the limit', () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024); // 64 MB of zeros deflate to about 64 KB
    const zip = zipOf([
      { name: 'secret.txt', data: 'x', encrypted: true },
      { name: 'bomb.bin', data: bomb },
      { name: 'after.txt', data: 'still read' },
    ]);
    expect(zip.length).toBeLessThan(200 * 1024);
    expect(list(archiveEntries(zip, 'a.zip', limits))).toEqual(['secret.txt (encrypted)', 'bomb.bin (too-large)', 'after.txt: still read']);
  });

  it('stops after the entry limit and says so', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` }));
    for (const archive of [zipOf(many), tarOf(many)]) {
      const got = list(archiveEntries(archive, 'a', { ...limits, maxEntries: 25 }));
      expect(got).toHaveLength(26);
      expect(got.at(-1)).toBe('* (too-large)');
    }
  });

  it('reads entries when no limit is given (Infinity)', () => {
    const zip = zipOf([{ name: 'a.txt', data: 'hello' }]);
    expect(list(archiveEntries(zip, 'a.zip', { maxEntryBytes: Infinity, maxTotalBytes: Infinity }))).toEqual(['a.txt: hello']);
    expect(list(archiveEntries(gzipOf('text'), 'a.gz', { maxEntryBytes: Infinity, maxTotalBytes: Infinity }))).toEqual(['a: text']);
  });

  it('stops at the total budget across entries', () => {
    const part = randomBytes(600 * 1024).toString('base64'); // 800 KB each, incompressible
    const zip = zipOf(Array.from({ length: 8 }, (_, i) => ({ name: `p${i}.txt`, data: part })));
    const got = list(archiveEntries(zip, 'a.zip', limits));
    expect(got.filter((g) => g.endsWith('(too-large)')).length).toBeGreaterThan(0);
    expect(got.filter((g) => !g.endsWith('(too-large)')).length).toBe(5); // 5 x 800 KB <= 4 MB
  });

  it('reads tar with ustar prefixes, GNU long names and pax paths; gzip and tar.gz', () => {
    const long = `deep/${'d'.repeat(120)}/creds.txt`;
    for (const pax of [false, true]) {
      const tar = tarOf([{ name: 'a.txt', data: 'one' }, { name: long, data: 'two' }], { pax });
      expect(archiveKind(tar)).toBe('tar');
      expect(list(archiveEntries(tar, 'x.tar', limits))).toEqual(['a.txt: one', `${long}: two`]);
      expect(list(archiveEntries(gzipOf(tar), 'x.tar.gz', limits))).toEqual(['a.txt: one', `${long}: two`]);
    }
    expect(list(archiveEntries(gzipOf('plain text'), 'notes/app.log.gz', limits))).toEqual(['app.log: plain text']);
    expect(list(archiveEntries(gzipOf(Buffer.alloc(8 * 1024 * 1024)), 'big.gz', limits))).toEqual(['big (too-large)']);
  });

  it('finds nothing in what is no archive', () => {
    expect(archiveKind(Buffer.from('PK but not a zip'))).toBeUndefined();
    expect(list(archiveEntries(randomBytes(2000), 'x.zip', limits))).toEqual([]);
    // A zip header without a central directory yields nothing rather than throwing.
    expect(list(archiveEntries(zipOf([{ name: 'a', data: 'b' }]).subarray(0, 40), 'x.zip', limits))).toEqual([]);
  });

  it('names archives by extension', () => {
    for (const p of ['a.zip', 'lib/x.jar', 'app.war', 'pkg.whl', 'b.tar', 'c.tgz', 'd.tar.gz', 'report.docx']) expect(isArchivePath(p)).toBe(true);
    for (const p of ['a.txt', 'logo.png', 'x.gzip.md']) expect(isArchivePath(p)).toBe(false);
    expect(mayHoldSecrets('lib/x.jar')).toBe(true);
    expect(mayHoldSecrets('logo.png')).toBe(false);
  });
});

describe('binaryChunks', () => {
  const origin = (path: string) => ({ kind: 'file' as const, path });
  it('turns an archive into chunks named archive!/entry, nested to the depth, key stores as binary chunks', () => {
    const jar = zipOf([{ name: 'application.properties', data: 'a=1\n' }, { name: 'App.class', data: Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0]) }]);
    const war = zipOf([{ name: 'WEB-INF/lib/app.jar', data: jar }, { name: 'keys/release.keystore', data: javaKeyStoreShape([1]) }]);
    const chunks = (depth: number) => [...binaryChunks(war, 'dist/app.war', origin, { maxFileSize: 1 << 20, maxArchiveDepth: depth })]
      .map((c) => `${c.origin.path}${c.binary ? ' (binary)' : ''}`);
    expect(chunks(2)).toEqual(['dist/app.war!/WEB-INF/lib/app.jar!/application.properties', 'dist/app.war!/keys/release.keystore (binary)']);
    expect(chunks(1)).toEqual(['dist/app.war!/keys/release.keystore (binary)']);
    expect(chunks(0)).toEqual([]);
  });

  it('reports entries it did not read', () => {
    const skipped: string[] = [];
    const zip = zipOf([{ name: 'big.txt', data: 'x'.repeat(5000) }]);
    const out = [...binaryChunks(zip, 'a.zip', origin, { maxFileSize: 1000, maxArchiveDepth: 2, onSkip: (p, r) => skipped.push(`${p} ${r}`) })];
    expect(out).toEqual([]);
    expect(skipped).toEqual(['a.zip!/big.txt too-large']);
  });
});
