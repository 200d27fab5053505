// RFC 4180 CSV (CRLF line ends, a header row) that is also safe to open in a spreadsheet.
import type { Finding } from '../engine/types.js';
import type { ReportContext, Reporter, SuppressedFinding } from './types.js';

/** Quote when needed (RFC 4180) and defuse formula injection: a cell starting with `=`, `+`, `-`, `@`
 *  (or tab / CR, which some spreadsheets skip before a formula) gets a leading `'`. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const BASE = [
  'rule',
  'name',
  'severity',
  'file',
  'line',
  'column',
  'end_line',
  'end_column',
  'masked',
  'fingerprint',
  'source',
  'commit',
  'author',
  'email',
  'date',
  'notes',
] as const;

function baseRow(f: Finding): (string | number)[] {
  const c = f.origin.kind === 'commit' ? f.origin : undefined;
  return [
    f.ruleId,
    f.ruleName,
    f.severity,
    f.origin.path,
    f.line,
    f.column,
    f.endLine,
    f.endColumn,
    f.masked,
    f.fingerprint,
    f.origin.kind,
    c?.commit ?? '',
    c?.author ?? '',
    c?.email ?? '',
    c?.date ?? '',
    f.notes.join('; '),
  ];
}

function render(ctx: ReportContext): string {
  const suppressed: readonly SuppressedFinding[] = ctx.showSuppressed ? (ctx.suppressed ?? []) : [];
  const rows: { f: Finding; status: string; reason: string }[] = [
    ...ctx.findings.map((f) => ({ f, status: 'open', reason: '' })),
    ...suppressed.map((s) => ({ f: s as Finding, status: 'suppressed', reason: `${s.via}: ${s.reason}` })),
  ];
  // The secret column exists only when some finding carries a secret (--unmask).
  const withSecret = rows.some((r) => r.f.secret !== undefined);
  const withStatus = suppressed.length > 0;
  const header: string[] = [...BASE];
  if (withSecret) header.push('secret');
  if (withStatus) header.push('status', 'suppression');
  const lines = [header.map(csvCell).join(',')];
  for (const { f, status, reason } of rows) {
    const cells = baseRow(f);
    if (withSecret) cells.push(f.secret ?? '');
    if (withStatus) cells.push(status, reason);
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const csv: Reporter = {
  name: 'csv',
  description: 'CSV (RFC 4180) with one row per finding, safe to open in spreadsheets',
  fileExtension: '.csv',
  render,
};
