// Which report goes where: `--format sarif --output a.sarif --format text` writes SARIF to a.sarif
// and text to standard output. Each --output belongs to the --format before it.
import { UsageError } from '../errors.js';
import { getReporter } from '../report/registry.js';
import type { Reporter } from '../report/types.js';

export interface ReportTarget {
  reporter: Reporter;
  /** File to write, or undefined for standard output. */
  output: string | undefined;
}

interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

export function reportTargets(tokens: readonly OptionToken[]): ReportTarget[] {
  const targets: Array<{ format: string | undefined; output: string | undefined }> = [];
  for (const t of tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    if (t.name === 'format') targets.push({ format: t.value, output: undefined });
    else if (t.name === 'output') {
      const last = targets[targets.length - 1];
      if (last && last.output === undefined) last.output = t.value;
      else targets.push({ format: undefined, output: t.value }); // --output before any --format: text
    }
  }
  if (targets.length === 0) targets.push({ format: undefined, output: undefined });
  const toStdout = targets.filter((t) => t.output === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`${toStdout.length} formats would be written to standard output`, 'give each --format but one its own --output FILE');
  }
  return targets.map((t) => ({ reporter: getReporter(t.format ?? 'text'), output: t.output }));
}

/** `--exit-code N`: the exit code for findings. 2 stays reserved for errors. */
export function parseExitCode(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 125 || n === 2) {
    throw new UsageError(`--exit-code: \`${value}\` is not allowed`, 'use a whole number from 0 to 125 other than 2 (2 means an error)');
  }
  return n;
}
