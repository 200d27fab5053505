// Real git repositories in temp dirs for the git source and hook tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

/** An environment free of the developer's git config, hooks and identity. */
export function gitTestEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ada Tester',
    GIT_AUTHOR_EMAIL: 'ada@example.test',
    GIT_COMMITTER_NAME: 'Ada Tester',
    GIT_COMMITTER_EMAIL: 'ada@example.test',
    NO_COLOR: '1',
    GITHUB_ACTIONS: '',
    KEYHOUND_SKIP: '',
    HUSKY: '',
    ...extra,
  };
}

export interface Git {
  dir: string;
  /** Run git; throws on failure unless allowFail. */
  run(args: string[], opts?: { allowFail?: boolean; env?: Record<string, string>; timeoutMs?: number }): { code: number; stdout: string; stderr: string };
  write(rel: string, content: string | Buffer): void;
  /** `git add -A` and commit; returns the new commit id. */
  commit(message: string, opts?: { date?: string }): string;
}

export function gitRepo(dir = mkdtempSync(join(tmpdir(), 'keyhound-git-'))): Git {
  const g: Git = {
    dir,
    run(args, opts = {}) {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: gitTestEnv(opts.env), timeout: opts.timeoutMs ?? SPAWN_TIMEOUT_MS, killSignal: 'SIGKILL' });
      if (r.error) throw r.error;
      const out = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
      if (out.code !== 0 && !opts.allowFail) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
      return out;
    },
    write(rel, content) {
      const p = join(dir, rel);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    },
    commit(message, opts = {}) {
      const env = opts.date ? { GIT_AUTHOR_DATE: opts.date, GIT_COMMITTER_DATE: opts.date } : {};
      g.run(['add', '-A']);
      g.run(['commit', '-q', '--no-verify', '-m', message], { env });
      return g.run(['rev-parse', 'HEAD']).stdout.trim();
    },
  };
  g.run(['init', '-q', '-b', 'main']);
  return g;
}

/** Everything a scan must leave alone: index entries, .git/index bytes, every working-tree file. */
export function snapshot(g: Git): string {
  const h = createHash('sha256');
  h.update(g.run(['ls-files', '-s', '-z']).stdout);
  h.update(readFileSync(join(g.dir, '.git', 'index')));
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.git') continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else h.update(`${p}\0${st.mtimeMs}\0`).update(readFileSync(p));
    }
  };
  walk(g.dir);
  return h.digest('hex');
}

export const BIN = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'bin', 'keyhound.js');

/** The built CLI, run as a hook would run it (no GIT_* from the test runner's own environment). */
export function keyhound(args: string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: gitTestEnv(env), maxBuffer: 256 * 1024 * 1024, timeout: SPAWN_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
