import { describe, expect, it } from 'vitest';
import { compileGlob, normalizePath } from '../../src/suppress/glob.js';

const m = (pattern: string, path: string) => compileGlob(pattern).test(path);

describe('path globs', () => {
  it('normalises separators and leading ./', () => {
    expect(normalizePath('.\\docs\\a.md')).toBe('docs/a.md');
    expect(normalizePath('./docs//a/')).toBe('docs/a');
  });

  it('matches a name without / at any depth, and everything below a matched directory', () => {
    expect(m('*.md', 'README.md')).toBe(true);
    expect(m('*.md', 'docs/deep/x.md')).toBe(true);
    expect(m('*.md', 'docs/x.mdx')).toBe(false);
    expect(m('fixtures', 'test/fixtures/a/b.txt')).toBe(true);
    expect(m('fixtures', 'test/fixtures2/a.txt')).toBe(false);
  });

  it('anchors a pattern with / at the base directory', () => {
    expect(m('docs/*.md', 'docs/a.md')).toBe(true);
    expect(m('docs/*.md', 'pkg/docs/a.md')).toBe(false);
    expect(m('docs/*.md', 'docs/sub/a.md')).toBe(false);
    expect(m('/build', 'build/out.js')).toBe(true);
    expect(m('/build', 'src/build/out.js')).toBe(false);
  });

  it('supports **, ?, classes and braces', () => {
    expect(m('docs/**/*.md', 'docs/a.md')).toBe(true);
    expect(m('docs/**/*.md', 'docs/a/b/c.md')).toBe(true);
    expect(m('**/test/*.ts', 'a/b/test/x.ts')).toBe(true);
    expect(m('**/test/*.ts', 'test/x.ts')).toBe(true);
    expect(m('file?.txt', 'file1.txt')).toBe(true);
    expect(m('file?.txt', 'file12.txt')).toBe(false);
    expect(m('key[0-9].pem', 'key7.pem')).toBe(true);
    expect(m('key[!0-9].pem', 'key7.pem')).toBe(false);
    expect(m('*.{md,txt}', 'a/b.txt')).toBe(true);
    expect(m('*.{md,txt}', 'a/b.ts')).toBe(false);
    expect(m('a.b', 'axb')).toBe(false); // a dot is literal
  });

  it('gives the same answer with \\ or / in the pattern or the path', () => {
    const cases: Array<[string, string]> = [
      ['docs/examples/*.md', 'docs/examples/a.md'],
      ['docs/examples/*.md', 'docs/other/a.md'],
      ['**/fixtures/**', 'pkg/test/fixtures/k.pem'],
      ['src/*.ts', 'src/sub/x.ts'],
    ];
    for (const [pattern, path] of cases) {
      const expected = m(pattern, path);
      const bsPattern = pattern.replace(/\//g, '\\');
      const bsPath = path.replace(/\//g, '\\');
      expect(m(bsPattern, path)).toBe(expected);
      expect(m(pattern, bsPath)).toBe(expected);
      expect(m(bsPattern, bsPath)).toBe(expected);
    }
    expect(m('docs\\examples\\*.md', 'docs/examples/a.md')).toBe(true);
  });
});
