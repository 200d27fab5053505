// Worker thread: detects secrets in batches of files sent by the pool (src/engine/pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledRuleData } from '../rules/types.js';
import { detectFile, type FileJob } from './file-detect.js';
import { RuleSet } from './ruleset.js';
import { emptyStats } from './types.js';

export interface WorkerInit {
  rules: CompiledRuleData[];
  maxFileSize: number;
}
export interface BatchRequest {
  id: number;
  jobs: FileJob[];
}

const init = workerData as WorkerInit;
const ruleset = new RuleSet(init.rules);

parentPort!.on('message', (req: BatchRequest) => {
  const stats = emptyStats();
  const outcomes = req.jobs.map((job) => detectFile(job, ruleset, init.maxFileSize, stats));
  parentPort!.postMessage({ id: req.id, outcomes, rejected: stats.rejected });
});
