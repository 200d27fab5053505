// Git edge cases for `scan --git` and `scan --staged`, driving the built CLI on real repositories:
// shallow clones, detached HEAD, bare repositories, huge blobs, submodules, evil merges, no commits.
import { spawnSync } from 'node:child_process';
import { randomBytes } from '../helpers/test-random.js';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { slackBotToken } from '../helpers/tokens.js';
import { BIN, gitRepo, gitTestEnv, keyhound, type Git } from './repo.js';

type Rec = Record<string, unknown>;
interface Report {
  findings: Rec[];
  stats: Rec;
}
const report = (stdout: string): Report => JSON.parse(stdout) as Report;
const findings = (stdout: string): Rec[] => report(stdout).findings;
/** Findings as `file@commit:line`, sorted: order-independent and exact. */
const where = (fs: Rec[]): string[] => fs.map((f) => `${String(f['file'])}@${String(f['commit'] ?? '')}:${String(f['line'])}`).sort();

/** A git command outside any Git helper (clones into a new directory). */
function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitTestEnv(), timeout: SPAWN_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A repository of five commits: a secret in the first (kept), one removed before the tip, one in the tip. */
function historyRepo(): { g: Git; commits: string[] } {
  const g = gitRepo();
  const commits: string[] = [];
  g.write('old.env', `A=1\nOLD=${slackBotToken()}\n`);
  commits.push(g.commit('old secret'));
  g.write('gone.env', `GONE=${slackBotToken()}\n`);
  commits.push(g.commit('secret that will be removed'));
  g.write('gone.env', 'GONE=\n');
  commits.push(g.commit('remove it'));
  g.write('notes.txt', 'nothing here\n');
  commits.push(g.commit('notes'));
  g.write('tip.env', `x\nTIP=${slackBotToken()}\n`);
  commits.push(g.commit('tip secret'));
  return { g, commits };
}

describe('git edge cases', () => {
  it('shallow clone: the grafted root counts as wholly added; missing parents do not crash the scan', () => {
    const { g, commits } = historyRepo();
    const dst = join(mkdtempSync(join(tmpdir(), 'keyhound-shallow-')), 'clone');
    git(['clone', '-q', '--depth', '2', `file://${g.dir}`, dst], tmpdir());
    expect(existsSync(join(dst, '.git', 'shallow'))).toBe(true);
    const graft = commits[3]!;
    const tip = commits[4]!;
    const r = keyhound(['scan', '--git', '--format', 'json'], dst);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    // old.env sits in the grafted commit's tree; gone.env's secret left history before the graft.
    expect(where(findings(r.stdout))).toEqual([`old.env@${graft}:2`, `tip.env@${tip}:2`]);

    // Depth 1: the tip itself is the grafted root; everything in its tree is found there.
    const dst1 = join(mkdtempSync(join(tmpdir(), 'keyhound-shallow-')), 'clone');
    git(['clone', '-q', '--depth', '1', `file://${g.dir}`, dst1], tmpdir());
    const r1 = keyhound(['scan', '--git', '--format', 'json'], dst1);
    expect(r1.code).toBe(1);
    expect(where(findings(r1.stdout))).toEqual([`old.env@${tip}:2`, `tip.env@${tip}:2`]);
    // A range that reaches past the graft is git's error, reported as exit 2 (not a stack trace).
    const past = keyhound(['scan', '--since', commits[0]!], dst1);
    expect(past.code).toBe(2);
    expect(past.stderr).not.toMatch(/\n\s+at /);
  });

  it('a user config that hides root commits does not hide their content', () => {
    const { g, commits } = historyRepo();
    g.run(['config', 'log.showRoot', 'false']);
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toContain(`old.env@${commits[0]!}:2`);
  });

  it('detached HEAD: --staged scans the index; --git sees commits only HEAD reaches', () => {
    const { g, commits } = historyRepo();
    g.run(['checkout', '-q', '--detach', commits[3]!]);
    expect(g.run(['symbolic-ref', '-q', 'HEAD'], { allowFail: true }).code).not.toBe(0);
    g.write('detached.env', `D=${slackBotToken()}\n`);
    g.run(['add', 'detached.env']);
    let r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'detached.env', line: 1, source: 'staged' }]);
    const orphan = g.commit('on a detached HEAD');
    r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual([
      `detached.env@${orphan}:1`, `gone.env@${commits[1]!}:1`, `old.env@${commits[0]!}:2`, `tip.env@${commits[4]!}:2`,
    ].sort());
    expect(keyhound(['scan', '--staged'], g.dir).code).toBe(0); // nothing staged now
  });

  it('bare repository: --git scans its history; --staged fails with exit 2 and says why', () => {
    const { g, commits } = historyRepo();
    const parent = mkdtempSync(join(tmpdir(), 'keyhound-bare-'));
    git(['clone', '-q', '--bare', g.dir, 'repo.git'], parent);
    const bare = join(parent, 'repo.git');
    const expected = [`gone.env@${commits[1]!}:1`, `old.env@${commits[0]!}:2`, `tip.env@${commits[4]!}:2`];
    let r = keyhound(['scan', '--git', bare, '--format', 'json'], parent);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual(expected);
    r = keyhound(['scan', '--git', '--format', 'json'], bare); // from inside the bare repository
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual(expected);
    for (const cwd of [bare, parent]) {
      const s = keyhound(cwd === bare ? ['scan', '--staged'] : ['scan', '--staged', bare], cwd);
      expect(s.code).toBe(2);
      expect(s.stderr).toMatch(/bare repository/);
      expect(s.stderr).toMatch(/no index|work tree/);
      expect(s.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a 30 MB binary blob is skipped; the secret beside it is found; peak memory stays bounded', () => {
    const g = gitRepo();
    g.write('README.md', 'x\n');
    g.commit('init');
    const blob = randomBytes(30 * 1024 * 1024);
    blob[0] = 0; // binary to every sniffer, whatever the random bytes
    g.write('assets/huge.bin', blob);
    g.write('config/app.env', `A=1\nSLACK=${slackBotToken()}\n`);
    const added = g.commit('add a huge blob and a secret');
    const time = '/usr/bin/time';
    const rssFile = join(g.dir, '..', `${g.dir.split('/').pop()}-rss`);
    const measure = existsSync(time);
    const cmd = measure ? [time, '-f', '%M', '-o', rssFile, process.execPath, BIN] : [process.execPath, BIN];
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), 'scan', '--git', '--format', 'json'], {
      cwd: g.dir, encoding: 'utf8', env: gitTestEnv(), maxBuffer: 64 * 1024 * 1024, timeout: SPAWN_TIMEOUT_MS, killSignal: 'SIGKILL',
    });
    if (r.error) throw r.error;
    expect(r.status).toBe(1);
    expect(where(findings(r.stdout))).toEqual([`config/app.env@${added}:2`]);
    if (measure) {
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      expect(kb).toBeGreaterThan(10_000); // a real measurement, not an empty file
      expect(kb).toBeLessThan(300 * 1024);
    }
    // Staged, the blob is read past (over --max-file-size), never held.
    g.write('assets/huge2.bin', blob.subarray(0, 20 * 1024 * 1024));
    g.write('config/more.env', `B=${slackBotToken()}\n`);
    g.run(['add', '.']);
    const s = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(s.code).toBe(1);
    expect(findings(s.stdout)).toMatchObject([{ file: 'config/more.env', line: 1 }]);
  }, 120_000);

  it('submodule: the gitlink is skipped in history and in the index; the secret elsewhere is found', () => {
    const sub = gitRepo();
    sub.write('lib.txt', 'library\n');
    sub.commit('lib');
    const g = gitRepo();
    g.write('README.md', 'x\n');
    g.commit('init');
    g.run(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${sub.dir}`, 'vendor/lib']);
    g.write('app.env', `K=${slackBotToken()}\n`);
    const added = g.commit('add a submodule and a secret');
    expect(g.run(['ls-tree', 'HEAD', 'vendor/lib']).stdout).toMatch(/^160000 commit /);
    // A later commit moves the submodule to a new commit (a modified gitlink).
    sub.write('lib.txt', 'library 2\n');
    sub.commit('lib 2');
    g.run(['-C', 'vendor/lib', '-c', 'protocol.file.allow=always', 'pull', '-q', 'origin', 'main']);
    g.commit('bump submodule');
    let r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual([`app.env@${added}:1`]);
    // Staged: a new submodule plus a bumped one plus a secret.
    sub.write('lib.txt', 'library 3\n');
    sub.commit('lib 3');
    g.run(['-C', 'vendor/lib', '-c', 'protocol.file.allow=always', 'pull', '-q', 'origin', 'main']);
    g.run(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${sub.dir}`, 'vendor/lib2']);
    g.write('staged.env', `K=${slackBotToken()}\n`);
    g.run(['add', '-A']);
    expect(g.run(['diff', '--cached', '--name-only']).stdout.split('\n').sort()).toEqual(['', '.gitmodules', 'staged.env', 'vendor/lib', 'vendor/lib2']);
    r = keyhound(['scan', '--staged', '--format', 'json', '--verbose'], g.dir);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'staged.env', line: 1 }]);
    expect(r.stderr).not.toMatch(/vendor\/lib|unreadable|missing/);
  });

  /** Branches `main` and `feature` that both change MODE in app.env; merging them conflicts. */
  function conflictingBranches(extra: { feature?: Record<string, string>; main?: Record<string, string> } = {}) {
    const g = gitRepo();
    g.write('app.env', 'A=1\nMODE=base\nZ=9\n');
    g.commit('base');
    g.run(['checkout', '-q', '-b', 'feature']);
    g.write('app.env', 'A=1\nMODE=feature\nZ=9\n');
    for (const [p, t] of Object.entries(extra.feature ?? {})) g.write(p, t);
    const feature = g.commit('feature: mode');
    g.run(['checkout', '-q', 'main']);
    g.write('app.env', 'A=1\nMODE=main\nZ=9\n');
    for (const [p, t] of Object.entries(extra.main ?? {})) g.write(p, t);
    const main = g.commit('main: mode');
    expect(g.run(['merge', '-q', '--no-edit', 'feature'], { allowFail: true }).code).not.toBe(0); // conflict
    return { g, feature, main };
  }

  it('merge: a secret introduced by the conflict resolution is reported on the merge; carried-over ones are not repeated', () => {
    const { g, feature, main } = conflictingBranches({
      feature: { 'feature.env': `F=${slackBotToken()}\n` },
      main: { 'main.env': `x\nM=${slackBotToken()}\n` },
    });
    // The resolution keeps neither side and adds a line that no parent has.
    g.write('app.env', `A=1\nMODE=merged\nSLACK=${slackBotToken()}\nZ=9\n`);
    g.run(['add', 'app.env']);
    g.run(['commit', '-q', '--no-verify', '--no-edit']);
    const merge = g.run(['rev-parse', 'HEAD']).stdout.trim();
    expect(g.run(['rev-list', '--parents', '-n1', 'HEAD']).stdout.trim().split(' ')).toHaveLength(3);
    const expected = [`app.env@${merge}:3`, `feature.env@${feature}:1`, `main.env@${main}:2`];
    let r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual(expected);
    // Only the merge: its own line, nothing carried over from either parent.
    r = keyhound(['scan', '--git', `--log-opts=-1 ${merge}`, '--format', 'json'], g.dir);
    expect(where(findings(r.stdout))).toEqual([`app.env@${merge}:3`]);
    // A caller's --first-parent keeps git's first-parent diff: feature's commits are not walked,
    // so the merge is where its secret enters main.
    r = keyhound(['scan', '--git', '--log-opts=--first-parent main', '--format', 'json'], g.dir);
    expect(where(findings(r.stdout))).toEqual([`app.env@${merge}:3`, `feature.env@${merge}:1`, `main.env@${main}:2`]);
    // A clean merge (no conflict, no new lines) adds nothing.
    g.run(['checkout', '-q', '-b', 'more', `${main}`]);
    g.write('more.env', `Q=${slackBotToken()}\n`);
    const more = g.commit('more');
    g.run(['checkout', '-q', 'main']);
    g.run(['merge', '-q', '--no-edit', '--no-ff', 'more']);
    r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(where(findings(r.stdout))).toEqual([...expected, `more.env@${more}:1`].sort());
  });

  it('merge: new lines interleaved with a parent\'s lines keep their own line numbers', () => {
    const { g } = conflictingBranches();
    // Line 3 comes from the feature parent; lines 2 and 4 are in neither parent.
    g.write('app.env', `A=1\nK1=${slackBotToken()}\nMODE=feature\nK2=${slackBotToken()}\nZ=9\n`);
    g.run(['add', 'app.env']);
    g.run(['commit', '-q', '--no-verify', '--no-edit']);
    const merge = g.run(['rev-parse', 'HEAD']).stdout.trim();
    const cc = g.run(['show', '--cc', '-U0', '--format=', merge]).stdout;
    expect(cc).toMatch(/^\+ MODE=feature$/m); // the shape under test: a parent's line between new ones
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual([`app.env@${merge}:2`, `app.env@${merge}:4`]);
  });

  it('merge: an evil merge that edits a file no parent changed, and an octopus merge', () => {
    const g = gitRepo();
    g.write('a.txt', 'a\n');
    g.write('shared.env', 'one\ntwo\nthree\n');
    g.commit('base');
    for (const b of ['b1', 'b2', 'b3']) {
      g.run(['checkout', '-q', '-b', b, 'main']);
      g.write(`${b}.txt`, `${b}\n`);
      g.commit(b);
    }
    g.run(['checkout', '-q', 'main']);
    g.run(['merge', '-q', '--no-commit', 'b1', 'b2', 'b3']);
    g.write('shared.env', `one\ntwo\nKEY=${slackBotToken()}\nthree\n`);
    g.run(['add', 'shared.env']);
    g.run(['commit', '-q', '--no-verify', '--no-edit']);
    const octopus = g.run(['rev-parse', 'HEAD']).stdout.trim();
    expect(g.run(['rev-list', '--parents', '-n1', 'HEAD']).stdout.trim().split(' ')).toHaveLength(4);
    const r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(where(findings(r.stdout))).toEqual([`shared.env@${octopus}:3`]);
  });

  it('no commits yet: --git exits 0 with a note, --staged still scans the index', () => {
    const g = gitRepo();
    let r = keyhound(['scan', '--git'], g.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no commits/);
    g.write('first.env', `K=${slackBotToken()}\n`);
    g.run(['add', '.']);
    r = keyhound(['scan', '--git', '--format', 'json'], g.dir);
    expect(r.code).toBe(0);
    expect(findings(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/no commits/);
    r = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toMatchObject([{ file: 'first.env', line: 1 }]);
    // --since needs a commit to compare with: an error, clearly.
    r = keyhound(['scan', '--since', 'HEAD~1'], g.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
