import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { scan, scanText, type ScanOptions, type ScanResult } from '../../scan.js';
import { parseSize } from '../../config/load.js';
import { getReporter, reporters } from '../../report/registry.js';
import type { ReportContext } from '../../report/types.js';
import { EXIT } from '../exit-codes.js';
import { useColor, type CliIO } from '../io.js';
import { toolVersion } from '../version.js';
import { writeFileAtomic } from '../write-file.js';

export const SCAN_HELP = `Usage: keyhound scan [options] [PATH...]

Scan files and directories (default: .) for secrets. PATH "-" reads standard input.

Options:
  -f, --format NAME       report format: ${Object.keys(reporters).join(', ')} (default: text)
  -o, --output FILE       write the report to FILE instead of standard output
  -c, --config FILE       use this config file instead of the nearest .keyhound.yaml
      --no-config         ignore any .keyhound.yaml
      --unmask            show raw secrets in the report (never do this in CI logs)
      --max-file-size N   skip files larger than N (e.g. 10MB; default 10MB)
      --no-gitignore      also scan files ignored by .gitignore
  -v, --verbose           list skipped files and why candidates were dropped
  -h, --help              show this help

Exit codes: 0 no findings, 1 findings, 2 error.`;

export async function scanCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        unmask: { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'no-gitignore': { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound scan --help`');
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${SCAN_HELP}\n`);
    return EXIT.clean;
  }
  const reporter = getReporter(v.format ?? 'text');
  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    maxFileSize = parseSize(v['max-file-size']);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size: \`${v['max-file-size']}\` is not a size`, 'write e.g. 10MB or 512KB');
  }
  const verbose = v.verbose ?? false;
  const opts: ScanOptions = {
    cwd: io.cwd,
    paths: parsed.positionals.filter((p) => p !== '-'),
    unmask: v.unmask ?? false,
    gitignore: !v['no-gitignore'],
    noConfig: v['no-config'] ?? false,
    ...(v.config ? { config: v.config } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(verbose ? { onSkip: (p: string, reason: string, detail?: string) => io.stderr(`skipped ${p}: ${reason}${detail ? ` (${detail})` : ''}\n`) } : {}),
  };
  let result: ScanResult;
  if (parsed.positionals.includes('-')) {
    if (parsed.positionals.length > 1) throw new UsageError('`-` (standard input) cannot be combined with paths', 'scan stdin and paths in two runs');
    result = await scanText(await io.readStdin(), 'stdin', opts);
  } else {
    result = await scan(opts);
  }
  const ctx: ReportContext = {
    findings: result.findings,
    stats: result.stats,
    suppressed: result.suppressed,
    rules: new Map(result.ruleset.rules.map((r) => [r.data.id, {
      id: r.data.id,
      name: r.data.name,
      severity: r.data.severity,
      references: r.data.references,
      ...(r.data.description ? { description: r.data.description } : {}),
    }])),
    color: v.output ? false : useColor(io),
    toolVersion: toolVersion(),
    scanTarget: parsed.positionals.length ? parsed.positionals.join(' ') : '.',
  };
  const report = reporter.render(ctx);
  if (v.output) writeFileAtomic(resolve(io.cwd, v.output), report);
  else io.stdout(report);
  if (verbose) {
    const r = Object.entries(result.stats.rejected).map(([k, n]) => `${k} ${n}`).join(', ');
    io.stderr(`candidates dropped: ${r || 'none'}\n`);
  }
  return result.findings.length > 0 ? EXIT.findings : EXIT.clean;
}
