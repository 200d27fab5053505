// Human output: findings grouped by file, then a summary. The only format that uses color.
import pc from 'picocolors';
import type { Finding, ScanStats } from '../engine/types.js';
import {
  countSeverities,
  distinctPaths,
  groupByPath,
  LOOKALIKE_REASONS,
  plural,
  printable,
  reasonCounts,
  shortSha,
  shownValue,
  SUPPRESSION_REASONS,
} from './common.js';
import type { ReportContext, Reporter, SuppressedFinding } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

function location(f: Finding): string {
  const at = `${f.line}:${f.column}`;
  if (f.origin.kind !== 'commit') return at;
  const { commit, author, date } = f.origin;
  return `${at} ${shortSha(commit)} ${printable(author)} ${printable(date.slice(0, 10))}`;
}

function fileHeader(path: string, findings: readonly Finding[], c: Colors): string {
  const kinds = new Set(findings.map((f) => f.origin.kind));
  const tag = kinds.has('staged') ? ' (staged)' : kinds.has('stdin') ? ' (stdin)' : kinds.has('commit') ? ' (history)' : '';
  return c.underline(c.bold(printable(path))) + c.dim(tag);
}

function findingLines(findings: readonly Finding[], c: Colors, reasons?: ReadonlyMap<Finding, string>): string[] {
  const ruleWidth = Math.max(...findings.map((f) => f.ruleId.length));
  const lines: string[] = [];
  for (const group of groupByPath(findings)) {
    const locWidth = Math.max(...group.findings.map((f) => location(f).length));
    lines.push(fileHeader(group.path, group.findings, c));
    for (const f of group.findings) {
      const sev = f.severity === 'error' ? c.red('(error)') : c.yellow('(warn)');
      const notes = f.notes.length > 0 ? `  ${c.dim(printable(f.notes.join('; ')))}` : '';
      const why = reasons?.get(f);
      const suppressed = why !== undefined ? `  ${c.dim(`suppressed: ${printable(why)}`)}` : '';
      lines.push(
        `  ${c.dim(location(f).padEnd(locWidth))}  ${c.cyan(f.ruleId.padEnd(ruleWidth))}  ${printable(shownValue(f))}  ${sev}${notes}${suppressed}`,
      );
    }
    lines.push('');
  }
  return lines;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function skippedPart(stats: ScanStats): string | undefined {
  const { binary, tooLarge, unreadable, other } = stats.skipped;
  const parts: string[] = [];
  if (binary > 0) parts.push(`${binary} binary`);
  if (tooLarge > 0) parts.push(`${tooLarge} too large`);
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  if (other > 0) parts.push(`${other} other`);
  const total = binary + tooLarge + unreadable + other;
  return parts.length > 0 ? `${plural(total, 'file')} skipped: ${parts.join(', ')}` : undefined;
}

function reasonPart(stats: ScanStats, which: 'lookalike' | 'suppressed'): string | undefined {
  const counts = reasonCounts(stats.rejected, which === 'lookalike' ? LOOKALIKE_REASONS : SUPPRESSION_REASONS);
  if (counts.length === 0) return undefined;
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const detail = counts.map(([r, n]) => `${n} ${r.replace(/-/g, ' ')}`).join(', ');
  return which === 'lookalike'
    ? `${total} ${total === 1 ? 'look-alike' : 'look-alikes'} dropped: ${detail}`
    : `${total} suppressed: ${detail}`;
}

function render(ctx: ReportContext): string {
  const c = pc.createColors(ctx.color);
  const { findings, stats } = ctx;
  const scanned = `${plural(stats.filesScanned, 'file')} scanned (${formatBytes(stats.bytesScanned)})`;
  const extras = [skippedPart(stats), reasonPart(stats, 'lookalike'), reasonPart(stats, 'suppressed')].filter(
    (p): p is string => p !== undefined,
  );
  const elapsed = `in ${formatElapsed(stats.elapsedMs)}`;

  if (findings.length === 0 && !(ctx.showSuppressed && ctx.suppressed && ctx.suppressed.length > 0)) {
    const tail = extras.length > 0 ? `; ${extras.join('; ')}` : '';
    return `${c.green('✔')} No secrets found: ${scanned} ${elapsed}${tail}\n`;
  }

  const out: string[] = [];
  if (findings.length > 0) out.push(...findingLines(findings, c));
  if (ctx.showSuppressed && ctx.suppressed && ctx.suppressed.length > 0) {
    out.push(c.dim(`Suppressed (${ctx.suppressed.length}):`), '');
    const reasons = new Map<Finding, string>(ctx.suppressed.map((s: SuppressedFinding) => [s, `${s.via}: ${s.reason}`]));
    out.push(...findingLines(ctx.suppressed, c, reasons));
  }
  const { errors, warnings } = countSeverities(findings);
  const headline = `${plural(findings.length, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(distinctPaths(findings), 'file')}`;
  const mark = findings.length === 0 ? c.green('✔') : errors > 0 ? c.red('✖') : c.yellow('!');
  out.push(`${mark} ${c.bold(headline)}`);
  out.push(`  ${scanned} ${elapsed}`);
  for (const e of extras) out.push(`  ${e}`);
  return `${out.join('\n')}\n`;
}

export const text: Reporter = {
  name: 'text',
  description: 'Human-readable findings grouped by file, with a summary (colored on a terminal)',
  fileExtension: '.txt',
  render,
};
