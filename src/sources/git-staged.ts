// The staged source: exactly what `git commit` would record. Text comes from the index blobs
// (never the working tree); only the lines the commit adds are reported.
import type { Chunk, ScanStats } from '../engine/types.js';
import { KeyhoundError } from '../errors.js';
import { decodeText, looksBinary } from './decode.js';
import { catFileBatch } from './git-cat-file.js';
import { DiffParser, type DiffFile } from './git-diff-parse.js';
import { DIFF_ARGS, DIFF_CONFIG, gitLines, gitSync } from './git-run.js';
import type { SkipReason } from './files-walk.js';
import { binaryChunks, countedChunks, DEFAULT_MAX_ARCHIVE_DEPTH, mayHoldSecrets } from './binary-files.js';
import { countSkip } from './skip-count.js';

export interface StagedOptions {
  /** Any directory inside the repository or worktree. */
  cwd: string;
  maxFileSize: number;
  /** Archive layers opened in a staged archive (binary-files.ts). */
  maxArchiveDepth?: number;
  /** Return false to leave a path out (config `ignore`). Paths are repository-relative. */
  include?: (path: string) => boolean;
  onSkip?: (path: string, reason: SkipReason, detail?: string) => void;
}

export interface StagedFile {
  path: string;
  sha: string;
  mode: string | undefined;
  /** New-file line numbers the commit adds. */
  added: Set<number>;
  /** Shown as `Binary files … differ`: read to see whether it is a key store or an archive. */
  binary?: true;
  /** The blob in HEAD a binary file replaces: its archive entries are not new. */
  oldSha?: string;
}

/** Modes that are not file content: symlinks (the target path) and submodules (a commit id). */
const NOT_CONTENT = new Set(['120000', '160000']);

/**
 * Files the index adds or changes relative to HEAD, with their added lines. `git diff --cached`
 * without a commit compares with HEAD, and on an unborn branch shows every staged file as new.
 * GIT_INDEX_FILE from a hook is inherited, so `git commit -a` / `git commit PATH` are right too.
 */
export async function stagedFiles(opts: StagedOptions): Promise<StagedFile[]> {
  const files: StagedFile[] = [];
  let cur: StagedFile | undefined;
  const parser = new DiffParser({
    file(f: DiffFile) {
      cur = undefined;
      if (f.mode !== undefined && NOT_CONTENT.has(f.mode)) return;
      if (f.sha === undefined || /^0+$/.test(f.sha)) return;
      if (opts.include && !opts.include(f.path)) return;
      cur = { path: f.path, sha: f.sha, mode: f.mode, added: new Set() };
      files.push(cur);
    },
    hunk(start, count) {
      if (!cur) return;
      for (let l = start; l < start + count; l++) cur.added.add(l);
    },
    binary(f: DiffFile) {
      cur = undefined;
      if (f.sha === undefined || /^0+$/.test(f.sha) || !mayHoldSecrets(f.path)) return;
      if (opts.include && !opts.include(f.path)) return;
      const old = f.oldSha && !/^0+$/.test(f.oldSha) ? { oldSha: f.oldSha } : {};
      files.push({ path: f.path, sha: f.sha, mode: f.mode, added: new Set(), binary: true, ...old });
    },
  });
  const args = [...DIFF_CONFIG, 'diff', '--cached', ...DIFF_ARGS, '--diff-filter=ACMRT'];
  try {
    for await (const lines of gitLines(args, opts.cwd)) for (const l of lines) parser.push(l);
  } catch (e) {
    // Outside a repository `git diff` falls back to --no-index and complains about --cached.
    gitSync(['rev-parse', '--git-dir'], opts.cwd);
    throw e;
  }
  const out = files.filter((f) => f.added.size > 0 || f.binary);
  // A bare repository's `diff --cached` succeeds and shows nothing: that must not pass as clean.
  // Checked only when nothing was found, so a hook with staged changes pays no extra process.
  if (out.length === 0 && gitSync(['rev-parse', '--is-bare-repository'], opts.cwd).stdout.trim() === 'true') {
    throw new KeyhoundError('--staged: a bare repository has no index to scan (no work tree)', 'run it in a clone with a work tree, or scan the history: keyhound scan --git PATH');
  }
  return out;
}

/** One chunk per staged text file: the full staged blob, findings kept only on added lines. */
export async function* stagedChunks(opts: StagedOptions, stats: ScanStats): AsyncGenerator<Chunk> {
  const files = await stagedFiles(opts);
  const bySha = new Map<string, StagedFile[]>();
  for (const f of files) {
    const list = bySha.get(f.sha);
    if (list) list.push(f);
    else bySha.set(f.sha, [f]);
  }
  const maxArchiveDepth = opts.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH;
  const seen = await entriesInHead(opts, files.filter((f) => f.oldSha), maxArchiveDepth);
  for await (const blob of catFileBatch(opts.cwd, [...bySha.keys()], opts.maxFileSize)) {
    for (const f of bySha.get(blob.sha) ?? []) {
      const skipEntry = (path: string, reason: SkipReason, detail?: string): void => {
        countSkip(stats, reason);
        if (detail === undefined) opts.onSkip?.(path, reason);
        else opts.onSkip?.(path, reason, detail);
      };
      const skip = (reason: SkipReason, detail?: string): void => skipEntry(f.path, reason, detail);
      if (blob.missing) skip('unreadable', 'blob missing from the object store');
      else if (!blob.content) skip('too-large', `${blob.size} bytes`);
      else if (looksBinary(blob.content)) {
        // A key store or an archive committed as a file: all of it is new content.
        const read = { maxFileSize: opts.maxFileSize, maxArchiveDepth, onSkip: skipEntry, seen };
        const chunks = binaryChunks(blob.content, f.path, (path) => ({ kind: 'staged', path }), read);
        const scanned = mayHoldSecrets(f.path) && (yield* countedChunks(chunks, stats, blob.size));
        if (!scanned) skip('binary');
      } else {
        stats.filesScanned++;
        stats.bytesScanned += blob.size;
        yield { origin: { kind: 'staged', path: f.path }, text: decodeText(blob.content), startLine: 1, reportLines: f.added };
      }
    }
  }
}

/** Entries of the archives a commit changes, as they are in HEAD: the commit does not add them. */
async function entriesInHead(opts: StagedOptions, files: readonly StagedFile[], maxArchiveDepth: number): Promise<Set<string>> {
  const seen = new Set<string>();
  if (maxArchiveDepth === 0 || files.length === 0) return seen;
  const byOld = new Map(files.map((f) => [f.oldSha!, f.path]));
  for await (const blob of catFileBatch(opts.cwd, [...byOld.keys()], opts.maxFileSize)) {
    const path = byOld.get(blob.sha);
    if (!blob.content || path === undefined) continue;
    for (const _ of binaryChunks(blob.content, path, (p) => ({ kind: 'staged', path: p }), { maxFileSize: opts.maxFileSize, maxArchiveDepth, seen })) {
      // Reading the old archive fills `seen`; its chunks are not scanned.
    }
  }
  return seen;
}

