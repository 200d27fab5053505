// The library API under the CLI: scan(options) -> findings + stats.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findTopConfig } from './config/cascade.js';
import { emptyConfig, loadConfig, DEFAULT_MAX_FILE_SIZE, type Config } from './config/load.js';
import { KeyhoundError } from './errors.js';
import { detectChunks, runDetected, runEngine, type DetectedItem, type EngineResult } from './engine/scan.js';
import { defaultThreads, detectFiles } from './engine/pool.js';
import type { FileJob } from './engine/file-detect.js';
import { RuleSet } from './engine/ruleset.js';
import type { CandidateFilter, Detected } from './engine/scan-chunk.js';
import { emptyStats, type Chunk, type ScanStats } from './engine/types.js';
import { builtinRules } from './rules/builtin.js';
import { compileRules } from './rules/load.js';
import { closest } from './rules/yaml-doc.js';
import { DEFAULT_MAX_ARCHIVE_DEPTH } from './sources/binary-files.js';
import { countSkip, walkFiles, type SkipReason } from './sources/files.js';
import { createSuppression, ruleSeverity, type SuppressOptions } from './suppress/index.js';

export interface ScanOptions {
  /** Files or directories to scan (default: the current directory). */
  paths?: string[];
  cwd?: string;
  /** Explicit config file; otherwise the nearest .keyhound.yaml above the first path is used. */
  config?: string;
  /** Do not look for a config file. */
  noConfig?: boolean;
  /** Put raw secrets into findings (`secret` field). Off by default. */
  unmask?: boolean;
  maxFileSize?: number;
  /** Archive layers opened (zip, jar, tar.gz; a jar in a war is 2); 0 reads no archive. */
  maxArchiveDepth?: number;
  gitignore?: boolean;
  /** Worker threads for directory scans (default: the number of cores, at most 8). */
  threads?: number;
  /** Called for every file skipped (binary, too large, ...). */
  onSkip?: (path: string, reason: SkipReason, detail?: string) => void;
  /** Extra candidate filters (suppression). */
  filters?: CandidateFilter[];
  collectSuppressed?: boolean;
  /** List candidates dropped as look-alikes in `stats.lookalikes` (masked; at most MAX_LOOKALIKES). */
  collectLookalikes?: boolean;
  /** Inline markers, config allowlists and the baseline (all on by default). */
  suppress?: SuppressOptions;
}

export interface ScanResult extends EngineResult {
  ruleset: RuleSet;
  config: Config;
}

/** Resolve config: explicit, found upward from the first path, or none. */
export function resolveConfig(opts: Pick<ScanOptions, 'config' | 'noConfig' | 'paths' | 'cwd'>): Config {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.config) return loadConfig(opts.config, cwd);
  if (opts.noConfig) return emptyConfig();
  const found = findTopConfig(resolve(cwd, opts.paths?.[0] ?? '.'));
  return found ? loadConfig(found, cwd) : emptyConfig();
}

/** Built-in rules minus the disabled ones, plus the config's own rules. */
export function buildRuleSet(config: Config): RuleSet {
  const builtin = builtinRules();
  const own = compileRules(config.rules);
  const known = new Set([...builtin.map((r) => r.id), ...own.map((r) => r.id)]);
  for (const id of config.disable) {
    if (!known.has(id)) {
      const hint = closest(id, [...known]);
      throw new KeyhoundError(`\`disable\` names unknown rule \`${id}\``,
        hint ? `did you mean \`${hint}\`?` : 'run `keyhound rules` to list rule ids', config.path);
    }
  }
  const disabled = new Set(config.disable);
  const ownIds = new Set(own.map((r) => r.id));
  for (const r of own) {
    if (builtin.some((b) => b.id === r.id)) {
      throw new KeyhoundError(`rule \`${r.id}\` has the id of a built-in rule`,
        `give it another id, or add \`disable: [${r.id}]\` and rename yours`, `${r.source.file}:${r.source.line}`);
    }
  }
  const severity = ruleSeverity(config);
  const withSeverity = (r: (typeof builtin)[number]) => (severity.has(r.id) ? { ...r, severity: severity.get(r.id)! } : r);
  return new RuleSet([...builtin.filter((r) => !disabled.has(r.id) && !ownIds.has(r.id)), ...own.filter((r) => !disabled.has(r.id))].map(withSeverity));
}

export async function scanChunks(chunks: AsyncIterable<Chunk> | Iterable<Chunk>, ruleset: RuleSet, opts: ScanOptions = {}): Promise<EngineResult> {
  return runEngine(chunks, ruleset, {
    unmask: opts.unmask ?? false,
    filters: opts.filters ?? [],
    collectSuppressed: opts.collectSuppressed ?? false,
  });
}

/**
 * Run the engine with the suppression stage (inline markers, allowlists, nested configs, baseline)
 * in front of `opts.filters`. Every source should scan through this. `paths[0]` is the scan root.
 */
export async function runSuppressed(
  items: AsyncIterable<DetectedItem> | Iterable<DetectedItem>,
  ruleset: RuleSet,
  config: Config,
  opts: ScanOptions & { cwd: string; pathBase?: string },
  stats: ScanStats,
): Promise<EngineResult> {
  const sup = createSuppression(config, ruleset, {
    cwd: opts.cwd,
    ...(opts.pathBase !== undefined ? { pathBase: opts.pathBase } : {}),
    ...(opts.paths ? { paths: opts.paths } : {}),
    nestedConfigs: !opts.noConfig,
    ...opts.suppress,
  });
  const result = await runDetected(sup.observe(items), ruleset, {
    unmask: opts.unmask ?? false,
    filters: [...sup.filters, ...(opts.filters ?? [])],
    collectSuppressed: opts.collectSuppressed ?? false,
  }, stats);
  return sup.finish(result);
}

export function newStats(opts: Pick<ScanOptions, 'collectLookalikes'>): ScanStats {
  const stats = emptyStats();
  if (opts.collectLookalikes) stats.lookalikes = [];
  return stats;
}

/** Scan files and directories. */
export async function scan(opts: ScanOptions = {}): Promise<ScanResult> {
  const cwd = opts.cwd ?? process.cwd();
  const config = resolveConfig(opts);
  const ruleset = buildRuleSet(config);
  const stats = newStats(opts);
  const roots = (opts.paths?.length ? opts.paths : ['.']).map((p) => resolve(cwd, p));
  // One directory: paths relative to it (`scan ./repo` reports `src/a.ts`); else relative to cwd.
  const base = roots.length === 1 && isDirectory(roots[0]!) ? roots[0]! : cwd;
  const maxFileSize = opts.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = { maxFileSize, maxArchiveDepth: opts.maxArchiveDepth ?? config.maxArchiveDepth ?? DEFAULT_MAX_ARCHIVE_DEPTH };
  const onSkip = (path: string, reason: SkipReason, detail?: string): void => {
    countSkip(stats, reason);
    opts.onSkip?.(path, reason, detail);
  };
  // The walk is cheap (about 0.1 s for 20k files); listing first lets the pool batch the work.
  const jobs: FileJob[] = [];
  for (const e of walkFiles({ roots, cwd: base, maxFileSize, gitignore: opts.gitignore ?? true, extraIgnore: config.ignore, onSkip })) {
    jobs.push({ abs: e.abs, path: e.path });
  }
  const items = (async function* (): AsyncGenerator<DetectedItem> {
    const threads = opts.threads ?? defaultThreads();
    for await (const o of detectFiles(jobs, ruleset, ruleset.rules.map((r) => r.data), { threads, read }, stats)) {
      if (o.skip) {
        onSkip(o.path, o.skip.reason, o.skip.detail);
        continue;
      }
      stats.filesScanned++;
      stats.bytesScanned += o.bytes;
      for (const s of o.entrySkips ?? []) onSkip(s.path, s.reason, s.detail);
      yield* byEntry(o.path, o.detected);
    }
  })();
  const result = await runSuppressed(items, ruleset, config, { ...opts, cwd, pathBase: base }, stats);
  return { ...result, ruleset, config };
}

/** A file's findings as items, one per path: an archive's entries are reported as their own files. */
function* byEntry(path: string, detected: readonly Detected[]): Generator<DetectedItem> {
  const paths = [...new Set(detected.map((d) => d.path ?? path))];
  if (paths.length <= 1) {
    yield { origin: { kind: 'file', path: paths[0] ?? path }, detected: [...detected] };
    return;
  }
  for (const p of paths) yield { origin: { kind: 'file', path: p }, detected: detected.filter((d) => (d.path ?? path) === p) };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Scan one text (stdin, an editor buffer). `name` is the path reported. */
export async function scanText(text: string, name = 'stdin', opts: ScanOptions = {}): Promise<ScanResult> {
  const config = resolveConfig(opts);
  const ruleset = buildRuleSet(config);
  const stats = newStats(opts);
  stats.filesScanned = 1;
  stats.bytesScanned = Buffer.byteLength(text);
  const chunk: Chunk = { origin: { kind: 'stdin', path: name }, text, startLine: 1 };
  const result = await runSuppressed(detectChunks([chunk], ruleset, stats), ruleset, config, { ...opts, cwd: opts.cwd ?? process.cwd() }, stats);
  return { ...result, ruleset, config };
}
