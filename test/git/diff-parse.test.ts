// The diff parser on hand-written git output: paths, hunk headers, lines that look like headers.
import { describe, expect, it } from 'vitest';
import { DiffParser, unquotePath, type DiffFile } from '../../src/sources/git-diff-parse.js';
import { splitArgs } from '../../src/sources/git-run.js';

function parse(text: string) {
  const out: Array<{ file: DiffFile; hunks: Array<[number, number]>; added: Array<[number, string]> }> = [];
  const commits: string[] = [];
  const p = new DiffParser({
    commit: (l) => commits.push(l.slice(1)),
    file: (file) => out.push({ file, hunks: [], added: [] }),
    hunk: (s, n) => out.at(-1)!.hunks.push([s, n]),
    added: (t, l) => out.at(-1)!.added.push([l, t]),
  });
  for (const l of text.split('\n')) p.push(l);
  return { out, commits };
}

describe('git diff parser', () => {
  it('unquotes C-quoted paths (octal UTF-8 bytes, escapes) and strips the tab git adds after spaces', () => {
    expect(unquotePath('"b/\\303\\274n\\303\\257 \\"q\\".txt"\t')).toBe('b/ünï "q".txt');
    expect(unquotePath('b/sp ace.txt\t')).toBe('b/sp ace.txt');
    expect(unquotePath('"b/tab\\tname"')).toBe('b/tab\tname');
    expect(unquotePath('b/plain')).toBe('b/plain');
  });

  it('reads sha, mode, hunks and added lines; content lines that look like headers stay content', () => {
    const sha = 'a'.repeat(40);
    const { out, commits } = parse([
      '\x1e' + 'c0ffee\x1fAda\x1fada@x\x1f2024-01-01T00:00:00Z',
      'diff --git a/x.txt b/x.txt',
      `index ${'0'.repeat(40)}..${sha} 100644`,
      '--- a/x.txt',
      '+++ b/x.txt',
      '@@ -1,0 +2,3 @@ context',
      '+++ not a header',
      '+diff --git a/fake b/fake',
      '+@@ -1 +1 @@',
      '@@ -9 +12 @@',
      '--- removed line that looks like a header',
      '+single',
      '\\ No newline at end of file',
      'diff --git a/gone b/gone',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/gone',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..2222222',
      'Binary files /dev/null and b/img.png differ',
      'diff --git a/sub b/sub',
      'new file mode 160000',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/sub',
      '@@ -0,0 +1 @@',
      '+Subproject commit 3333333',
    ].join('\n'));
    expect(commits).toEqual(['c0ffee\x1fAda\x1fada@x\x1f2024-01-01T00:00:00Z']);
    expect(out.map((o) => o.file)).toEqual([
      { path: 'x.txt', sha, mode: '100644' },
      { path: 'sub', sha: '3333333', mode: '160000' },
    ]);
    expect(out[0]!.hunks).toEqual([[2, 3], [12, 1]]);
    expect(out[0]!.added).toEqual([[2, '++ not a header'], [3, 'diff --git a/fake b/fake'], [4, '@@ -1 +1 @@'], [12, 'single']]);
  });

  it('reports binary files with their new and old blob ids; file() is not called for them', () => {
    const binaries: DiffFile[] = [];
    const files: DiffFile[] = [];
    const p = new DiffParser({ file: (f) => files.push(f), hunk: () => undefined, binary: (f) => binaries.push(f) });
    const [a, b, c] = ['1'.repeat(40), '2'.repeat(40), '3'.repeat(40)];
    for (const l of [
      'diff --git a/new.p12 b/new.p12', 'new file mode 100644', `index ${'0'.repeat(40)}..${a}`, 'Binary files /dev/null and b/new.p12 differ',
      'diff --git a/x and y.zip b/x and y.zip', `index ${b}..${c} 100644`, 'Binary files a/x and y.zip and b/x and y.zip differ',
      'diff --git a/gone.jks b/gone.jks', 'deleted file mode 100644', `index ${c}..${'0'.repeat(40)}`, 'Binary files a/gone.jks and /dev/null differ',
    ]) p.push(l);
    expect(files).toEqual([]);
    expect(binaries).toEqual([
      { path: 'new.p12', sha: a, mode: '100644', oldSha: '0'.repeat(40) },
      { path: 'x and y.zip', sha: c, mode: '100644', oldSha: b },
    ]);
  });

  it('splits --log-opts like a shell (quotes group, backslash escapes)', () => {
    expect(splitArgs(`main..dev --author="Ada L" -- 'a b.txt' x\\ y ""`)).toEqual(['main..dev', '--author=Ada L', '--', 'a b.txt', 'x y', '']);
    expect(() => splitArgs('"open')).toThrow(/quote/);
  });
});
