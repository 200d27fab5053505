import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { emptyStats, type Chunk } from '../../src/engine/types.js';
import { fileChunks, readTextFile, type SkipReason } from '../../src/sources/files.js';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function put(rel: string, content: string | Buffer = `content of ${rel}\n`): string {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

async function collect(maxFileSize = 1 << 20, onChunk?: (c: Chunk) => void) {
  const stats = emptyStats();
  const skips: [string, SkipReason][] = [];
  const chunks: Chunk[] = [];
  const opts = { roots: [dir], maxFileSize, gitignore: true, onSkip: (p: string, r: SkipReason) => skips.push([p.slice(dir.length + 1), r]) };
  for await (const c of fileChunks(opts, stats)) {
    chunks.push(c);
    onChunk?.(c);
  }
  return { stats, skips, chunks, paths: chunks.map((c) => c.origin.path.slice(dir.length + 1)) };
}

describe('fileChunks', () => {
  it('yields one chunk per text file with a file origin and line 1', async () => {
    put('a.txt', 'alpha\r\nbeta\n');
    put('sub/b.ts', 'const x = 1;\n');
    const { chunks, stats } = await collect();
    expect(chunks.map((c) => ({ ...c, origin: { ...c.origin, path: c.origin.path.slice(dir.length + 1) } }))).toEqual([
      { origin: { kind: 'file', path: 'a.txt' }, text: 'alpha\r\nbeta\n', startLine: 1 },
      { origin: { kind: 'file', path: 'sub/b.ts' }, text: 'const x = 1;\n', startLine: 1 },
    ]);
    expect(stats.filesScanned).toBe(2);
    expect(stats.bytesScanned).toBe(12 + 13);
  });

  it('skips and counts binary files, by extension and by content', async () => {
    put('logo.PNG', 'not even an image, but the name says binary');
    put('blob.dat', Buffer.from([0x41, 0x42, 0x00, 0x43]));
    put('text.txt', 'fine\n');
    const { paths, stats, skips } = await collect();
    expect(paths).toEqual(['text.txt']);
    expect(stats.skipped.binary).toBe(2);
    expect(skips.sort()).toEqual([['blob.dat', 'binary'], ['logo.PNG', 'binary']]);
  });

  it('skips and counts files above the size limit; a file at the limit is read', async () => {
    put('at-limit.txt', 'x'.repeat(10));
    put('over.txt', 'x'.repeat(11));
    const { paths, stats, skips } = await collect(10);
    expect(paths).toEqual(['at-limit.txt']);
    expect(stats.skipped.tooLarge).toBe(1);
    expect(skips).toEqual([['over.txt', 'too-large']]);
  });

  it('decodes UTF-16 and BOM-prefixed files', async () => {
    put('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key=välue\n', 'utf16le')]));
    put('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('key=välue\n', 'utf16le').swap16()]));
    put('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('key=välue\n')]));
    put('bad.txt', Buffer.concat([Buffer.from('key='), Buffer.from([0xc0, 0xff]), Buffer.from('v\n')]));
    const { chunks, stats } = await collect();
    expect(chunks.map((c) => c.text)).toEqual(['key=\ufffd\ufffdv\n', 'key=välue\n', 'key=välue\n', 'key=välue\n']);
    expect(stats.skipped.binary).toBe(0);
  });

  it('counts a file that vanishes between listing and reading as unreadable and goes on', async () => {
    put('a.txt');
    put('b.txt');
    put('c.txt');
    const { paths, stats, skips } = await collect(1 << 20, (c) => {
      if (c.origin.path.endsWith('a.txt')) unlinkSync(join(dir, 'b.txt'));
    });
    expect(paths).toEqual(['a.txt', 'c.txt']);
    expect(stats.skipped.unreadable).toBe(1);
    expect(skips).toEqual([['b.txt', 'unreadable']]);
  });

  it.skipIf(process.platform === 'win32')('counts FIFOs and outside links under other', async () => {
    put('a.txt');
    if (spawnSync('mkfifo', [join(dir, 'fifo')], { timeout: SPAWN_TIMEOUT_MS }).status !== 0) return;
    const { paths, stats } = await collect();
    expect(paths).toEqual(['a.txt']);
    expect(stats.skipped.other).toBe(1);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('counts a file without read permission as unreadable', async () => {
    chmodSync(put('locked.txt'), 0o000);
    put('open.txt');
    const { paths, stats } = await collect();
    expect(paths).toEqual(['open.txt']);
    expect(stats.skipped.unreadable).toBe(1);
  });
});

describe('readTextFile', () => {
  it('reads text and reports its byte size', () => {
    const abs = put('x.txt', 'héllo');
    expect(readTextFile(abs, 100)).toEqual({ text: 'héllo', bytes: 6 });
  });

  it('says why it skips', () => {
    expect(readTextFile(put('big.txt', 'abcdef'), 5)).toMatchObject({ skip: 'too-large' });
    expect(readTextFile(put('f.woff2', 'x'), 5)).toMatchObject({ skip: 'binary' });
    expect(readTextFile(join(dir, 'missing.txt'), 5)).toEqual({ skip: 'unreadable', detail: 'ENOENT' });
    expect(readTextFile(dir, 5)).toMatchObject({ skip: 'unreadable' });
  });

  it.skipIf(process.platform === 'win32')('returns at once for a FIFO instead of blocking', () => {
    const fifo = join(dir, 'fifo');
    if (spawnSync('mkfifo', [fifo], { timeout: SPAWN_TIMEOUT_MS }).status !== 0) return;
    expect(readTextFile(fifo, 100)).toEqual({ skip: 'special', detail: 'FIFO' });
  });

  it('reads an empty file as empty text', () => {
    expect(readTextFile(put('empty.txt', ''), 100)).toEqual({ text: '', bytes: 0 });
  });
});
