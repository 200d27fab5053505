// `keyhound scan --staged` on real repositories: what the commit records, added lines only.
import { generateKeyPairSync } from 'node:crypto';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base62, slackBotToken } from '../helpers/tokens.js';
import { gitRepo, keyhound, snapshot } from './repo.js';

const json = (stdout: string) => JSON.parse(stdout) as { findings: Array<Record<string, unknown>> };

describe('scan --staged', () => {
  it('blocks a staged secret: exit 1, file, line, rule, masked; the raw token is never printed', () => {
    const g = gitRepo();
    g.write('README.md', 'hello\n');
    g.commit('init');
    const tok = slackBotToken();
    g.write('src/config.js', `// settings\nconst a = 1;\nexport const slack = "${tok}";\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged'], g.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('src/config.js');
    expect(r.stdout).toMatch(/3:\d+/);
    expect(r.stdout).toContain('slack-bot-token');
    expect(r.stdout).toContain(`xoxb-••••${tok.slice(-4)}`);
    expect(r.stdout + r.stderr).not.toContain(tok);
    expect(r.stderr).toContain('--no-verify');
  });

  it('blocks passwords written where no assignment names them: SQL, redis.conf, a CSV row, a HAR cookie', () => {
    const g = gitRepo();
    const first = `email,role,password\nana@acme.example,admin,${base62(14)}!\n`;
    g.write('seed/users.csv', first);
    g.commit('init');
    const pw = () => `${base62(14)}#`;
    g.write('db/migrations/001_users.sql', `CREATE USER 'shop'@'%' IDENTIFIED BY '${pw()}';\n`);
    g.write('ops/redis.conf', `bind 0.0.0.0\nrequirepass ${pw()}\n`);
    // A row added under a header committed before: the header still names the column.
    g.write('seed/users.csv', `${first}bo@acme.example,viewer,${pw()}\n`);
    g.write('support/session.har', JSON.stringify({ log: { entries: [{ request: { cookies: [{ name: 'sessionid', value: base62(32) }] } }] } }, null, 1));
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    const found = json(r.stdout).findings.map((f) => [f['file'], f['line'], f['rule']]).sort();
    expect(found).toEqual([
      ['db/migrations/001_users.sql', 1, 'sql-identified-by-password'],
      ['ops/redis.conf', 2, 'redis-config-password'],
      ['seed/users.csv', 3, 'csv-secret-column'],
      ['support/session.har', 9, 'http-session-cookie'],
    ]);
  });

  it('passes a clean change (exit 0)', () => {
    const g = gitRepo();
    g.write('a.txt', 'one\n');
    g.commit('init');
    g.write('a.txt', 'one\ntwo\n');
    g.write('b.txt', 'nothing secret\n');
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged'], g.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('scans the index, not the working tree (partial staging both ways)', () => {
    const g = gitRepo();
    g.write('app.env', 'A=1\n');
    g.commit('init');
    const tok = slackBotToken();
    // Staged, then removed from the working tree: the commit would still record it.
    g.write('app.env', `A=1\nSLACK=${tok}\n`);
    g.run(['add', 'app.env']);
    g.write('app.env', 'A=1\n');
    let r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toMatchObject([{ file: 'app.env', line: 2, rule: 'slack-bot-token', source: 'staged' }]);
    // Only in the working tree: not part of the commit.
    g.run(['reset', '-q', 'app.env']);
    g.write('app.env', `A=1\nSLACK=${slackBotToken()}\n`);
    g.write('other.txt', 'clean\n');
    g.run(['add', 'other.txt']);
    r = keyhound(['scan', '--staged'], g.dir);
    expect(r.code).toBe(0);
  });

  it('does not block an unrelated change to a file whose secret is already in HEAD', () => {
    const g = gitRepo();
    const old = slackBotToken();
    g.write('legacy.cfg', `x=1\ntoken=${old}\ny=2\n`);
    g.commit('old secret');
    g.write('legacy.cfg', `header\nx=1\ntoken=${old}\ny=3\n`);
    g.run(['add', '.']);
    expect(keyhound(['scan', '--staged'], g.dir).code).toBe(0);
    // A new secret in the same file is reported on its new-file line, the old one is not.
    const fresh = slackBotToken();
    g.write('legacy.cfg', `header\nx=1\ntoken=${old}\ny=3\nnew=${fresh}\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    const f = json(r.stdout).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ file: 'legacy.cfg', line: 5, masked: `xoxb-••••${fresh.slice(-4)}` });
  });

  it('handles renames: a moved secret is not new, a secret added while renaming is', () => {
    const g = gitRepo();
    const old = slackBotToken();
    g.write('a/old.txt', `one\ntwo\nthree\nfour\nkey=${old}\n`);
    g.commit('init');
    g.write('b/.keep', '');
    g.run(['mv', 'a/old.txt', 'b/new.txt']);
    expect(keyhound(['scan', '--staged'], g.dir).code).toBe(0);
    g.write('b/new.txt', `one\ntwo\nthree\nfour\nkey=${old}\nkey2=${slackBotToken()}\n`);
    g.run(['add', '-A']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toMatchObject([{ file: 'b/new.txt', line: 6 }]);
  });

  it('reports paths with spaces, quotes and non-ASCII characters exactly', () => {
    const g = gitRepo();
    g.write('x.txt', 'x\n');
    g.commit('init');
    const names = ['dir with space/my file.txt', 'ünïcödé/日本 "q".env', 'tab\tname.txt'];
    for (const n of names) g.write(n, `v=1\nk=${slackBotToken()}\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    const files = json(r.stdout).findings.map((f) => f['file']).sort();
    expect(files).toEqual([...names].sort());
    expect(json(r.stdout).findings.every((f) => f['line'] === 2)).toBe(true);
  });

  it('works in a repository with no commits yet', () => {
    const g = gitRepo();
    g.write('first.txt', `hello\n\nslack: ${slackBotToken()}\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toMatchObject([{ file: 'first.txt', line: 3 }]);
    const empty = gitRepo();
    expect(keyhound(['scan', '--staged'], empty.dir).code).toBe(0);
  });

  it('skips deletions, binary files, symlinks and submodules', () => {
    const g = gitRepo();
    const tok = slackBotToken();
    g.write('gone.txt', `t=${tok}\n`);
    g.commit('init');
    g.run(['rm', '-q', 'gone.txt']);
    g.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`t=${slackBotToken()}\n`)]));
    // A gitlink (mode 160000) as a submodule records it; its "content" is a commit id.
    const head = g.run(['rev-parse', 'HEAD']).stdout.trim();
    g.run(['update-index', '--add', '--cacheinfo', `160000,${head},vendor/sub`]);
    symlinkSync(`k=${slackBotToken()}`, join(g.dir, 'link'));
    g.run(['add', 'blob.bin', 'link']);
    const staged = g.run(['diff', '--cached', '--name-status']).stdout;
    expect(staged).toMatch(/D\tgone.txt/);
    expect(staged).toMatch(/A\tvendor\/sub/);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.stderr).toBe('');
    expect(json(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('finds a multi-line private key block with its first line', () => {
    const g = gitRepo();
    g.write('README.md', 'x\n');
    g.commit('init');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    g.write('deploy/id_rsa', `# deploy key\n${privateKey}`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toMatchObject([{ file: 'deploy/id_rsa', line: 2, rule: 'private-key-rsa' }]);
    expect(r.stdout).not.toContain(privateKey.split('\n')[1]!);
  });

  it('leaves the index and the working tree byte-identical', () => {
    const g = gitRepo();
    g.write('a.txt', 'a\n');
    g.commit('init');
    g.write('a.txt', `a\nk=${slackBotToken()}\n`);
    g.write('b.txt', 'b\n');
    g.run(['add', 'a.txt']);
    g.write('a.txt', 'a\nchanged in the working tree only\n');
    const before = snapshot(g);
    expect(keyhound(['scan', '--staged'], g.dir).code).toBe(1);
    expect(snapshot(g)).toBe(before);
  });

  it('scans from a linked worktree and from a subdirectory', () => {
    const g = gitRepo();
    g.write('sub/dir/keep.txt', 'k\n');
    g.commit('init');
    const wt = `${g.dir}-wt`;
    g.run(['worktree', 'add', '-q', '-b', 'feature', wt]);
    writeFileSync(join(wt, 'new.txt'), `k=${slackBotToken()}\n`);
    const add = keyhound(['scan', '--staged'], wt);
    expect(add.code).toBe(0); // nothing staged yet in the worktree
    g.run(['-C', wt, 'add', 'new.txt']);
    expect(keyhound(['scan', '--staged'], wt).code).toBe(1);
    expect(keyhound(['scan', '--staged'], g.dir).code).toBe(0); // the main worktree's index is untouched
    g.write('sub/dir/keep.txt', `k\nk2=${slackBotToken()}\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], join(g.dir, 'sub', 'dir'));
    expect(json(r.stdout).findings).toMatchObject([{ file: 'sub/dir/keep.txt', line: 2 }]);
    rmSync(wt, { recursive: true, force: true });
  });

  it('applies suppression: an inline keyhound:allow marker and a config allowlist', () => {
    const g = gitRepo();
    g.write('README.md', 'x\n');
    g.commit('init');
    g.write('sub/test.env', `SLACK=${slackBotToken()} # keyhound:allow test fixture\nOTHER=${slackBotToken()}\n`);
    g.run(['add', '.']);
    const r = keyhound(['scan', '--staged', '--format', 'json'], join(g.dir, 'sub'));
    expect(r.code).toBe(1);
    expect(json(r.stdout).findings).toMatchObject([{ file: 'sub/test.env', line: 2 }]);
  });

  it('honours KEYHOUND_SKIP=1 and fails with exit 2 outside a repository', () => {
    const g = gitRepo();
    g.write('a.txt', `k=${slackBotToken()}\n`);
    g.run(['add', '.']);
    const skipped = keyhound(['scan', '--staged'], g.dir, { KEYHOUND_SKIP: '1' });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('KEYHOUND_SKIP');
    rmSync(join(g.dir, '.git'), { recursive: true });
    const r = keyhound(['scan', '--staged'], g.dir, { GIT_CEILING_DIRECTORIES: join(g.dir, '..') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a git repository/i);
  });
});
