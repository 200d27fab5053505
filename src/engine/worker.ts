// Worker thread: detects secrets in batches of files or chunks sent by the pool (src/engine/pool.ts).
// Before each job and each rule it writes where it is into shared memory, so the pool's watchdog
// can name the file and rule of a regex that runs too long, stop this thread and go on without it.
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledRuleData } from '../rules/types.js';
import { detectFile } from './file-detect.js';
import { RuleSet } from './ruleset.js';
import { detectChunk } from './scan-chunk.js';
import { emptyStats } from './types.js';
import { jobPath, PROGRESS, type BatchReply, type BatchRequest, type JobResult, type WorkerInit } from './worker-protocol.js';

/** Report every rule's start through `mark(original rule index)`. */
function tracked(rules: readonly CompiledRuleData[], indexOf: ReadonlyMap<string, number>, mark: (rule: number) => void): RuleSet {
  const set = new RuleSet(rules);
  for (const r of set.rules) {
    const i = indexOf.get(r.data.id) ?? -1;
    // A rule's work starts when the engine reads its regex (pattern rules) or detector (code rules).
    const regexGet = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(r), 'regex')?.get;
    const detector = r.detector;
    Object.defineProperty(r, 'regex', {
      get() {
        mark(i);
        return regexGet?.call(r);
      },
    });
    Object.defineProperty(r, 'detector', {
      get() {
        if (detector) mark(i);
        return detector;
      },
    });
  }
  return set;
}

function serve(init: WorkerInit): void {
  const progress = new Int32Array(init.progress);
  const indexOf = new Map(init.rules.map((r, i) => [r.id, i]));
  const mark = (rule: number): void => {
    Atomics.store(progress, PROGRESS.rule, rule);
    Atomics.add(progress, PROGRESS.seq, 1);
  };
  const full = tracked(init.rules, indexOf, mark);

  parentPort!.on('message', (req: BatchRequest) => {
    const stats = emptyStats();
    if (init.lookalikes) stats.lookalikes = [];
    Atomics.store(progress, PROGRESS.batch, req.id);
    const results = req.jobs.map((job, j): JobResult => {
      Atomics.store(progress, PROGRESS.job, j);
      mark(-1);
      const skip = req.skipRules[j];
      const path = jobPath(job);
      if (skip?.includes('*')) return { path, skip: { reason: 'unreadable', detail: 'timed out' }, bytes: 0, detected: [] };
      const ruleset = skip?.length ? tracked(init.rules.filter((r) => !skip.includes(r.id)), indexOf, mark) : full;
      if (job.kind === 'file') return detectFile(job, ruleset, init.read, stats);
      return { path, bytes: Buffer.byteLength(job.chunk.text), detected: detectChunk(job.chunk, ruleset, stats) };
    });
    mark(-1);
    const reply: BatchReply = { id: req.id, results, rejected: stats.rejected, ...(stats.lookalikes ? { lookalikes: stats.lookalikes } : {}) };
    parentPort!.postMessage(reply);
  });
}

if (parentPort) serve(workerData as WorkerInit);
