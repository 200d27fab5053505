// .keyhoundignore applies to git sources as it does to directory scans: the staged index (the
// pre-commit hook) and history leave out the paths it names, at any depth, with negations.
import { describe, expect, it } from 'vitest';
import { keyhoundIgnoreFilter } from '../../src/sources/ignore-files.js';
import { slackBotToken } from '../helpers/tokens.js';
import { gitRepo, keyhound } from './repo.js';

const files = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: Array<{ file: string }> }).findings.map((f) => f.file).sort();

function repoWithIgnores() {
  const g = gitRepo();
  g.write('.keyhoundignore', '/fixtures/*\n!/fixtures/keep/\n');
  g.write('docs/.keyhoundignore', 'examples.md\n');
  g.commit('ignore files');
  g.write('fixtures/a.env', `T=${slackBotToken()}\n`);
  g.write('fixtures/keep/b.env', `T=${slackBotToken()}\n`);
  g.write('docs/examples.md', `T=${slackBotToken()}\n`);
  g.write('docs/guide.md', `T=${slackBotToken()}\n`);
  g.write('src/app.env', `T=${slackBotToken()}\n`);
  return g;
}

describe('.keyhoundignore in git sources', () => {
  it('staged scan (pre-commit) leaves out ignored paths and keeps the rest', () => {
    const g = repoWithIgnores();
    g.run(['add', '-A']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(files(r.stdout)).toEqual(['docs/guide.md', 'fixtures/keep/b.env', 'src/app.env']);
  });

  it('history scan leaves out the same paths', () => {
    const g = repoWithIgnores();
    g.commit('add files');
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(files(r.stdout)).toEqual(['docs/guide.md', 'fixtures/keep/b.env', 'src/app.env']);
  });

  it('a repository without .keyhoundignore scans every staged path', () => {
    const g = gitRepo();
    g.write('fixtures/a.env', `T=${slackBotToken()}\n`);
    g.run(['add', '-A']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(files(r.stdout)).toEqual(['fixtures/a.env']);
  });

  it('filter: nested files, anchored and unanchored patterns, deepest file decides', () => {
    const g = gitRepo();
    g.write('.keyhoundignore', '*.pem\n/build/\n');
    g.write('a/.keyhoundignore', '!ok.pem\n');
    const ignored = keyhoundIgnoreFilter(g.dir);
    expect(ignored('x.pem')).toBe(true);
    expect(ignored('deep/er/x.pem')).toBe(true);
    expect(ignored('a/ok.pem')).toBe(false);
    expect(ignored('a/other.pem')).toBe(true);
    expect(ignored('build/out.js')).toBe(true);
    expect(ignored('src/build/out.js')).toBe(false);
    expect(ignored('src/main.ts')).toBe(false);
    // As in git, a file under an excluded directory cannot be re-included.
    g.write('.keyhoundignore', '/vendor/\n!/vendor/keep.js\n');
    expect(keyhoundIgnoreFilter(g.dir)('vendor/keep.js')).toBe(true);
  });
});
