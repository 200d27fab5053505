// Orchestrates a scan: chunks from any source -> scanChunk -> sorted findings + stats.
import { scanChunk, type ChunkScanOptions, type SuppressedFinding } from './scan-chunk.js';
import type { RuleSet } from './ruleset.js';
import { emptyStats, type Chunk, type Finding, type ScanStats } from './types.js';

export interface EngineResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  stats: ScanStats;
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

export async function runEngine(
  chunks: AsyncIterable<Chunk> | Iterable<Chunk>,
  ruleset: RuleSet,
  opts: ChunkScanOptions,
  stats: ScanStats = emptyStats(),
): Promise<EngineResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for await (const chunk of chunks) {
    const r = scanChunk(chunk, ruleset, opts, stats);
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
  }
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  stats.elapsedMs = performance.now() - started;
  return { findings, suppressed, stats };
}
