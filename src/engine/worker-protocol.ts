// The messages between the pool (src/engine/pool.ts) and its worker threads (src/engine/worker.ts).
// Kept apart so the pool can import it without loading the worker's entry code.
import type { CompiledRuleData } from '../rules/types.js';
import type { FileJob, FileOutcome, ReadLimits } from './file-detect.js';
import type { Detected } from './scan-chunk.js';
import type { Chunk, Lookalike, RejectReason } from './types.js';

export interface WorkerInit {
  rules: CompiledRuleData[];
  read: ReadLimits;
  /** List look-alikes (`--verbose`), not only count them. */
  lookalikes?: boolean;
  /** Int32Array over it: see PROGRESS. */
  progress: SharedArrayBuffer;
}

/** Slots of the shared progress array. */
export const PROGRESS = { seq: 0, batch: 1, job: 2, rule: 3, length: 4 } as const;

export type WorkJob = ({ kind: 'file' } & FileJob) | { kind: 'chunk'; chunk: Chunk };

export interface BatchRequest {
  id: number;
  jobs: WorkJob[];
  /** Job index -> ids of rules not to run on it (they timed out there before); `*`: skip the job. */
  skipRules: Record<number, string[]>;
}

export interface JobResult {
  path: string;
  skip?: { reason: 'binary' | 'too-large' | 'unreadable' | 'special'; detail?: string };
  bytes: number;
  detected: Detected[];
  entrySkips?: FileOutcome['entrySkips'];
}

export interface BatchReply {
  id: number;
  results: JobResult[];
  rejected: Partial<Record<RejectReason, number>>;
  lookalikes?: Lookalike[];
}

export function jobPath(job: WorkJob): string {
  return job.kind === 'file' ? job.path : job.chunk.origin.path;
}
