// The directory source: walk roots, read each file, hand the engine one Chunk per text file (and
// the chunks of key stores and archives: binary-files.ts).
// Every skip is counted in the scan stats and reported through onSkip.
import type { Chunk, ScanStats } from '../engine/types.js';
import { binaryChunks, countedChunks, DEFAULT_MAX_ARCHIVE_DEPTH } from './binary-files.js';
import { readBinaryCandidate, readTextFile } from './files-read.js';
import { countSkip } from './skip-count.js';
import { type FileSourceOptions, type SkipReason, walkFiles } from './files-walk.js';

export { decodeText, looksBinary } from './decode.js';
export { isBinaryPath } from './files-binary-ext.js';
export { type ReadResult, readTextFile } from './files-read.js';
export { type FileSourceOptions, type SkipReason, type WalkEntry, walkFiles } from './files-walk.js';

/** Default size limit for a file (bytes) when the caller has no opinion. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export { countSkip } from './skip-count.js';

/**
 * Chunks of every text file under `opts.roots`, in path order. `origin.path` is relative to
 * `opts.cwd` (default: the working directory) for files inside it, so scanning `.` gives plain
 * relative paths whether roots come in absolute or relative; files elsewhere keep the root as given.
 * Files are read synchronously one at a time, so memory holds one file at a time.
 */
export async function* fileChunks(opts: FileSourceOptions, stats: ScanStats): AsyncGenerator<Chunk> {
  const userSkip = opts.onSkip;
  const onSkip = (path: string, reason: SkipReason, detail?: string): void => {
    countSkip(stats, reason);
    if (userSkip) {
      if (detail === undefined) userSkip(path, reason);
      else userSkip(path, reason, detail);
    }
  };
  for (const entry of walkFiles({ ...opts, onSkip })) {
    const r = readTextFile(entry.abs, opts.maxFileSize);
    if ('skip' in r) {
      const read = { maxFileSize: opts.maxFileSize, maxArchiveDepth: opts.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH, onSkip };
      const bytes = r.skip === 'binary' ? readBinaryCandidate(entry.abs, read) : undefined;
      const scanned = bytes ? yield* countedChunks(binaryChunks(bytes, entry.path, (path) => ({ kind: 'file', path }), read), stats, bytes.length) : false;
      if (!scanned) onSkip(entry.path, r.skip, r.detail);
      continue;
    }
    stats.filesScanned++;
    stats.bytesScanned += r.bytes;
    yield { origin: { kind: 'file', path: entry.path }, text: r.text, startLine: 1 };
  }
}
