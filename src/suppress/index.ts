// Suppression stage: inline markers, config allowlists (top-level and nested), and the baseline,
// as engine CandidateFilters, plus the per-path severity overrides applied after the scan.
import { dirname, relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { ConfigTree, isInside } from '../config/cascade.js';
import type { Config } from '../config/load.js';
import { MARKER_FAMILIES, type MarkerFamily } from '../config/suppress-keys.js';
import type { EngineResult } from '../engine/scan.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { CandidateFilter, SuppressedFinding } from '../engine/scan-chunk.js';
import type { Chunk, Finding, Severity } from '../engine/types.js';
import { KeyhoundError } from '../errors.js';
import { closest } from '../rules/yaml-doc.js';
import { Allowlist } from './allowlist.js';
import { Baseline, findBaseline } from './baseline.js';
import { describeInline, findInlineAllow } from './inline.js';
import { normalizePath } from './glob.js';

export { Baseline, BASELINE_NAME, ensureUnionMerge, findBaseline, formatBaseline, parseBaseline, writeBaseline } from './baseline.js';
export type { BaselineEntry } from './baseline.js';

export interface SuppressOptions {
  /** Honour inline markers (default true; `--no-inline-allow` turns it off for audits). */
  inlineAllow?: boolean;
  /** Baseline file; `false` for none; default: `.keyhound-baseline` found from the scan root. */
  baseline?: string | false;
  /** Look for .keyhound.yaml files in subdirectories (default true; off with --no-config). */
  nestedConfigs?: boolean;
}

export interface Suppression {
  filters: CandidateFilter[];
  /** The baseline in use, if any. */
  baseline: Baseline | undefined;
  /** Pass-through that loads nested configs as files stream by, so their errors always surface. */
  observe<T extends { origin: { path: string } }>(chunks: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T>;
  /** Apply per-path severity overrides (nested configs) to the scan's findings. */
  finish(result: EngineResult): EngineResult;
}

/** What applies to the files of one directory, merged from its config layers. */
interface Effective {
  allowlists: Allowlist[];
  /** Rules a nested config disabled, with the file that did it. */
  disabled: Map<string, string>;
  severity: Map<string, Severity>;
  markers: Record<MarkerFamily, boolean>;
}

function scanRootOf(cwd: string, paths: readonly string[]): string {
  const first = resolve(cwd, paths[0] ?? '.');
  try {
    return statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    return cwd;
  }
}

/** Rule ids a config names must exist (a typo would silently allow or override nothing). */
function checkRuleIds(cfg: Config, known: ReadonlySet<string>): void {
  const check = (id: string, where: string | undefined, key: string): void => {
    if (known.has(id)) return;
    const hint = closest(id, [...known]);
    throw new KeyhoundError(`\`${key}\` names unknown rule \`${id}\``,
      hint ? `did you mean \`${hint}\`?` : 'run `keyhound rules` to list rule ids', where ?? cfg.path);
  };
  for (const s of cfg.severity) check(s.rule, s.where, 'severity');
  for (const a of cfg.allowlists) a.rules.forEach((r, i) => check(r, a.ruleWhere[i], 'allowlist.rules'));
  if (cfg.nested) for (const d of cfg.disable) check(d, cfg.path, 'disable');
}

/** Root-level severity overrides, applied to the rule data so rule listings and SARIF show them. */
export function ruleSeverity(config: Config): ReadonlyMap<string, Severity> {
  return new Map(config.severity.map((s) => [s.rule, s.severity]));
}

export function createSuppression(
  config: Config,
  ruleset: RuleSet,
  opts: SuppressOptions & {
    /** The user's directory: scan paths, --baseline and error messages are relative to it. */
    cwd: string;
    paths?: readonly string[];
    /** The directory origin paths are relative to (default cwd). */
    pathBase?: string;
  },
): Suppression {
  const cwd = opts.cwd;
  const base = opts.pathBase ?? cwd;
  const known = new Set([...ruleset.byId.keys(), ...config.disable]);
  checkRuleIds(config, known);
  const scanRoot = scanRootOf(cwd, opts.paths ?? []);
  // Nested configs live below the top config's directory when the scan is inside it, else
  // below the scan root (no config found, or an explicit --config kept elsewhere).
  const topDir = opts.nestedConfigs === false ? undefined
    : config.dir !== undefined && isInside(scanRoot, config.dir) ? config.dir : scanRoot;
  const tree = new ConfigTree(config, topDir, cwd, (c) => checkRuleIds(c, known), base);

  const effective = new Map<readonly Config[], Effective>();
  const effectiveFor = (path: string): Effective => {
    const layers = tree.layersFor(path);
    let e = effective.get(layers);
    if (!e) {
      e = {
        allowlists: [],
        disabled: new Map(),
        severity: new Map(),
        markers: Object.fromEntries(MARKER_FAMILIES.map((f) => [f, true])) as Record<MarkerFamily, boolean>,
      };
      for (const c of layers) {
        const base = c.dir ?? cwd;
        for (const a of c.allowlists) e.allowlists.push(new Allowlist(a, base));
        if (c.nested) for (const d of c.disable) e.disabled.set(d, c.path ?? 'a nested config');
        for (const s of c.severity) e.severity.set(s.rule, s.severity);
        Object.assign(e.markers, c.inlineMarkers);
      }
      effective.set(layers, e);
    }
    return e;
  };

  let baseline: Baseline | undefined;
  if (opts.baseline !== false) {
    const file = opts.baseline !== undefined ? resolve(cwd, opts.baseline) : findBaseline(scanRoot, config.dir);
    if (file !== undefined) baseline = Baseline.read(file, cwd, base);
  }
  const inlineAllow = opts.inlineAllow ?? true;
  const baselineName = baseline ? normalizePath(relative(cwd, baseline.file)) || baseline.file : '';

  const filter: CandidateFilter = (c) => {
    const e = effectiveFor(c.origin.path);
    if (inlineAllow) {
      const m = findInlineAllow(c, (f) => e.markers[f]);
      if (m) return { reason: 'inline-allow', detail: describeInline(m) };
    }
    if (e.allowlists.length > 0) {
      const target = { ruleId: c.rule.data.id, secret: c.secret, lineText: c.lineText, absPath: resolve(base, c.origin.path) };
      for (const a of e.allowlists) if (a.matches(target)) return { reason: 'allowlisted', detail: a.reason };
    }
    const off = e.disabled.get(c.rule.data.id);
    if (off !== undefined) return { reason: 'allowlisted', detail: `rule disabled in ${off}` };
    if (baseline?.has({ ruleId: c.rule.data.id, fingerprint: c.fingerprint, origin: c.origin })) {
      return { reason: 'baseline', detail: `accepted in ${baselineName}` };
    }
    return undefined;
  };

  const reseverity = <F extends Finding>(f: F): F => {
    const s = effectiveFor(f.origin.path).severity.get(f.ruleId);
    return s === undefined || s === f.severity ? f : { ...f, severity: s };
  };

  return {
    filters: [filter],
    baseline,
    async *observe(chunks) {
      for await (const ch of chunks) {
        tree.layersFor(ch.origin.path);
        yield ch;
      }
    },
    finish(result) {
      return {
        ...result,
        findings: result.findings.map(reseverity),
        suppressed: result.suppressed.map((s: SuppressedFinding) => reseverity(s)),
      };
    },
  };
}
