// GitHub Actions workflow commands: one annotation per finding.
import type { Finding } from '../engine/types.js';
import { shortSha, shownValue } from './common.js';
import type { ReportContext, Reporter, SuppressedFinding } from './types.js';

/** Escaping GitHub applies to command data (the message). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for property values: data escaping plus `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', f: Finding, extra = ''): string {
  // Standard input has no file in the checkout to annotate: a plain annotation then.
  const at =
    f.origin.kind === 'stdin'
      ? []
      : [`file=${escapeProperty(f.origin.path)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`];
  const props = [...at, `title=${escapeProperty(f.ruleId)}`].join(',');
  const commit =
    f.origin.kind === 'commit' ? ` (commit ${shortSha(f.origin.commit)} by ${f.origin.author}, ${f.origin.date})` : '';
  const notes = f.notes.length > 0 ? ` [${f.notes.join('; ')}]` : '';
  const msg = `${f.ruleName}: ${shownValue(f)}${commit}${notes}${extra}`;
  return `::${kind} ${props}::${escapeData(msg)}`;
}

function render(ctx: ReportContext): string {
  const lines = ctx.findings.map((f) => command(f.severity === 'error' ? 'error' : 'warning', f));
  if (ctx.showSuppressed) {
    for (const s of ctx.suppressed ?? ([] as SuppressedFinding[])) {
      lines.push(command('notice', s, ` (suppressed by ${s.via}: ${s.reason})`));
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export const github: Reporter = {
  name: 'github',
  description: 'GitHub Actions annotations (::error / ::warning workflow commands)',
  fileExtension: '.txt',
  render,
};
