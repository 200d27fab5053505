// Detection in worker threads, with a watchdog. Results come back in submission order, so output
// does not depend on the number of threads; a bounded window of batches is in flight, so memory
// stays bounded whatever the tree size.
//
// Watchdog: a regex can backtrack for hours on one long line, and a running regex cannot be
// interrupted from its own thread. Each worker writes the job and rule it is on into shared memory;
// when one rule runs longer than the budget, the pool terminates the worker, warns
// ("rule X took over N s on FILE: skipped"), starts a new one and re-runs the batch without that
// rule on that file. Scans with user rules always run in a worker for this reason (see needsGuard).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtinRules } from '../rules/builtin.js';
import type { CompiledRuleData } from '../rules/types.js';
import { detectFile, type FileJob, type FileOutcome, type ReadLimits } from './file-detect.js';
import type { DetectedItem } from './scan.js';
import type { RuleSet } from './ruleset.js';
import { MAX_LOOKALIKES, type Chunk, type RejectReason, type ScanStats } from './types.js';
import { jobPath, PROGRESS, type BatchReply, type BatchRequest, type JobResult, type WorkJob, type WorkerInit } from './worker-protocol.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Below this many files, starting workers costs more than it saves (unless rules are untrusted). */
export const MIN_FILES_FOR_WORKERS = 64;
const BATCH_FILES = 16;
// A smaller young generation per worker: short-lived strings die young anyway, and two workers
// with the default semispaces put a 200 MB scan near 300 MB of resident memory.
const YOUNG_GEN_MB = 8;
const BATCH_BYTES_HINT = 2 * 1024 * 1024;
/** Default time one rule may take on one file or chunk (KEYHOUND_RULE_TIMEOUT_MS overrides). */
export const DEFAULT_RULE_BUDGET_MS = 10_000;

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function ruleBudgetMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env['KEYHOUND_RULE_TIMEOUT_MS']);
  return Number.isFinite(n) && n >= 50 ? n : DEFAULT_RULE_BUDGET_MS;
}

function addRejected(stats: ScanStats, r: Partial<Record<RejectReason, number>>): void {
  for (const [k, n] of Object.entries(r) as Array<[RejectReason, number]>) stats.rejected[k] = (stats.rejected[k] ?? 0) + n;
}

function warn(stats: ScanStats, text: string): void {
  (stats.warnings ??= []).push(text);
}

/** Whether worker threads can run (the compiled worker exists; not when running from sources). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Whether the rules include patterns that did not ship with keyhound (user rules): those run only
 * in a worker under the watchdog, even for one file or stdin.
 */
export function needsGuard(rules: readonly CompiledRuleData[]): boolean {
  const builtin = new Map(builtinRules().map((r) => [r.id, r]));
  return rules.some((r) => !r.detector && (builtin.get(r.id)?.pattern !== r.pattern || builtin.get(r.id)?.flags !== r.flags));
}

interface Timeout {
  job: number;
  /** Rule index in the pool's rule list, or -1 when no rule was running (reading, decoding). */
  rule: number;
}

/** One worker thread that can be replaced when it hangs. */
class GuardedWorker {
  private worker: Worker | undefined;
  private readonly progress = new SharedArrayBuffer(PROGRESS.length * 4);
  private readonly view = new Int32Array(this.progress);

  constructor(
    private readonly init: Omit<WorkerInit, 'progress'>,
    private readonly budgetMs: number,
  ) {}

  private start(): Worker {
    return (this.worker ??= new Worker(WORKER_URL, { workerData: { ...this.init, progress: this.progress } satisfies WorkerInit, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GEN_MB } }));
  }

  /** Run one batch; resolves with the reply, or with where it hung (the worker is then replaced). */
  attempt(req: BatchRequest): Promise<BatchReply | Timeout> {
    const w = this.start();
    Atomics.store(this.view, PROGRESS.batch, -1);
    return new Promise((resolve, reject) => {
      let lastSeq = -1;
      let since = performance.now();
      const tick = Math.max(20, Math.min(250, this.budgetMs / 4));
      const cleanup = (): void => {
        clearInterval(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const timer = setInterval(() => {
        const seq = Atomics.load(this.view, PROGRESS.seq);
        const now = performance.now();
        if (seq !== lastSeq || Atomics.load(this.view, PROGRESS.batch) !== req.id) {
          lastSeq = seq;
          since = now;
          return;
        }
        if (now - since < this.budgetMs) return;
        cleanup();
        const hung: Timeout = { job: Atomics.load(this.view, PROGRESS.job), rule: Atomics.load(this.view, PROGRESS.rule) };
        this.worker = undefined;
        void w.terminate().then(() => resolve(hung), reject);
      }, tick);
      const onMessage = (reply: BatchReply): void => {
        cleanup();
        resolve(reply);
      };
      const onError = (e: Error): void => {
        cleanup();
        this.worker = undefined;
        reject(e);
      };
      const onExit = (code: number): void => {
        cleanup();
        this.worker = undefined;
        reject(new Error(`scan worker exited with code ${code}`));
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(req);
    });
  }

  /** Run a batch to the end, skipping each rule that exceeds the budget on the job it hung on. */
  async run(id: number, jobs: WorkJob[], rules: readonly CompiledRuleData[], stats: ScanStats): Promise<BatchReply> {
    const skipRules: Record<number, string[]> = {};
    for (;;) {
      const r = await this.attempt({ id, jobs, skipRules });
      if ('results' in r) return r;
      const job = jobs[r.job];
      const where = job ? describeJob(job) : 'a file';
      const secs = `${(this.budgetMs / 1000).toFixed(this.budgetMs < 1000 ? 1 : 0)} s`;
      const rule = r.rule >= 0 ? rules[r.rule] : undefined;
      const list = (skipRules[r.job] ??= []);
      if (rule && !list.includes(rule.id)) {
        list.push(rule.id);
        warn(stats, `rule ${rule.id} took over ${secs} on ${where}: skipped (the rest of the rules still ran there)`);
      } else {
        list.push('*');
        warn(stats, `scanning ${where} took over ${secs}: skipped`);
      }
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}

function describeJob(job: WorkJob): string {
  const path = jobPath(job);
  if (job.kind === 'chunk' && job.chunk.origin.kind === 'commit') return `${path} in commit ${job.chunk.origin.commit.slice(0, 12)}`;
  return path;
}

/** Batches of jobs in order, cut by count or by a byte estimate. */
async function* batched(jobs: AsyncIterable<WorkJob> | Iterable<WorkJob>, sizeOf: (job: WorkJob) => number): AsyncGenerator<WorkJob[]> {
  let cur: WorkJob[] = [];
  let bytes = 0;
  for await (const job of jobs) {
    cur.push(job);
    bytes += sizeOf(job);
    if (cur.length >= BATCH_FILES || bytes >= BATCH_BYTES_HINT) {
      yield cur;
      cur = [];
      bytes = 0;
    }
  }
  if (cur.length) yield cur;
}

/** Run batches on `threads` guarded workers; yields each job's result in submission order. */
async function* runPool(
  batches: AsyncIterator<WorkJob[]>,
  threads: number,
  rules: readonly CompiledRuleData[],
  read: ReadLimits,
  stats: ScanStats,
): AsyncGenerator<{ job: WorkJob; result: JobResult }> {
  const budget = ruleBudgetMs();
  const lookalikes = stats.lookalikes !== undefined;
  const workers = Array.from({ length: threads }, () => new GuardedWorker({ rules: [...rules], read, lookalikes }, budget));
  const done = new Map<number, { jobs: WorkJob[]; reply: BatchReply }>();
  let total: number | undefined;
  let failure: unknown;
  let next = 0;
  let consumed = 0;
  // Batches sent but not yet consumed stay within a window, so a slow batch cannot make the
  // finished ones behind it pile up in memory.
  const window = 4 * threads;
  let waiters: Array<() => void> = [];
  const changed = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const wait = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));
  let stopped = false;
  const slot = async (gw: GuardedWorker): Promise<void> => {
    while (!stopped) {
      while (next - consumed >= window && !stopped) await wait();
      if (stopped) return;
      const id = next++;
      const b = await batches.next();
      if (b.done) {
        total = Math.min(total ?? id, id);
        changed();
        return;
      }
      const reply = await gw.run(id, b.value, rules, stats);
      done.set(id, { jobs: b.value, reply });
      changed();
    }
  };
  const slots = workers.map((w) =>
    slot(w).catch((e: unknown) => {
      failure ??= e;
      changed();
    }),
  );
  try {
    for (let id = 0; ; id++) {
      while (!done.has(id)) {
        if (failure) throw failure;
        if (total !== undefined && id >= total) return;
        await wait();
      }
      const { jobs, reply } = done.get(id)!;
      done.delete(id);
      consumed = id + 1;
      changed();
      addRejected(stats, reply.rejected);
      if (reply.lookalikes && stats.lookalikes) stats.lookalikes.push(...reply.lookalikes.slice(0, MAX_LOOKALIKES - stats.lookalikes.length));
      for (let j = 0; j < jobs.length; j++) yield { job: jobs[j]!, result: reply.results[j]! };
    }
  } finally {
    stopped = true;
    changed();
    await Promise.all(workers.map((w) => w.close()));
    await Promise.allSettled(slots);
  }
}

export async function* detectFiles(
  jobs: readonly FileJob[],
  ruleset: RuleSet,
  rules: readonly CompiledRuleData[],
  opts: { threads: number; read: ReadLimits; sizeOf?: (job: FileJob) => number },
  stats: ScanStats,
): AsyncGenerator<FileOutcome> {
  const guard = needsGuard(rules) && workersAvailable();
  let threads = Math.min(opts.threads, Math.ceil(jobs.length / BATCH_FILES));
  if (!guard && (threads <= 1 || jobs.length < MIN_FILES_FOR_WORKERS || !workersAvailable())) {
    for (const job of jobs) yield detectFile(job, ruleset, opts.read, stats);
    return;
  }
  threads = Math.max(1, threads);
  const sizeOf = opts.sizeOf;
  const work = jobs.map((j): WorkJob => ({ kind: 'file', abs: j.abs, path: j.path }));
  const batches = batched(work, (j) => (sizeOf && j.kind === 'file' ? sizeOf(j) : 0));
  for await (const { result } of runPool(batches, threads, rules, opts.read, stats)) {
    const out: FileOutcome = { path: result.path, bytes: result.bytes, detected: result.detected };
    if (result.skip) out.skip = result.skip;
    if (result.entrySkips) out.entrySkips = result.entrySkips;
    yield out;
  }
}

/**
 * Chunks (stdin, git sources) detected in a guarded worker, in order. For rule sets with
 * untrusted patterns; `threads` workers share the stream.
 */
export async function* detectChunksGuarded(
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
  rules: readonly CompiledRuleData[],
  stats: ScanStats,
  threads = 1,
): AsyncGenerator<DetectedItem> {
  const work = (async function* (): AsyncGenerator<WorkJob> {
    for await (const chunk of chunks) yield { kind: 'chunk', chunk };
  })();
  const batches = batched(work, (j) => (j.kind === 'chunk' ? j.chunk.text.length : 0));
  for await (const { job, result } of runPool(batches, threads, rules, { maxFileSize: Infinity, maxArchiveDepth: 0 }, stats)) {
    if (job.kind === 'chunk') yield { origin: job.chunk.origin, detected: result.detected };
  }
}
