// `keyhound scan --git` / `--since` / `--log-opts` / CI mode on real repositories.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackBotToken } from '../helpers/tokens.js';
import { gitRepo, keyhound } from './repo.js';

type Rec = Record<string, unknown>;
const findings = (stdout: string): Rec[] => (JSON.parse(stdout) as { findings: Rec[] }).findings;

describe('scan --git (history)', () => {
  it('finds a secret added in one commit and deleted in a later one, with commit, author, date, path', () => {
    const g = gitRepo();
    g.write('README.md', 'x\n');
    g.commit('init', { date: '2024-01-02T03:04:05Z' });
    const tok = slackBotToken();
    g.write('cfg/app.env', `A=1\nB=2\nSLACK=${tok}\n`);
    const added = g.commit('add config', { date: '2024-02-03T04:05:06Z' });
    g.write('cfg/app.env', 'A=1\nB=2\n');
    g.commit('remove the token');
    const wt = keyhound(['scan', '.'], g.dir);
    expect(wt.stderr).toBe('');
    expect(wt.code).toBe(0); // the working tree is clean
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    const f = findings(r.stdout);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      file: 'cfg/app.env', line: 3, rule: 'slack-bot-token', source: 'commit', commit: added,
      author: 'Ada Tester', email: 'ada@example.test', masked: `xoxb-••••${tok.slice(-4)}`,
    });
    expect(String(f[0]!['date'])).toMatch(/^2024-02-03T04:05:06/);
    expect(r.stdout + r.stderr).not.toContain(tok);
    const text = keyhound(['scan', '--git'], g.dir);
    expect(text.stdout).toContain(added.slice(0, 7));
  });

  it('scans all refs, takes the repository path, and reports each secret once (where it was added)', () => {
    const g = gitRepo();
    g.write('a.txt', 'a\n');
    g.commit('init');
    g.run(['checkout', '-q', '-b', 'side']);
    g.write('side.txt', `k=${slackBotToken()}\n`);
    const side = g.commit('side secret');
    g.write('side.txt', `k0\nmore\n${g.run(['show', 'HEAD:side.txt']).stdout}`); // moves the line down
    g.commit('shift');
    g.run(['checkout', '-q', 'main']);
    const r = keyhound(['scan', '--git', g.dir, '--format', 'json'], join(g.dir, '..'));
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'side.txt', commit: side, line: 1 }]);
  });

  it('--since REF scans only REF..HEAD; --log-opts passes arguments to git log', () => {
    const g = gitRepo();
    g.write('old.txt', `k=${slackBotToken()}\n`);
    const base = g.commit('old secret');
    g.write('new.txt', `x\nk=${slackBotToken()}\n`);
    const head = g.commit('new secret');
    let r = keyhound(['scan', '--since', base, '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'new.txt', commit: head, line: 2 }]);
    r = keyhound(['scan', '--since', 'HEAD'], g.dir);
    expect(r.code).toBe(0);
    r = keyhound(['scan', '--git', `--log-opts=--max-count=1 ${base}`, '--format', 'json'], g.dir);
    expect(findings(r.stdout)).toMatchObject([{ file: 'old.txt', commit: base }]);
    r = keyhound(['scan', '--git', '--log-opts', `${head} -- "new.txt"`, '--format', 'json'], g.dir);
    expect(findings(r.stdout).map((f) => f['file'])).toEqual(['new.txt']);
    r = keyhound(['scan', '--since', 'no-such-ref'], g.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-ref');
  });

  it('CI mode takes the range from a GitHub pull_request or push event', () => {
    const g = gitRepo();
    g.write('old.txt', `k=${slackBotToken()}\n`);
    const base = g.commit('old secret');
    g.write('new.txt', `k=${slackBotToken()}\n`);
    const head = g.commit('new secret');
    const ev = join(g.dir, '..', `${g.dir.split('/').pop()}-event.json`);
    const env = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: ev, GITHUB_REF: 'refs/heads/main' };
    writeFileSync(ev, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } } }));
    let r = keyhound(['scan', '--git', '--format', 'json'], g.dir, env);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'new.txt', commit: head }]);
    expect(r.stderr).toContain('pull request');
    writeFileSync(ev, JSON.stringify({ before: head, after: head }));
    expect(keyhound(['scan', '--git'], g.dir, env).code).toBe(0);
    // A new branch (before = zeros) and no other remote branch: all its commits.
    writeFileSync(ev, JSON.stringify({ before: '0'.repeat(40), after: head }));
    r = keyhound(['scan', '--git', '--format', 'json'], g.dir, env);
    expect(findings(r.stdout).map((f) => f['file']).sort()).toEqual(['new.txt', 'old.txt']);
    // Outside Actions the event is ignored: all refs.
    expect(findings(keyhound(['scan', '--git', '--format', 'json'], g.dir, { ...env, GITHUB_ACTIONS: '' }).stdout)).toHaveLength(2);
  });

  it('handles renames, binary files and odd paths in history', () => {
    const g = gitRepo();
    const tok = slackBotToken();
    g.write('dir one/ä "x".txt', `k=${tok}\n`);
    g.write('bin.dat', Buffer.from([0, 0, 1, 2, ...Buffer.from(`k=${slackBotToken()}`)]));
    const first = g.commit('add');
    g.run(['mv', 'dir one/ä "x".txt', 'moved.txt']);
    g.commit('rename');
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(findings(r.stdout)).toMatchObject([{ file: 'dir one/ä "x".txt', commit: first, line: 1 }]);
  });

  it('--max-file-size bounds what one commit of one file adds; the rest counts as too large', () => {
    const g = gitRepo();
    const early = slackBotToken();
    const late = slackBotToken();
    const filler = `${'lorem ipsum dolor sit amet '.repeat(3)}\n`.repeat(4000); // about 330 KB
    g.write('gen.txt', `A=${early}\n${filler}B=${late}\n`);
    g.write('small.env', `C=${slackBotToken()}\n`);
    const sha = g.commit('generated file');
    const r = keyhound(['scan', '--git', '--format', 'json', '--max-file-size', '100KB', '-v'], g.dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Rec[]; stats: { skipped: Rec } };
    expect(report.findings.map((f) => `${String(f['file'])}:${String(f['line'])}`).sort()).toEqual(['gen.txt:1', 'small.env:1']);
    expect(report.stats.skipped['too_large']).toBe(1);
    expect(r.stderr).toContain(`skipped gen.txt@${sha.slice(0, 12)}: too-large`);
    // Without the limit (default 10 MB) the whole file is read.
    const all = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(findings(all.stdout).map((f) => `${String(f['file'])}:${String(f['line'])}`).sort()).toEqual(['gen.txt:1', 'gen.txt:4002', 'small.env:1']);
  });

  it('streams: a history larger than the heap limit scans in bounded memory', () => {
    const g = gitRepo();
    // About 48 MB of added text over 8 commits; the CLI runs with a 40 MB old-space limit.
    const line = `${'lorem ipsum dolor sit amet '.repeat(3)}\n`;
    for (let c = 0; c < 8; c++) {
      g.write(`big${c}.txt`, line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)));
      g.commit(`big ${c}`);
    }
    const tok = slackBotToken();
    g.write('big3.txt', `k=${tok}\n`);
    g.commit('secret');
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir, { NODE_OPTIONS: '--max-old-space-size=40' });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'big3.txt', line: 1 }]);
  }, 120_000);
});
