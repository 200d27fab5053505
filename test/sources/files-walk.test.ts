import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { walkFiles, type FileSourceOptions, type SkipReason } from '../../src/sources/files-walk.js';
import { UsageError } from '../../src/errors.js';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kh-walk-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function put(rel: string, content = `content of ${rel}\n`): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

interface Skip { path: string; reason: SkipReason; detail: string | undefined }

function walk(extra: Partial<FileSourceOptions> = {}, roots = [dir]): { rels: string[]; skips: Skip[] } {
  const skips: Skip[] = [];
  const rels = [...walkFiles({
    roots,
    maxFileSize: 1 << 20,
    gitignore: true,
    onSkip: (path, reason, detail) => skips.push({ path, reason, detail }),
    ...extra,
  })].map((e) => e.rel);
  return { rels, skips };
}

const hasGit = spawnSync('git', ['--version'], { timeout: SPAWN_TIMEOUT_MS }).status === 0;

describe('walkFiles: ignore rules', () => {
  it('honours nested .gitignore files relative to their directory, with negations', () => {
    put('.gitignore', '*.log\nbuild/\n/top-only.txt\n');
    put('app.log');
    put('top-only.txt');
    put('build/out.js');
    put('src/main.ts');
    put('src/top-only.txt'); // anchored pattern of the root file does not reach here
    put('src/build/gen.ts'); // unanchored dir pattern does
    put('src/.gitignore', '!keep.log\n/local.txt\n');
    put('src/keep.log');
    put('src/drop.log');
    put('src/local.txt');
    put('src/deeper/local.txt'); // anchored to src/, so deeper is kept
    const { rels } = walk();
    expect(rels).toEqual([
      '.gitignore',
      'src/.gitignore',
      'src/deeper/local.txt',
      'src/keep.log',
      'src/main.ts',
      'src/top-only.txt',
    ]);
  });

  it('cannot re-include a file whose parent directory is excluded (as git)', () => {
    put('.gitignore', 'vendor/\n!vendor/keep.txt\n');
    put('vendor/keep.txt');
    put('other.txt');
    expect(walk().rels).toEqual(['.gitignore', 'other.txt']);
  });

  it('lets a deeper .gitignore re-include what a higher one excludes', () => {
    put('.gitignore', '*.env\n');
    put('a.env');
    put('cfg/.gitignore', '!prod.env\n');
    put('cfg/prod.env');
    put('cfg/dev.env');
    expect(walk().rels).toEqual(['.gitignore', 'cfg/.gitignore', 'cfg/prod.env']);
  });

  it('honours .git/info/exclude and never lists .git itself', () => {
    put('.git/config', '[core]\n');
    put('.git/HEAD', 'ref: refs/heads/main\n');
    put('.git/info/exclude', 'secret-notes.md\n');
    put('secret-notes.md');
    put('readme.md');
    put('pkg/.git', 'gitdir: ../.git/modules/pkg\n'); // a gitfile is repository data too
    put('pkg/index.js');
    expect(walk().rels).toEqual(['pkg/index.js', 'readme.md']);
  });

  it('applies .keyhoundignore anywhere, even with gitignore off', () => {
    put('.gitignore', '*.txt\n');
    put('a.txt');
    put('fixtures/.keyhoundignore', '*.pem\n!public.pem\n');
    put('fixtures/private.pem');
    put('fixtures/public.pem');
    put('other/private.pem');
    expect(walk().rels).toEqual(['.gitignore', 'fixtures/.keyhoundignore', 'fixtures/public.pem', 'other/private.pem']);
    expect(walk({ gitignore: false }).rels).toEqual([
      '.gitignore',
      'a.txt',
      'fixtures/.keyhoundignore',
      'fixtures/public.pem',
      'other/private.pem',
    ]);
  });

  it('applies config patterns relative to the root, above ignore files', () => {
    put('.gitignore', '*.local\n');
    put('keep.local');
    put('docs/a.md');
    put('docs/b.txt');
    const { rels } = walk({ extraIgnore: ['docs/*.md', '!keep.local', ''] });
    expect(rels).toEqual(['.gitignore', 'docs/b.txt', 'keep.local']);
  });

  it('applies the rules of parent directories when scanning a sub-directory of a repository', () => {
    put('.git/HEAD', 'ref: refs/heads/main\n');
    put('.git/info/exclude', '*.tmp\n');
    put('.gitignore', '*.log\n/sub/anchored.txt\nnode_modules/\n');
    put('sub/a.log');
    put('sub/a.tmp');
    put('sub/anchored.txt');
    put('sub/code.ts');
    put('sub/node_modules/dep/index.js');
    put('node_modules/pkg/index.js');
    put('node_modules/pkg/debug.log');
    expect(walk({}, [join(dir, 'sub')]).rels).toEqual(['code.ts']);
    // A directory the rules exclude is still scanned when named explicitly.
    expect(walk({}, [join(dir, 'node_modules/pkg')]).rels).toEqual(['debug.log', 'index.js']);
  });

  it.skipIf(!hasGit)('lists the same files as git on a tricky tree', () => {
    execFileSync('git', ['init', '-q', dir], { timeout: SPAWN_TIMEOUT_MS });
    put('.gitignore', '*.log\n!important.log\nbuild/\n/root-only\ndocs/**/*.tmp\n[Tt]emp*\n\\#hash\n  \n# comment\n');
    put('important.log');
    put('x.log');
    put('root-only');
    put('a/root-only');
    put('build/x.js');
    put('a/build/y.js');
    put('docs/a/b/c.tmp');
    put('docs/c.tmp');
    put('Temp1.txt');
    put('temp2.txt');
    put('tEmp3.txt');
    put('#hash');
    put('a/.gitignore', '!x.log\n*.md\n!README.md\n');
    put('a/x.log');
    put('a/notes.md');
    put('a/README.md');
    put('a/b/notes.md');
    put('with space.txt');
    put('ünï.txt');
    put('.git/info/exclude', 'excluded-by-info\n');
    put('excluded-by-info');
    const fromGit = execFileSync('git', ['-C', dir, '-c', 'core.quotepath=off', 'ls-files', '-z', '--others', '--cached', '--exclude-standard'], { timeout: SPAWN_TIMEOUT_MS })
      .toString('utf8').split('\0').filter(Boolean).sort();
    expect(walk({}).rels.slice().sort()).toEqual(fromGit);
  });
});

describe('walkFiles: entries', () => {
  it('yields rel with / separators, sorted by path segment, and the path as given', () => {
    put('b.txt');
    put('a/z.txt');
    put('a-b.txt');
    put('A.txt');
    const entries = [...walkFiles({ roots: [dir], maxFileSize: 100, gitignore: true })];
    expect(entries.map((e) => e.rel)).toEqual(['A.txt', 'a/z.txt', 'a-b.txt', 'b.txt']);
    expect(entries.every((e) => e.root === dir)).toBe(true);
    expect(entries[1]!.abs).toMatch(/a[/\\]z\.txt$/);
    const given = relative(process.cwd(), dir) + '/';
    const viaRel = [...walkFiles({ roots: [given], maxFileSize: 100, gitignore: true })];
    expect(viaRel.map((e) => e.path)).toEqual(entries.map((e) => `${relative(process.cwd(), dir)}/${e.rel}`.replace(/\\/g, '/')));
  });

  it('shows paths relative to cwd for roots inside it, however the roots were given', () => {
    put('src/a.ts');
    put('b.ts');
    const paths = (roots: string[]) => [...walkFiles({ roots, cwd: dir, maxFileSize: 100, gitignore: true })].map((e) => e.path);
    expect(paths([dir])).toEqual(['b.ts', 'src/a.ts']);
    expect(paths(['.'])).toEqual(['b.ts', 'src/a.ts']);
    expect(paths(['./src/'])).toEqual(['src/a.ts']);
    expect(paths([join(dir, 'src')])).toEqual(['src/a.ts']);
    expect(paths(['src/a.ts'])).toEqual(['src/a.ts']);
    const sub = join(dir, 'src');
    expect([...walkFiles({ roots: ['../b.ts', '..'], cwd: sub, maxFileSize: 100, gitignore: true })].map((e) => [e.path, e.rel]))
      .toEqual([['../b.ts', 'b.ts'], ['../src/a.ts', 'src/a.ts']]);
  });

  it('handles names with spaces, newlines and non-ASCII characters', () => {
    const names = ['with space.txt', 'new\nline.txt', 'ünïcødé.txt', '日本語/ファイル.md', '..dots'];
    for (const n of names) put(n);
    put('.gitignore', 'ファイル.md\n');
    expect(walk().rels).toEqual(['..dots', '.gitignore', 'new\nline.txt', 'with space.txt', 'ünïcødé.txt']);
  });

  it('yields a root file as given, ignore rules notwithstanding', () => {
    put('.gitignore', '*.log\n');
    put('sub/debug.log');
    const entries = [...walkFiles({ roots: [join(dir, 'sub/debug.log')], maxFileSize: 100, gitignore: true })];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.rel).toBe('debug.log');
    expect(entries[0]!.path).toBe(join(dir, 'sub/debug.log').replace(/\\/g, '/'));
  });

  it('lists a file once when roots overlap', () => {
    put('src/a.ts');
    put('b.ts');
    const entries = [...walkFiles({ roots: [dir, join(dir, 'src'), join(dir, 'src/a.ts')], maxFileSize: 100, gitignore: true })];
    expect(entries.map((e) => e.rel)).toEqual(['b.ts', 'src/a.ts']);
  });

  it('throws a usage error for a root that does not exist', () => {
    expect(() => [...walkFiles({ roots: [join(dir, 'missing')], maxFileSize: 100, gitignore: true })]).toThrow(UsageError);
  });
});

describe('walkFiles: symlinks and special files', () => {
  it.skipIf(process.platform === 'win32')('reads a link to an unlisted file inside the root once, skips links leading outside', () => {
    put('real.txt');
    put('.gitignore', 'hidden/\n');
    put('hidden/secret.env');
    symlinkSync('real.txt', join(dir, 'link-to-real.txt')); // target listed itself: not read twice
    symlinkSync('hidden/secret.env', join(dir, 'env-link')); // target ignored: read under the link name
    symlinkSync('hidden/secret.env', join(dir, 'env-link-2')); // same target: not again
    const outside = mkdtempSync(join(tmpdir(), 'kh-out-'));
    try {
      writeFileSync(join(outside, 'o.txt'), 'x');
      symlinkSync(join(outside, 'o.txt'), join(dir, 'out-link'));
      symlinkSync('does-not-exist', join(dir, 'dangling'));
      const { rels, skips } = walk();
      expect(rels).toEqual(['.gitignore', 'real.txt', 'env-link']);
      const entries = [...walkFiles({ roots: [dir], maxFileSize: 100, gitignore: true })];
      expect(entries[2]!.abs).toMatch(/hidden[/\\]secret\.env$/);
      expect(skips.map((s) => `${s.reason}:${s.path.slice(dir.length + 1)}`).sort()).toEqual([
        'symlink-outside:out-link',
        'unreadable:dangling',
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')('never follows directory links, so a loop ends', () => {
    put('a/file.txt');
    symlinkSync('..', join(dir, 'a/loop'));
    symlinkSync(join(dir, 'a'), join(dir, 'alias'));
    const { rels, skips } = walk();
    expect(rels).toEqual(['a/file.txt']);
    expect(skips).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('skips a FIFO without opening it', () => {
    put('before.txt');
    put('z-after.txt');
    const made = spawnSync('mkfifo', [join(dir, 'pipe')], { timeout: SPAWN_TIMEOUT_MS });
    if (made.status !== 0) return; // no mkfifo here
    symlinkSync('pipe', join(dir, 'pipe-link'));
    const { rels, skips } = walk(); // would hang forever if the FIFO were opened
    expect(rels).toEqual(['before.txt', 'z-after.txt']);
    expect(skips.map((s) => [s.path.slice(dir.length + 1), s.reason])).toEqual([
      ['pipe', 'special'],
      ['pipe-link', 'special'],
    ]);
  });
});
