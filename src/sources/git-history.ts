// The history source: `git log -p -U0 --cc` streamed through the diff parser. Each run of added lines
// of a file in a commit becomes a chunk whose origin names the commit, author, date and path.
import type { Chunk, Origin, ScanStats } from '../engine/types.js';
import { binaryChunks, binaryNameLimit, countedChunks, DEFAULT_MAX_ARCHIVE_DEPTH, mayHoldSecrets } from './binary-files.js';
import { blobSizes, catFileBatch } from './git-cat-file.js';
import { COMMIT_MARKER, DiffParser } from './git-diff-parse.js';
import { DIFF_ARGS, DIFF_CONFIG, gitLines } from './git-run.js';
import { countSkip } from './skip-count.js';

export interface HistoryOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** Revisions and log options (e.g. `['--all']`, `['base..head']`, user --log-opts). */
  revs: readonly string[];
  /** A run of added lines longer than this is cut into several chunks (bounded memory). */
  maxChunkBytes?: number;
  include?: (path: string) => boolean;
  /**
   * At most this many bytes of one file's added lines in one commit are scanned (`--max-file-size`;
   * a generated file committed whole). The rest is left out and counted as too large.
   */
  maxFileSize?: number;
  /** Archive layers opened in a committed archive (binary-files.ts). */
  maxArchiveDepth?: number;
  onSkip?: (path: string, reason: 'too-large' | 'unreadable', detail?: string) => void;
  /** Called after each commit header with the number of commits seen so far. */
  onCommit?: (count: number) => void;
}

type CommitOrigin = Extract<Origin, { kind: 'commit' }>;

const FORMAT = `--format=${COMMIT_MARKER}%H%x1f%an%x1f%ae%x1f%aI`;
const NOT_CONTENT = new Set(['120000', '160000']);

/** Options by which the caller chooses how merges are diffed (git lets the last one win, --cc excepted). */
const MERGE_DIFF = /^(?:--first-parent|--diff-merges(?:=.*)?|--no-diff-merges|-m|-c|--cc|--combined-all-paths)$/;

export function historyArgs(revs: readonly string[]): string[] {
  // --diff-filter=d: deletions add no lines. --root: a root commit (or a shallow clone's grafted
  // one) is a creation event whatever log.showRoot says. --cc: a merge shows only lines new to
  // every parent (an evil merge or a conflict resolution); lines it takes from a parent were
  // reported where that parent added them. Non-merge commits are diffed as before.
  // A caller who picks a merge format (--first-parent, -m, --diff-merges=...) keeps it.
  const opts = revs.includes('--') ? revs.slice(0, revs.indexOf('--')) : revs;
  const merges = opts.some((a) => MERGE_DIFF.test(a)) ? [] : ['--cc'];
  return [...DIFF_CONFIG, 'log', '-p', ...merges, ...DIFF_ARGS, '--root', '--full-history', '--diff-filter=d', '--no-show-signature', FORMAT, ...revs, ...(revs.includes('--') ? [] : ['--'])];
}

export async function* historyChunks(opts: HistoryOptions, stats: ScanStats): AsyncGenerator<Chunk> {
  const maxBytes = opts.maxChunkBytes ?? 1024 * 1024;
  const ready: Chunk[] = [];
  let commit = { commit: '', author: '', email: '', date: '' };
  let commits = 0;
  let origin: CommitOrigin | undefined;
  let run: { start: number; lines: string[]; bytes: number } | undefined;
  const maxFileSize = opts.maxFileSize ?? Infinity;
  let fileBytes = 0;
  // Binary files that may be key stores, read from the object store once the log is done.
  const binaries: Array<{ origin: CommitOrigin; sha: string }> = [];

  const flush = (): void => {
    if (run && origin && run.lines.length) {
      const text = run.lines.join('\n');
      stats.bytesScanned += text.length;
      ready.push({ origin, text, startLine: run.start });
    }
    run = undefined;
  };

  const parser = new DiffParser({
    commit(line) {
      flush();
      origin = undefined;
      const [sha = '', author = '', email = '', date = ''] = line.slice(1).split('\x1f');
      commit = { commit: sha, author, email, date };
      opts.onCommit?.(++commits);
    },
    file(f) {
      flush();
      origin = undefined;
      if (f.mode !== undefined && NOT_CONTENT.has(f.mode)) return;
      if (opts.include && !opts.include(f.path)) return;
      origin = { kind: 'commit', path: f.path, ...commit };
      fileBytes = 0;
      stats.filesScanned++;
    },
    binary(f) {
      flush();
      origin = undefined;
      if (f.sha === undefined || (f.mode !== undefined && NOT_CONTENT.has(f.mode)) || !mayHoldSecrets(f.path)) return;
      if (opts.include && !opts.include(f.path)) return;
      binaries.push({ origin: { kind: 'commit', path: f.path, ...commit }, sha: f.sha });
    },
    hunk(start) {
      flush();
      run = { start, lines: [], bytes: 0 };
    },
    added(text, line) {
      if (!origin) return;
      fileBytes += text.length + 1;
      if (fileBytes > maxFileSize) {
        // Over the limit: what was read so far is scanned, the rest of this file in this commit is not.
        flush();
        stats.skipped.tooLarge++;
        opts.onSkip?.(`${origin.path}@${origin.commit.slice(0, 12)}`, 'too-large', `more than ${maxFileSize} bytes added in one commit`);
        origin = undefined;
        return;
      }
      // A merge's new lines can be interleaved with lines taken from a parent: a gap starts a new run.
      if (!run || line !== run.start + run.lines.length) {
        flush();
        run = { start: line, lines: [], bytes: 0 };
      }
      run.lines.push(text);
      run.bytes += text.length + 1;
      if (run.bytes >= maxBytes) {
        flush();
        run = { start: line + 1, lines: [], bytes: 0 };
      }
    },
  });

  for await (const lines of gitLines(historyArgs(opts.revs), opts.cwd)) {
    for (const l of lines) parser.push(l);
    if (ready.length) yield* ready.splice(0);
  }
  flush();
  yield* ready.splice(0);
  yield* committedBinaries(opts, binaries, stats);
}

/** Key stores and archives among the binary files the history added, as chunks. */
async function* committedBinaries(opts: HistoryOptions, files: ReadonlyArray<{ origin: CommitOrigin; sha: string }>, stats: ScanStats): AsyncGenerator<Chunk> {
  if (files.length === 0) return;
  // Oldest first: git log lists the newest commit first, so the list is walked backwards.
  const bySha = new Map<string, CommitOrigin[]>();
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i]!;
    const list = bySha.get(f.sha);
    if (list) list.push(f.origin);
    else bySha.set(f.sha, [f.origin]);
  }
  const maxFileSize = opts.maxFileSize ?? Infinity;
  const maxArchiveDepth = opts.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH;
  // Sizes first, so large binaries (models, media) are never streamed through the pipe: only a
  // file named as an archive may be larger than a key file.
  const sizes = blobSizes(opts.cwd, [...bySha.keys()]);
  const limitOf = (sha: string): number => Math.max(...bySha.get(sha)!.map((o) => binaryNameLimit(o.path, { maxFileSize, maxArchiveDepth })));
  // Blobs stream oldest first (the map keeps first-seen order): an archive entry is reported in
  // the commit that added it, not again in each later commit that changes another entry.
  const wanted = [...bySha.keys()].filter((sha) => (sizes.get(sha) ?? Infinity) <= limitOf(sha));
  const most = wanted.reduce((m, sha) => Math.max(m, sizes.get(sha)!), 0);
  const seen = new Set<string>();
  for await (const blob of catFileBatch(opts.cwd, wanted, most)) {
    if (!blob.content) continue;
    for (const origin of bySha.get(blob.sha) ?? []) {
      const at = (path: string): CommitOrigin => ({ ...origin, path });
      const onSkip = (path: string, reason: 'too-large' | 'unreadable', detail: string): void => {
        countSkip(stats, reason);
        opts.onSkip?.(`${path}@${origin.commit.slice(0, 12)}`, reason, detail);
      };
      yield* countedChunks(binaryChunks(blob.content, origin.path, at, { maxFileSize, maxArchiveDepth, onSkip, seen }), stats, blob.size);
    }
  }
}

/** How many commits the revisions name (for progress); undefined when git cannot say. */
export async function countCommits(cwd: string, revs: readonly string[]): Promise<number | undefined> {
  try {
    for await (const lines of gitLines(['rev-list', '--count', ...revs, ...(revs.includes('--') ? [] : ['--'])], cwd)) {
      const n = Number(lines[0]);
      if (Number.isFinite(n)) return n;
    }
  } catch {
    // user log options rev-list does not take: no total then
  }
  return undefined;
}
