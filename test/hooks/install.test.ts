// `keyhound init` / `keyhound uninstall` and real `git commit` runs through the installed hooks.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackBotToken } from '../helpers/tokens.js';
import { BIN, gitRepo, gitTestEnv, keyhound, type Git } from '../git/repo.js';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

const HUSKY_BIN = join(BIN, '..', '..', 'node_modules', 'husky', 'bin.js');

function commit(g: Git, msg: string, env: Record<string, string> = {}, extra: string[] = []) {
  return g.run(['commit', '-m', msg, ...extra], { allowFail: true, env });
}

function committed(g: Git): number {
  const r = g.run(['rev-list', '--count', 'HEAD'], { allowFail: true });
  return r.code === 0 ? Number(r.stdout) : 0;
}

describe('keyhound init (plain git hook)', () => {
  it('installs an executable hook that blocks a secret and lets clean commits through', () => {
    const g = gitRepo();
    const r = keyhound(['init'], g.dir);
    expect(r.code).toBe(0);
    const hook = join(g.dir, '.git', 'hooks', 'pre-commit');
    expect(r.stdout).toContain(hook);
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    g.write('ok.txt', 'fine\n');
    g.run(['add', '.']);
    expect(commit(g, 'clean').code).toBe(0);
    const tok = slackBotToken();
    g.write('src/leak.ts', `export const a = 1;\nexport const t = "${tok}";\n`);
    g.run(['add', '.']);
    const c = commit(g, 'leak');
    expect(c.code).not.toBe(0);
    expect(c.stdout + c.stderr).toContain('src/leak.ts');
    expect(c.stdout + c.stderr).toContain('slack-bot-token');
    expect(c.stdout + c.stderr).toMatch(/2:\d+/);
    expect(c.stdout + c.stderr).not.toContain(tok);
    expect(committed(g)).toBe(1);
    // Documented bypasses.
    expect(commit(g, 'skip', { KEYHOUND_SKIP: '1' }).code).toBe(0);
    g.write('src/leak2.ts', `t = "${slackBotToken()}"\n`);
    g.run(['add', '.']);
    expect(commit(g, 'no-verify', {}, ['--no-verify']).code).toBe(0);
    expect(committed(g)).toBe(3);
  });

  it('scans what `git commit -a` records (the hook sees git\'s temporary index)', () => {
    const g = gitRepo();
    g.write('a.txt', 'a\n');
    g.commit('init');
    keyhound(['init'], g.dir);
    g.write('a.txt', `a\nk=${slackBotToken()}\n`);
    const c = commit(g, 'all', {}, ['-a']);
    expect(c.code).not.toBe(0);
    expect(c.stdout + c.stderr).toContain('a.txt');
    expect(committed(g)).toBe(1);
  });

  it('blocks the commit with a clear message when the scan itself fails (exit 2)', () => {
    const g = gitRepo();
    keyhound(['init'], g.dir);
    g.write('.keyhound.yaml', 'no_such_key: 1\n');
    g.write('a.txt', 'a\n');
    g.run(['add', '.']);
    const c = commit(g, 'x');
    expect(c.code).not.toBe(0); // git reports any hook failure as 1
    expect(committed(g)).toBe(0);
    expect(c.stderr).toContain('could not run');
    expect(c.stderr).toContain('--no-verify');
  });

  it('is idempotent, chains a foreign hook, and uninstall restores it byte for byte', () => {
    const g = gitRepo();
    const hook = join(g.dir, '.git', 'hooks', 'pre-commit');
    const foreign = '#!/bin/sh\necho foreign-ran >> "$(git rev-parse --git-dir)/foreign.log"\n';
    writeFileSync(hook, foreign);
    chmodSync(hook, 0o755);
    const r = keyhound(['init'], g.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chained');
    expect(readFileSync(`${hook}.keyhound-chained`, 'utf8')).toBe(foreign);
    const again = keyhound(['init'], g.dir);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(`${hook}.keyhound-chained`, 'utf8')).toBe(foreign);
    g.write('a.txt', `k=${slackBotToken()}\n`);
    g.run(['add', '.']);
    expect(commit(g, 'leak').code).not.toBe(0);
    expect(readFileSync(join(g.dir, '.git', 'foreign.log'), 'utf8')).toBe('foreign-ran\n');
    const u = keyhound(['uninstall'], g.dir);
    expect(u.code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe(foreign);
    expect(existsSync(`${hook}.keyhound-chained`)).toBe(false);
    expect(commit(g, 'now allowed').code).toBe(0);
    expect(keyhound(['uninstall'], g.dir).stdout).toContain('nothing changed');
    expect(readFileSync(hook, 'utf8')).toBe(foreign);
  });

  it('writes into core.hooksPath', () => {
    const g = gitRepo();
    g.run(['config', 'core.hooksPath', 'tools/hooks']);
    const r = keyhound(['init'], g.dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(g.dir, 'tools', 'hooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(g.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    g.write('a.txt', `k=${slackBotToken()}\n`);
    g.run(['add', 'a.txt']);
    expect(commit(g, 'leak').code).not.toBe(0);
  });
});

describe('keyhound init (husky)', () => {
  it('adds its line to .husky/pre-commit, keeps existing lines, blocks through real husky, uninstalls only its line', () => {
    const g = gitRepo();
    g.write('package.json', JSON.stringify({ name: 'demo', private: true, devDependencies: { husky: '^9.1.7' } }, null, 2));
    mkdirSync(join(g.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(g.dir, 'node_modules', '.bin', 'keyhound'));
    g.write('.gitignore', 'node_modules/\n');
    const existing = 'echo existing-ran >> "$(git rev-parse --git-dir)/husky.log"\n';
    g.write('.husky/pre-commit', existing);
    // Real husky, run as its `prepare` script would: sets core.hooksPath to .husky/_.
    const hi = spawnSync(process.execPath, [HUSKY_BIN], { cwd: g.dir, encoding: 'utf8', env: gitTestEnv(), timeout: SPAWN_TIMEOUT_MS });
    expect(hi.status).toBe(0);
    expect(g.run(['config', 'core.hooksPath']).stdout.trim()).toBe('.husky/_');

    const r = keyhound(['init'], g.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('husky');
    const file = join(g.dir, '.husky', 'pre-commit');
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(existing)).toBe(true);
    expect(after).toContain('keyhound scan --staged');
    expect(keyhound(['init'], g.dir).stdout).toContain('already installed');
    expect(readFileSync(file, 'utf8')).toBe(after);
    expect(existsSync(join(g.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);

    g.write('clean.txt', 'ok\n');
    g.run(['add', '.']);
    expect(commit(g, 'clean').code).toBe(0);
    g.write('leak.env', `SLACK=${slackBotToken()}\n`);
    g.run(['add', 'leak.env']);
    const c = commit(g, 'leak');
    expect(c.code).not.toBe(0);
    expect(c.stdout + c.stderr).toContain('leak.env');
    expect(readFileSync(join(g.dir, '.git', 'husky.log'), 'utf8')).toBe('existing-ran\nexisting-ran\n');
    expect(commit(g, 'bypass', { HUSKY: '0' }).code).toBe(0);

    expect(keyhound(['uninstall'], g.dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(existing);
  });

  it('--husky creates .husky/pre-commit when husky was not detected', () => {
    const g = gitRepo();
    const r = keyhound(['init', '--husky'], g.dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(g.dir, '.husky', 'pre-commit'), 'utf8')).toMatch(/^keyhound scan --staged # keyhound-managed/);
    expect(r.stdout).toContain('npx husky');
    keyhound(['uninstall'], g.dir);
    expect(existsSync(join(g.dir, '.husky', 'pre-commit'))).toBe(false);
  });
});
