// Chunk -> candidates (regex or detector) -> validators -> findings. The only place raw secrets live.
import { shannonEntropy } from '../detectors/entropy.js';
import { isPlaceholder } from '../detectors/placeholder.js';
import { fingerprint } from './fingerprint.js';
import { LineIndex } from './lines.js';
import { maskSecret } from './mask.js';
import type { RuleSet, RuntimeRule } from './ruleset.js';
import type { Chunk, Finding, Origin, RejectReason, ScanStats } from './types.js';

/** What a suppression filter sees about a validated candidate (issue: suppression, baselines). */
export interface CandidateView {
  rule: RuntimeRule;
  secret: string;
  origin: Origin;
  /** 1-based first and last line of the secret. */
  line: number;
  endLine: number;
  /** Text of the line(s) holding the secret, and of the line before. */
  lineText: string;
  previousLineText: string;
  fingerprint: string;
}

/** Returns a reason to drop the candidate, or undefined to keep it. */
export type CandidateFilter = (c: CandidateView) => { reason: RejectReason; detail?: string } | undefined;

/** A finding a suppression removed: `via` is the mechanism, `reason` the human reason. */
export type SuppressedFinding = Finding & { via: RejectReason; reason: string };

export interface ChunkScanOptions {
  unmask: boolean;
  filters: readonly CandidateFilter[];
  /** Keep suppressed findings (masked) so reports can list them. */
  collectSuppressed: boolean;
}

export interface ChunkScanResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

interface Raw {
  rule: RuntimeRule;
  start: number;
  end: number;
  secret: string;
  spans: Record<string, readonly [number, number] | undefined>;
  groups: Record<string, string | undefined>;
}

function reject(stats: ScanStats, reason: RejectReason): void {
  stats.rejected[reason] = (stats.rejected[reason] ?? 0) + 1;
}

/** Regex matches of one rule, with group spans relative to the secret. */
function* regexCandidates(rule: RuntimeRule, text: string): Generator<Raw> {
  const re = rule.regex!;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    const idx = m.indices?.groups;
    const s = idx?.['secret'];
    if (!s) continue;
    const spans: Raw['spans'] = {};
    const groups: Raw['groups'] = {};
    for (const name of rule.data.groups) {
      const g = idx[name];
      if (g) {
        spans[name] = [g[0] - s[0], g[1] - s[0]];
        groups[name] = text.slice(g[0], g[1]);
      }
    }
    yield { rule, start: s[0], end: s[1], secret: text.slice(s[0], s[1]), spans, groups };
  }
}

function* detectorCandidates(rule: RuntimeRule, text: string): Generator<Raw> {
  for (const h of rule.detector!.find(text)) {
    const secret = text.slice(h.start, h.end);
    yield { rule, start: h.start, end: h.end, secret, spans: { secret: [0, secret.length] }, groups: { secret } };
  }
}

/** Validation shared by every candidate: placeholder, entropy, checksum, structure. */
function validate(c: Raw): { reason: RejectReason } | { notes: string[] } {
  const d = c.rule.data;
  if (d.placeholderFilter && isPlaceholder(c.groups['body'] ?? c.secret)) return { reason: 'placeholder' };
  if (d.entropy !== undefined) {
    const target = d.entropyGroup ? c.groups[d.entropyGroup] ?? '' : c.secret;
    if (shannonEntropy(target) < d.entropy) return { reason: 'low-entropy' };
  }
  const cs = c.rule.checksum;
  if (cs && !cs.algo.verify({ secret: c.secret, spans: c.spans }, cs.params)) return { reason: 'bad-checksum' };
  const notes: string[] = cs ? ['checksum valid'] : [];
  for (const v of c.rule.validators) {
    const r = v.validate(c.secret, c.groups);
    if (!r.ok) return { reason: 'bad-structure' };
    if (r.notes) notes.push(...r.notes);
  }
  return { notes };
}

function proof(rule: RuntimeRule): number {
  return rule.data.checksum ? 2 : rule.data.validate.length > 0 ? 1 : 0;
}

/**
 * A validated candidate with its location and the context suppression needs. Produced by
 * detectChunk (possibly in a worker thread), consumed by finalizeChunk; never leaves the engine.
 */
export interface Detected {
  ruleId: string;
  secret: string;
  notes: string[];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The line(s) holding the secret, and the line before (for allow-next-line markers). */
  lineText: string;
  previousLineText: string;
}

/** The expensive half: prefilter, regexes and detectors, validation. Pure but for `stats`. */
export function detectChunk(chunk: Chunk, ruleset: RuleSet, stats: ScanStats): Detected[] {
  const text = chunk.text;
  const rules = ruleset.selectRules(text);
  if (rules.length === 0) return [];
  const lines = new LineIndex(text);
  const kept: Array<{ raw: Raw; notes: string[] }> = [];
  const seen = new Set<string>();
  // Spans claimed by pattern rules, valid or not: a generic detector must not report a token
  // that a specific rule already judged (a bad-checksum look-alike stays a non-finding).
  const claimed: Array<readonly [number, number]> = [];
  // Pattern rules first, so code detectors see what they have claimed.
  const ordered = rules.some((r) => r.detector) ? [...rules.filter((r) => !r.detector), ...rules.filter((r) => r.detector)] : rules;
  for (const rule of ordered) {
    const source = rule.detector ? detectorCandidates(rule, text) : regexCandidates(rule, text);
    for (const raw of source) {
      const key = `${rule.index}:${raw.start}:${raw.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (rule.detector && claimed.some(([a, b]) => a < raw.end && raw.start < b)) continue;
      const v = validate(raw);
      if (!rule.detector) claimed.push([raw.start, raw.end]);
      if ('reason' in v) reject(stats, v.reason);
      else kept.push({ raw, notes: v.notes });
    }
  }
  // Overlapping findings: the one with stronger proof wins (checksum > structure > pattern), so
  // `https://x:ghp_…@host` is a GitHub token, not also a basic-auth URL. Equal proof: keep both.
  const survivors = kept.length < 2 ? kept : kept.filter((k) =>
    !kept.some((o) => o !== k && proof(o.raw.rule) > proof(k.raw.rule) && o.raw.start < k.raw.end && k.raw.start < o.raw.end));

  const out: Detected[] = [];
  for (const { raw, notes } of survivors) {
    const a = lines.locate(raw.start);
    const b = lines.locate(Math.max(raw.start, raw.end - 1));
    const line = chunk.startLine + a.line;
    const endLine = chunk.startLine + b.line;
    if (chunk.reportLines) {
      let added = false;
      for (let l = line; l <= endLine && !added; l++) added = chunk.reportLines.has(l);
      if (!added) {
        reject(stats, 'not-added-line');
        continue;
      }
    }
    const lineStart = text.lastIndexOf('\n', raw.start - 1);
    out.push({
      ruleId: raw.rule.data.id,
      secret: raw.secret,
      notes,
      line,
      column: a.column + 1,
      endLine,
      endColumn: b.column + 2,
      lineText: lines.linesAround(raw.start, raw.end),
      // The line that ends at lineStart (empty when the previous line is blank).
      previousLineText: lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart).replace(/\r$/, '') : '',
    });
  }
  return out;
}

/** The cheap half: masking, fingerprints and suppression filters, on the main thread. */
export function finalizeChunk(origin: Origin, detected: readonly Detected[], ruleset: RuleSet, opts: ChunkScanOptions, stats: ScanStats): ChunkScanResult {
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const d of detected) {
    const rule = ruleset.byId.get(d.ruleId)!;
    const finding: Finding = {
      ruleId: d.ruleId,
      ruleName: rule.data.name,
      severity: rule.data.severity,
      origin,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      masked: maskSecret(d.secret, ruleset.prefixes),
      fingerprint: fingerprint(d.ruleId, d.secret),
      notes: d.notes,
    };
    if (opts.unmask) finding.secret = d.secret;
    let verdict: ReturnType<CandidateFilter>;
    if (opts.filters.length > 0) {
      const view: CandidateView = {
        rule,
        secret: d.secret,
        origin,
        line: d.line,
        endLine: d.endLine,
        lineText: d.lineText,
        previousLineText: d.previousLineText,
        fingerprint: finding.fingerprint,
      };
      for (const f of opts.filters) if ((verdict = f(view))) break;
    }
    if (verdict) {
      reject(stats, verdict.reason);
      if (opts.collectSuppressed) suppressed.push({ ...finding, via: verdict.reason, reason: verdict.detail ?? verdict.reason });
      continue;
    }
    findings.push(finding);
  }
  return { findings, suppressed };
}

export function scanChunk(chunk: Chunk, ruleset: RuleSet, opts: ChunkScanOptions, stats: ScanStats): ChunkScanResult {
  return finalizeChunk(chunk.origin, detectChunk(chunk, ruleset, stats), ruleset, opts, stats);
}
