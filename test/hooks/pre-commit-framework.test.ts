// The real `pre-commit` tool running keyhound in a temp repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackBotToken } from '../helpers/tokens.js';
import { BIN, gitRepo, gitTestEnv, type Git } from '../git/repo.js';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

const ROOT = join(BIN, '..', '..');

const hasPreCommit = spawnSync('pre-commit', ['--version'], { timeout: SPAWN_TIMEOUT_MS }).status === 0;

// pre-commit (3.0.x, the Debian package) installs a node hook with `npm pack` and takes ALL of its
// stdout as the tarball name. keyhound builds in `postinstall`, not `prepare`, so `npm pack` runs
// no script and prints only the name.
function preCommitEnv(home: string): Record<string, string> {
  return { PRE_COMMIT_HOME: home, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
}

/** Commit through the hook pre-commit installed; returns git's exit code and output. */
function commitThrough(g: Git, env: Record<string, string>, msg: string) {
  // The first commit builds the hook's node environment (npm install), which can take minutes.
  return g.run(['commit', '-m', msg], { allowFail: true, env, timeoutMs: 280_000 });
}

function checkBlocking(g: Git, env: Record<string, string>): void {
  const inst = spawnSync('pre-commit', ['install'], { cwd: g.dir, encoding: 'utf8', env: gitTestEnv(env), timeout: SPAWN_TIMEOUT_MS });
  expect(inst.status, inst.stderr).toBe(0);
  g.write('clean.txt', 'fine\n');
  g.run(['add', '.']);
  const ok = commitThrough(g, env, 'clean');
  expect(ok.code, ok.stdout + ok.stderr).toBe(0);
  g.write('leak.env', `x=1\nSLACK=${slackBotToken()}\n`);
  g.run(['add', 'leak.env']);
  const bad = commitThrough(g, env, 'leak');
  expect(bad.code).not.toBe(0);
  expect(bad.stdout + bad.stderr).toContain('leak.env');
  expect(bad.stdout + bad.stderr).toContain('slack-bot-token');
  expect(bad.stdout + bad.stderr).toMatch(/keyhound.*Failed/);
}

describe.skipIf(!hasPreCommit)('pre-commit framework', () => {
  it('runs keyhound from a `repo: local` hook and blocks a commit that adds a secret', () => {
    const g = gitRepo();
    const home = mkdtempSync(join(tmpdir(), 'keyhound-pc-home-'));
    g.write('.pre-commit-config.yaml', [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: keyhound',
      '        name: keyhound',
      `        entry: ${process.execPath} ${BIN} scan --staged`,
      '        language: system',
      '        pass_filenames: false',
      '        always_run: true',
      '',
    ].join('\n'));
    g.commit('config');
    checkBlocking(g, preCommitEnv(home));
  });

  it('installs keyhound from this repository through .pre-commit-hooks.yaml (language: node) and blocks', () => {
    // A commit of the current tree (tracked and new files, as `git ls-files` sees them).
    const src = gitRepo();
    const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS }).stdout.split('\0').filter(Boolean);
    for (const f of files) {
      mkdirSync(dirname(join(src.dir, f)), { recursive: true });
      cpSync(join(ROOT, f), join(src.dir, f));
    }
    const rev = src.commit('snapshot');
    const g = gitRepo();
    const home = mkdtempSync(join(tmpdir(), 'keyhound-pc-home-'));
    g.write('.pre-commit-config.yaml', `repos:\n  - repo: ${src.dir}\n    rev: ${rev}\n    hooks:\n      - id: keyhound\n`);
    g.commit('config');
    checkBlocking(g, preCommitEnv(home));
  }, 300_000);
});
