// Binary files that can hold secrets, the same way for every source (directory, index, history):
// a key store or private key (src/detectors/key-files.ts decides what it is) becomes a binary
// chunk; an archive's entries become chunks of their own, named `archive.zip!/inside/.env`.
// Binary types by name that are neither (images, fonts, compiled code) are never read.
import { createHash } from 'node:crypto';
import { identifyKeyFile, KEY_FILE_EXTENSIONS, KEY_FILE_MAX_BYTES, mayBeKeyFile } from '../detectors/key-files.js';
import type { Chunk, Origin, ScanStats } from '../engine/types.js';
import { ArchiveBudget, archiveEntries, archiveKind, isArchivePath } from './archive.js';
import { decodeText, looksBinary } from './decode.js';
import { extensionOf, isBinaryPath } from './files-binary-ext.js';

export interface BinaryOptions {
  maxFileSize: number;
  /** Archive layers opened (a jar in a war: 2); 0 reads no archive. */
  maxArchiveDepth: number;
  /** An archive entry not read, by path (`a.zip!/big.bin`). */
  onSkip?: (path: string, reason: 'too-large' | 'unreadable', detail: string) => void;
  /**
   * Entries already scanned (path and content): skipped, and new ones added. A commit that
   * changes one file of an archive adds that file, not the archive's other entries.
   */
  seen?: Set<string>;
}

/** Default archive depth: a jar inside a war is read, a zip inside that jar is not. */
export const DEFAULT_MAX_ARCHIVE_DEPTH = 2;

/** Whether a binary file's name leaves it worth opening (its first bytes then decide). */
export function mayHoldSecrets(path: string): boolean {
  return KEY_FILE_EXTENSIONS.has(extensionOf(path)) || isArchivePath(path) || !isBinaryPath(path);
}

/**
 * Bytes worth reading of a binary file known only by name (a blob in history): an archive up to
 * the size limit, anything else up to the size of a key file.
 */
export function binaryNameLimit(path: string, opts: BinaryOptions): number {
  return opts.maxArchiveDepth > 0 && isArchivePath(path) ? opts.maxFileSize : Math.min(opts.maxFileSize, KEY_FILE_MAX_BYTES);
}

/** Bytes to read of a binary file whose first bytes are `head`; 0 when it holds nothing to scan. */
export function binaryReadLimit(head: Uint8Array, opts: BinaryOptions): number {
  if (opts.maxArchiveDepth > 0 && archiveKind(head)) return opts.maxFileSize;
  return mayBeKeyFile(head) ? Math.min(opts.maxFileSize, KEY_FILE_MAX_BYTES) : 0;
}

function isSeen(seen: Set<string>, path: string, bytes: Buffer): boolean {
  const key = `${path}\0${createHash('sha1').update(bytes).digest('base64')}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

/**
 * The chunks a binary file holds: none, itself as a key file (its base64), or its archive's
 * entries (text entries as text, binary ones looked at in turn, archives to maxArchiveDepth).
 */
export function* binaryChunks(bytes: Buffer, path: string, origin: (path: string) => Origin, opts: BinaryOptions, depth = 0, budget?: ArchiveBudget): Generator<Chunk> {
  if (depth < opts.maxArchiveDepth && archiveKind(bytes)) {
    // Nested archives share the outer one's budget: a bomb of bombs stops at the same total.
    const b = budget ?? new ArchiveBudget({ maxEntryBytes: opts.maxFileSize, maxTotalBytes: 10 * opts.maxFileSize });
    for (const item of archiveEntries(bytes, path, b.limits, b)) {
      const inner = `${path}!/${item.path}`;
      if ('skip' in item) opts.onSkip?.(inner, item.skip === 'too-large' ? 'too-large' : 'unreadable', item.detail);
      else if (opts.seen && isSeen(opts.seen, inner, item.bytes)) continue;
      else if (looksBinary(item.bytes)) yield* binaryChunks(item.bytes, inner, origin, opts, depth + 1, b);
      else yield { origin: origin(inner), text: decodeText(item.bytes), startLine: 1 };
    }
    return;
  }
  // Only a key file that holds a secret becomes a chunk: a trust store or certificate is a
  // binary file like any other (skipped), in every source alike.
  if (bytes.length <= KEY_FILE_MAX_BYTES && mayBeKeyFile(bytes) && identifyKeyFile(bytes)?.secret) {
    yield { origin: origin(path), text: bytes.toString('base64'), startLine: 1, binary: true };
  }
}

/**
 * Pass a binary file's chunks on, counting the file as scanned (once, with `bytes`) when it has
 * any. Returns whether it had: one that has none is a skipped binary file.
 */
export function* countedChunks(chunks: Iterable<Chunk>, stats: ScanStats, bytes: number): Generator<Chunk, boolean> {
  let any = false;
  for (const c of chunks) {
    if (!any) {
      stats.filesScanned++;
      stats.bytesScanned += bytes;
      any = true;
    }
    yield c;
  }
  return any;
}
