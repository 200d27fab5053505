// One file -> validated candidates. The same code runs in the main thread (small scans) and in
// worker threads (large ones), so results do not depend on --threads.
import { binaryChunks } from '../sources/binary-files.js';
import { readTextPieces } from '../sources/files-pieces.js';
import { readBinaryCandidate, type ReadSkipReason } from '../sources/files-read.js';
import { detectChunk, type Detected } from './scan-chunk.js';
import type { RuleSet } from './ruleset.js';
import type { Chunk, ScanStats } from './types.js';

export interface FileJob {
  abs: string;
  /** The path to report (relative, `/`-separated). */
  path: string;
}

/** How much of a file is read: its size limit, and how many archive layers are opened. */
export interface ReadLimits {
  maxFileSize: number;
  maxArchiveDepth: number;
}

export interface FileOutcome {
  path: string;
  skip?: { reason: ReadSkipReason; detail?: string };
  bytes: number;
  /** Findings; one inside an archive carries its entry's path (`a.zip!/.env`). */
  detected: Detected[];
  /** Entries of an archive that were not read (over a limit, encrypted). */
  entrySkips?: Array<{ path: string; reason: 'too-large' | 'unreadable'; detail: string }>;
}

export function detectFile(job: FileJob, ruleset: RuleSet, read: ReadLimits, stats: ScanStats): FileOutcome {
  const r = readTextPieces(job.abs, read.maxFileSize);
  if ('skip' in r) {
    const bytes = r.skip === 'binary' ? readBinaryCandidate(job.abs, read) : undefined;
    const outcome = bytes && detectBinaryFile(job, bytes, ruleset, read, stats);
    if (outcome) return outcome;
    const skip: FileOutcome['skip'] = { reason: r.skip };
    if (r.detail !== undefined) skip.detail = r.detail;
    return { path: job.path, skip, bytes: 0, detected: [] };
  }
  const detected: Detected[] = [];
  for (const piece of r.pieces) {
    const chunk: Chunk = { origin: { kind: 'file', path: job.path }, text: piece.text, startLine: piece.startLine };
    if (piece.startColumn) chunk.startColumn = piece.startColumn;
    detected.push(...detectChunk(chunk, ruleset, stats));
  }
  return { path: job.path, bytes: r.bytes, detected };
}

/**
 * A key store or an archive: its chunks (binary-files.ts), findings tagged with entry paths.
 * Undefined when it holds none (a trust store, a certificate): then it is a skipped binary file.
 */
function detectBinaryFile(job: FileJob, bytes: Buffer, ruleset: RuleSet, read: ReadLimits, stats: ScanStats): FileOutcome | undefined {
  const out: FileOutcome = { path: job.path, bytes: bytes.length, detected: [] };
  const onSkip = (path: string, reason: 'too-large' | 'unreadable', detail: string): void => {
    (out.entrySkips ??= []).push({ path, reason, detail });
  };
  let chunks = 0;
  for (const chunk of binaryChunks(bytes, job.path, (path) => ({ kind: 'file', path }), { ...read, onSkip })) {
    chunks++;
    for (const d of detectChunk(chunk, ruleset, stats)) out.detected.push(chunk.origin.path === job.path ? d : { ...d, path: chunk.origin.path });
  }
  return chunks > 0 || out.entrySkips ? out : undefined;
}
