// Orchestrates a scan: chunks (or already-detected files from the worker pool) -> finalize ->
// sorted, de-duplicated findings + stats.
import { detectChunksGuarded, needsGuard, workersAvailable } from './pool.js';
import { detectChunk, finalizeChunk, type ChunkScanOptions, type Detected, type SuppressedFinding } from './scan-chunk.js';
import type { RuleSet } from './ruleset.js';
import { emptyStats, type Chunk, type Finding, type Origin, type ScanStats } from './types.js';

export interface EngineResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  stats: ScanStats;
}

/** Validated candidates of one chunk or file, not yet masked or filtered. */
export interface DetectedItem {
  origin: Origin;
  detected: readonly Detected[];
}

export function compareFindings(a: Finding, b: Finding): number {
  const ca = a.origin.kind === 'commit' ? a.origin.commit : '';
  const cb = b.origin.kind === 'commit' ? b.origin.commit : '';
  return (
    (a.origin.path < b.origin.path ? -1 : a.origin.path > b.origin.path ? 1 : 0) ||
    (ca < cb ? -1 : ca > cb ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Sort, and drop repeats (a secret seen twice where large-file pieces overlap). */
function sortUnique<T extends Finding>(list: T[]): T[] {
  list.sort(compareFindings);
  return list.filter((f, i) => i === 0 || compareFindings(list[i - 1]!, f) !== 0);
}

/** Detection of chunks (stdin, git sources, tests): in-process, or in a guarded worker for user rules. */
export async function* detectChunks(chunks: AsyncIterable<Chunk> | Iterable<Chunk>, ruleset: RuleSet, stats: ScanStats): AsyncGenerator<DetectedItem> {
  const rules = ruleset.rules.map((r) => r.data);
  if (needsGuard(rules) && workersAvailable()) {
    yield* detectChunksGuarded(chunks, rules, stats);
    return;
  }
  for await (const chunk of chunks) yield { origin: chunk.origin, detected: detectChunk(chunk, ruleset, stats) };
}

export async function runDetected(
  items: AsyncIterable<DetectedItem> | Iterable<DetectedItem>,
  ruleset: RuleSet,
  opts: ChunkScanOptions,
  stats: ScanStats = emptyStats(),
): Promise<EngineResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for await (const item of items) {
    if (item.detected.length === 0) continue;
    const r = finalizeChunk(item.origin, item.detected, ruleset, opts, stats);
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  stats.elapsedMs = performance.now() - started;
  return { findings: sortUnique(findings), suppressed: sortUnique(suppressed), stats };
}

export async function runEngine(
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
  ruleset: RuleSet,
  opts: ChunkScanOptions,
  stats: ScanStats = emptyStats(),
): Promise<EngineResult> {
  return runDetected(detectChunks(chunks, ruleset, stats), ruleset, opts, stats);
}
