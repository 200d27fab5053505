// Detection over many files with a pool of worker threads. Results come back in submission order,
// so output does not depend on the number of threads; at most two batches per worker are in
// flight, so memory stays bounded whatever the tree size.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CompiledRuleData } from '../rules/types.js';
import { detectFile, type FileJob, type FileOutcome } from './file-detect.js';
import type { RuleSet } from './ruleset.js';
import type { RejectReason, ScanStats } from './types.js';
import type { BatchRequest, WorkerInit } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Below this many files, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;
const BATCH_FILES = 16;
const BATCH_BYTES_HINT = 2 * 1024 * 1024;

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

interface BatchReply {
  id: number;
  outcomes: FileOutcome[];
  rejected: Partial<Record<RejectReason, number>>;
}

function addRejected(stats: ScanStats, r: Partial<Record<RejectReason, number>>): void {
  for (const [k, n] of Object.entries(r) as Array<[RejectReason, number]>) stats.rejected[k] = (stats.rejected[k] ?? 0) + n;
}

/** Whether worker threads can run (the compiled worker exists; not when running from sources). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

export async function* detectFiles(
  jobs: readonly FileJob[],
  ruleset: RuleSet,
  rules: readonly CompiledRuleData[],
  opts: { threads: number; maxFileSize: number; sizeOf?: (job: FileJob) => number },
  stats: ScanStats,
): AsyncGenerator<FileOutcome> {
  const threads = Math.min(opts.threads, Math.ceil(jobs.length / BATCH_FILES));
  if (threads <= 1 || jobs.length < MIN_FILES_FOR_WORKERS || !workersAvailable()) {
    for (const job of jobs) yield detectFile(job, ruleset, opts.maxFileSize, stats);
    return;
  }
  const batches: FileJob[][] = [];
  let cur: FileJob[] = [];
  let bytes = 0;
  for (const job of jobs) {
    cur.push(job);
    bytes += opts.sizeOf?.(job) ?? 0;
    if (cur.length >= BATCH_FILES || bytes >= BATCH_BYTES_HINT) {
      batches.push(cur);
      cur = [];
      bytes = 0;
    }
  }
  if (cur.length) batches.push(cur);

  const init: WorkerInit = { rules: [...rules], maxFileSize: opts.maxFileSize };
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL, { workerData: init }));
  const done = new Map<number, BatchReply>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let next = 0;
  let consumed = 0;
  // Batches sent but not yet consumed stay within a window, so a slow batch cannot make the
  // finished ones behind it pile up in memory.
  const window = 4 * threads;
  const idle: Worker[] = [];
  const send = (w: Worker) => {
    if (next >= batches.length) return;
    if (next - consumed >= window) {
      idle.push(w);
      return;
    }
    const req: BatchRequest = { id: next, jobs: batches[next]! };
    next++;
    w.postMessage(req);
  };
  for (const w of workers) {
    w.on('message', (reply: BatchReply) => {
      done.set(reply.id, reply);
      send(w);
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`scan worker exited with code ${code}`);
      notify();
    });
  }
  try {
    // Two batches per worker in flight: one being scanned, one queued.
    for (const w of workers) {
      send(w);
      send(w);
    }
    for (let id = 0; id < batches.length; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const reply = done.get(id)!;
      done.delete(id);
      consumed = id + 1;
      for (const w of idle.splice(0)) send(w);
      addRejected(stats, reply.rejected);
      yield* reply.outcomes;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
