// Small helpers every reporter shares, so each format file only decides layout.
import type { Finding, Lookalike, RejectReason } from '../engine/types.js';
import type { ReportContext, RuleInfo } from './types.js';

export const TOOL_NAME = 'keyhound';
/** Where users learn about the tool (SARIF informationUri); the package page of the published CLI. */
export const TOOL_URI = 'https://www.npmjs.com/package/keyhound';

/** The value a report may show: the raw secret only when the user asked (--unmask). */
export function shownValue(f: Finding): string {
  return f.secret ?? f.masked;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Rule metadata, falling back to what the finding itself carries. */
export function ruleInfo(ctx: ReportContext, f: Finding): RuleInfo {
  return ctx.rules.get(f.ruleId) ?? { id: f.ruleId, name: f.ruleName, severity: f.severity, references: [] };
}

/** Findings in runs of the same path (input is sorted by path, so runs are whole files). */
export function groupByPath<T extends Finding>(findings: readonly T[]): { path: string; findings: T[] }[] {
  const groups: { path: string; findings: T[] }[] = [];
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && last.path === f.origin.path) last.findings.push(f);
    else groups.push({ path: f.origin.path, findings: [f] });
  }
  return groups;
}

export function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

export function distinctPaths(findings: readonly Finding[]): number {
  return new Set(findings.map((f) => f.origin.path)).size;
}

export function scanTimes(ctx: ReportContext): { start: Date; end: Date } {
  const end = ctx.finishedAt ?? new Date();
  const start = ctx.startedAt ?? new Date(end.getTime() - Math.max(0, ctx.stats.elapsedMs));
  return { start, end };
}

/** Replace control characters (terminal escapes, NUL, newlines) with visible `\xNN` escapes. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Rejections that mean "looked like a key but is not one". */
export const LOOKALIKE_REASONS: readonly RejectReason[] = ['bad-checksum', 'bad-structure', 'low-entropy', 'placeholder'];
/** Rejections that mean "a real-looking key the user chose to silence". */
export const SUPPRESSION_REASONS: readonly RejectReason[] = ['inline-allow', 'allowlisted', 'baseline'];

/** `[[reason, count], ...]` for the given reasons with a non-zero count, largest first. */
export function reasonCounts(
  rejected: Partial<Record<RejectReason, number>>,
  reasons: readonly RejectReason[],
): [RejectReason, number][] {
  const out: [RejectReason, number][] = [];
  for (const r of reasons) {
    const n = rejected[r] ?? 0;
    if (n > 0) out.push([r, n]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}

/** Look-alikes in file and line order (workers report them in completion order). */
export function sortedLookalikes(list: readonly Lookalike[]): Lookalike[] {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}
