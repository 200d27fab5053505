// One file -> validated candidates. The same code runs in the main thread (small scans) and in
// worker threads (large ones), so results do not depend on --threads.
import { readTextPieces } from '../sources/files-pieces.js';
import { readKeyFileCandidate, type ReadSkipReason } from '../sources/files-read.js';
import { detectChunk, type Detected } from './scan-chunk.js';
import type { RuleSet } from './ruleset.js';
import type { Chunk, ScanStats } from './types.js';

export interface FileJob {
  abs: string;
  /** The path to report (relative, `/`-separated). */
  path: string;
}

export interface FileOutcome {
  path: string;
  skip?: { reason: ReadSkipReason; detail?: string };
  bytes: number;
  detected: Detected[];
}

export function detectFile(job: FileJob, ruleset: RuleSet, maxFileSize: number, stats: ScanStats): FileOutcome {
  const r = readTextPieces(job.abs, maxFileSize);
  if ('skip' in r) {
    const key = r.skip === 'binary' ? readKeyFileCandidate(job.abs, maxFileSize) : undefined;
    if (key) {
      const chunk: Chunk = { origin: { kind: 'file', path: job.path }, text: key.base64, startLine: 1, binary: true };
      return { path: job.path, bytes: key.bytes, detected: detectChunk(chunk, ruleset, stats) };
    }
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
