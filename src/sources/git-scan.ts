// Git scans for the CLI and library: staged changes (pre-commit) and history / ranges (CI).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/load.js';
import { detectChunks } from '../engine/scan.js';
import type { Chunk } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { buildRuleSet, newStats, resolveConfig, runSuppressed, type ScanOptions, type ScanResult } from '../scan.js';
import { DEFAULT_MAX_ARCHIVE_DEPTH } from './binary-files.js';
import { githubRange } from './git-ci.js';
import { keyhoundIgnoreFilter } from './ignore-files.js';
import { countCommits, historyChunks } from './git-history.js';
import { gitSync, splitArgs } from './git-run.js';
import { stagedChunks } from './git-staged.js';

export interface GitScanRequest {
  mode: 'staged' | 'history';
  /** A directory inside the repository (default: opts.cwd). */
  repo?: string;
  /** Scan `REF..HEAD`. */
  since?: string;
  /** Extra `git log` arguments (revisions, --since=date, paths after --). */
  logOpts?: string;
  /** Environment for CI detection (GITHUB_ACTIONS, GITHUB_EVENT_PATH, GITHUB_REF). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Progress output (a TTY's stderr); called with `\r`-style status text. */
  progress?: (text: string) => void;
  /** One-line notes for stderr (which range CI mode chose). */
  note?: (text: string) => void;
}

/** Git revision arguments for a history request: --since, --log-opts, CI event, else all refs. */
export function historyRevs(req: GitScanRequest): string[] | { revs: string[]; description: string } {
  const revs: string[] = [];
  if (req.since !== undefined) {
    if (req.since === '' || req.since.startsWith('-')) throw new UsageError(`--since: \`${req.since}\` is not a revision`, 'give a branch, tag or commit, e.g. --since origin/main');
    revs.push(`${req.since}..HEAD`);
  }
  if (req.logOpts !== undefined) revs.push(...splitArgs(req.logOpts));
  if (revs.length) return revs;
  const ci = githubRange(req.env ?? {});
  if (ci) return ci;
  return ['--all'];
}

/** Config `ignore` patterns and the work tree's `.keyhoundignore` files, as for a directory scan. */
async function includeFilter(patterns: readonly string[], top: string): Promise<(p: string) => boolean> {
  const ignoredByFiles = keyhoundIgnoreFilter(top);
  if (!patterns.length) return (p) => !ignoredByFiles(p);
  const { default: ignore } = await import('ignore');
  const ig = ignore().add([...patterns]);
  return (p) => !ig.ignores(p) && !ignoredByFiles(p);
}

/** The top of the work tree; a bare repository has none, so its git directory stands in. */
function repoTop(cwd: string): string {
  const r = gitSync(['rev-parse', '--show-toplevel'], cwd, { allowFail: true });
  if (r.code === 0) return r.stdout.trim();
  const bare = gitSync(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], cwd).stdout.split('\n');
  if (bare[0] === 'true' && bare[1]) return bare[1];
  gitSync(['rev-parse', '--show-toplevel'], cwd); // throws git's own message
  return cwd;
}

export async function scanGit(req: GitScanRequest, opts: ScanOptions = {}): Promise<ScanResult> {
  const cwd = resolve(opts.cwd ?? process.cwd(), req.repo ?? '.');
  const config = resolveConfig({ ...opts, cwd, paths: ['.'] });
  const ruleset = buildRuleSet(config);
  const stats = newStats(opts);
  // Origin paths are relative to the top of the work tree: suppression resolves them from there.
  const top = existsSync(join(cwd, '.git')) ? cwd : repoTop(cwd);
  const include = await includeFilter(config.ignore, top);
  const run = async (chunks: AsyncIterable<Chunk> | Iterable<Chunk>) =>
    runSuppressed(detectChunks(chunks, ruleset, stats), ruleset, config, { ...opts, cwd, paths: [top], pathBase: top }, stats);
  let chunks: AsyncIterable<Chunk>;
  let stopProgress = (): void => undefined;
  let afterScan = (): void => undefined;
  if (req.mode === 'staged') {
    chunks = stagedChunks({
      cwd,
      maxFileSize: opts.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      maxArchiveDepth: opts.maxArchiveDepth ?? config.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH,
      include,
      ...(opts.onSkip ? { onSkip: opts.onSkip } : {}),
    }, stats);
  } else {
    const r = historyRevs(req);
    const revs = Array.isArray(r) ? r : r.revs;
    if (!Array.isArray(r)) req.note?.(`keyhound: CI range from the GitHub event: ${r.description}`);
    if (revs.length === 0) return { ...(await run([])), ruleset, config };
    let seenCommits = 0;
    let onCommit = (n: number): void => void (seenCommits = n);
    const progress = req.progress;
    if (progress) {
      let total: number | undefined;
      void countCommits(cwd, revs).then((n) => (total = n));
      let last = 0;
      let seen = 0;
      onCommit = (n) => {
        seen = seenCommits = n;
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        progress(`\rkeyhound: scanning history: ${n}${total ? `/${total}` : ''} commits`);
      };
      stopProgress = () => {
        if (last) progress(`\r\x1b[Kkeyhound: scanned ${seen} commits\n`);
      };
    }
    chunks = historyChunks({
      cwd,
      revs,
      onCommit,
      include,
      maxFileSize: opts.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      maxArchiveDepth: opts.maxArchiveDepth ?? config.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH,
      ...(opts.onSkip ? { onSkip: opts.onSkip } : {}),
    }, stats);
    // All refs and not one commit: an unborn branch is not an error, but say why nothing was scanned.
    if (revs.length === 1 && revs[0] === '--all') {
      afterScan = () => {
        if (seenCommits === 0) req.note?.('keyhound: the repository has no commits yet: no history to scan (staged files: keyhound scan --staged)');
      };
    }
  }
  const result = await run(chunks);
  stopProgress();
  afterScan();
  return { ...result, ruleset, config };
}

/** What a blocked commit prints after the report: why, and how to bypass knowingly. */
export const STAGED_BLOCKED_HINT =
  'keyhound: commit blocked: the staged changes add the secret(s) above.\n' +
  '  Remove them (and rotate any real key), or mark a false positive as allowed.\n' +
  '  Bypass once, knowingly: git commit --no-verify (or KEYHOUND_SKIP=1; HUSKY=0 under husky).\n';
