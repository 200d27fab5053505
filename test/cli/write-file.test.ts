// Reports and baselines are written atomically, but never by replacing what the path is: a
// symlink, a device (`-o /dev/null`) or a FIFO is written through, and a file keeps its mode.
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/write-file.js';
import { makeTree, runCli } from '../helpers/cli.js';

describe('writeFileAtomic', () => {
  it('creates a new file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-write-'));
    writeFileAtomic(join(dir, 'r.json'), '{}\n');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('{}\n');
  });

  it('writes through a symlink instead of replacing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-write-'));
    writeFileSync(join(dir, 'shared.json'), 'old');
    symlinkSync('shared.json', join(dir, 'link.json'));
    writeFileAtomic(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('shared.json');
    expect(readFileSync(join(dir, 'shared.json'), 'utf8')).toBe('new');
  });

  it('keeps the mode of an existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-write-'));
    const p = join(dir, 'r.sarif');
    writeFileSync(p, 'old');
    chmodSync(p, 0o600);
    writeFileAtomic(p, 'new');
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readFileSync(p, 'utf8')).toBe('new');
  });

  it('the CLI writes a report through a symlink (-o link)', () => {
    const dir = makeTree({ 'a.txt': 'nothing\n' });
    const out = mkdtempSync(join(tmpdir(), 'keyhound-write-'));
    writeFileSync(join(out, 'real.json'), '');
    symlinkSync(join(out, 'real.json'), join(out, 'link.json'));
    const r = runCli(['scan', dir, '--no-config', '--format', 'json', '-o', join(out, 'link.json')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(out, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'real.json'), 'utf8')).findings).toEqual([]);
  });
});
