// Stable machine-readable output. The schema (version 1) is documented field by field in README.md;
// keys are written in a fixed order so equal input gives byte-equal output.
import type { Finding, Lookalike, RejectReason } from '../engine/types.js';
import { countSeverities, distinctPaths, sortedLookalikes, TOOL_NAME } from './common.js';
import type { ReportContext, Reporter, SuppressedFinding } from './types.js';

export const JSON_SCHEMA_VERSION = 1;

export function findingRecord(f: Finding): Record<string, unknown> {
  const r: Record<string, unknown> = {
    rule: f.ruleId,
    name: f.ruleName,
    severity: f.severity,
    file: f.origin.path,
    line: f.line,
    column: f.column,
    end_line: f.endLine,
    end_column: f.endColumn,
    masked: f.masked,
    fingerprint: f.fingerprint,
    notes: [...f.notes],
  };
  if (f.origin.kind === 'commit') {
    r['commit'] = f.origin.commit;
    r['author'] = f.origin.author;
    r['email'] = f.origin.email;
    r['date'] = f.origin.date;
  }
  r['source'] = f.origin.kind;
  // Only present after --unmask: the Finding type carries it then and only then.
  if (f.secret !== undefined) r['secret'] = f.secret;
  return r;
}

function suppressedRecord(s: SuppressedFinding): Record<string, unknown> {
  return { ...findingRecord(s), reason: s.reason, via: s.via };
}

function lookalikeRecord(l: Lookalike): Record<string, unknown> {
  return { file: l.path, line: l.line, ...(l.commit ? { commit: l.commit } : {}), rule: l.rule, masked: l.masked, reason: l.reason };
}

function render(ctx: ReportContext): string {
  const { stats } = ctx;
  const suppressed = ctx.suppressed ?? [];
  const { errors, warnings } = countSeverities(ctx.findings);
  const rejected: Record<string, number> = {};
  for (const key of Object.keys(stats.rejected).sort() as RejectReason[]) {
    const n = stats.rejected[key];
    if (n !== undefined) rejected[key] = n;
  }
  const doc = {
    version: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: ctx.toolVersion },
    target: ctx.scanTarget,
    summary: {
      findings: ctx.findings.length,
      errors,
      warnings,
      files_with_findings: distinctPaths(ctx.findings),
      suppressed: suppressed.length,
    },
    findings: ctx.findings.map(findingRecord),
    suppressed: suppressed.map(suppressedRecord),
    stats: {
      files_scanned: stats.filesScanned,
      bytes_scanned: stats.bytesScanned,
      skipped: {
        binary: stats.skipped.binary,
        too_large: stats.skipped.tooLarge,
        unreadable: stats.skipped.unreadable,
        other: stats.skipped.other,
      },
      rejected,
      warnings: [...(stats.warnings ?? [])],
      // Only with --verbose (the scan collects them then): why a key-shaped value was not reported.
      ...(stats.lookalikes ? { lookalikes: sortedLookalikes(stats.lookalikes).map(lookalikeRecord) } : {}),
      elapsed_ms: Math.round(stats.elapsedMs),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const json: Reporter = {
  name: 'json',
  description: 'Stable JSON (schema version 1, see the report README)',
  fileExtension: '.json',
  render,
};
