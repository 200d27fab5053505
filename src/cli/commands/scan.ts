import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { scan, scanText, type ScanOptions, type ScanResult } from '../../scan.js';
import { MAX_LOOKALIKES } from '../../engine/types.js';
import { parseSize } from '../../config/load.js';
import { FAIL_ON, type FailOn } from '../../config/suppress-keys.js';
import { failingFindings } from '../../suppress/fail-on.js';
import { getReporter, reporters } from '../../report/registry.js';
import { sortedLookalikes } from '../../report/common.js';
import { parseExitCode, reportTargets } from '../report-targets.js';
import type { ReportContext } from '../../report/types.js';
import { EXIT } from '../exit-codes.js';
import { useColor, type CliIO } from '../io.js';
import { toolVersion } from '../version.js';
import { writeFileAtomic } from '../write-file.js';

export const SCAN_HELP = `Usage: keyhound scan [options] [PATH...]

Scan files and directories (default: .) for secrets. PATH "-" reads standard input.

Options:
  -f, --format NAME       report format: ${Object.keys(reporters).join(', ')} (default: text)
  -o, --output FILE       write the report to FILE instead of standard output; repeat the pair
                          for several reports: --format sarif -o a.sarif --format text
      --exit-code N       exit code when findings fail the scan (default 1; 2 is reserved for errors)
      --no-annotations    in GitHub Actions, do not add ::error annotations to the text report
  -c, --config FILE       use this config file instead of the nearest .keyhound.yaml
      --no-config         ignore any .keyhound.yaml
      --unmask            show raw secrets in the report (never do this in CI logs)
      --max-file-size N   skip files larger than N (e.g. 10MB; default 10MB); in history, read
                          at most N bytes that one commit adds to a file
      --max-archive-depth N  archive layers to open (zip, jar, tar.gz, ...; a jar in a war
                          is 2; default 2); 0 scans no archive
      --no-gitignore      also scan files ignored by .gitignore
  -j, --threads N         worker threads for directory scans (default: number of cores)
      --staged            scan what \`git commit\` would record (index blobs, added lines only)
      --git [PATH]        scan git history of all refs (PATH: the repository, default .)
      --since REF         scan the commits in REF..HEAD (implies --git)
      --log-opts ARGS     extra \`git log\` arguments, e.g. "main..feature" (implies --git)
      --baseline FILE     accepted secrets (default: .keyhound-baseline at the scan root)
      --no-inline-allow   ignore inline allow markers (for audits)
      --show-suppressed   also list suppressed findings (masked) with their reasons
      --fail-on LEVEL     exit 1 only for findings of this severity or worse:
                          warn (default), error, or none
  -v, --verbose           list skipped files and the look-alikes dropped (where, rule, why)
  -h, --help              show this help

Exit codes: 0 no findings, 1 findings, 2 error.`;

export async function scanCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o', multiple: true },
        'exit-code': { type: 'string' },
        'no-annotations': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        unmask: { type: 'boolean' },
        'max-file-size': { type: 'string' },
        'max-archive-depth': { type: 'string' },
        'no-gitignore': { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        staged: { type: 'boolean' },
        git: { type: 'boolean' },
        since: { type: 'string' },
        'log-opts': { type: 'string' },
        baseline: { type: 'string' },
        'no-inline-allow': { type: 'boolean' },
        'show-suppressed': { type: 'boolean' },
        'fail-on': { type: 'string' },
        threads: { type: 'string', short: 'j' },
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
  const targets = reportTargets(parsed.tokens);
  const findingsExit = parseExitCode(v['exit-code']);
  let maxFileSize: number | undefined;
  if (v['max-file-size'] !== undefined) {
    maxFileSize = parseSize(v['max-file-size']);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size: \`${v['max-file-size']}\` is not a size`, 'write e.g. 10MB or 512KB');
  }
  let maxArchiveDepth: number | undefined;
  if (v['max-archive-depth'] !== undefined) {
    maxArchiveDepth = Number(v['max-archive-depth']);
    if (!/^[0-5]$/.test(v['max-archive-depth'])) throw new UsageError(`--max-archive-depth: \`${v['max-archive-depth']}\` is not a depth`, 'write a whole number from 0 to 5 (0 scans no archive)');
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
    ...(maxArchiveDepth !== undefined ? { maxArchiveDepth } : {}),
    ...(v.threads !== undefined ? { threads: parseThreads(v.threads) } : {}),
    ...(verbose ? { onSkip: (p: string, reason: string, detail?: string) => io.stderr(`skipped ${p}: ${reason}${detail ? ` (${detail})` : ''}\n`) } : {}),
    ...(verbose ? { collectLookalikes: true } : {}),
  };
  const failOnArg = v['fail-on'];
  if (failOnArg !== undefined && !(FAIL_ON as readonly string[]).includes(failOnArg)) {
    throw new UsageError(`--fail-on: \`${failOnArg}\` is not a level`, `use one of ${FAIL_ON.join(', ')}`);
  }
  opts.suppress = {
    inlineAllow: !v['no-inline-allow'],
    ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
  };
  opts.collectSuppressed = v['show-suppressed'] ?? false;
  let result: ScanResult;
  const gitMode = v.staged ? 'staged' : v.git || v.since !== undefined || v['log-opts'] !== undefined ? 'history' : undefined;
  if (v.staged && io.env['KEYHOUND_SKIP'] === '1') {
    io.stderr('keyhound: KEYHOUND_SKIP=1: staged scan skipped\n');
    return EXIT.clean;
  }
  if (gitMode) {
    if (parsed.positionals.length > 1 || (v.staged && (v.git || v.since !== undefined || v['log-opts'] !== undefined))) {
      throw new UsageError('--staged and --git take at most one repository path and do not mix', 'run `keyhound scan --staged` or `keyhound scan --git [PATH]`');
    }
    const { scanGit } = await import('../../sources/git-scan.js');
    result = await scanGit({
      mode: gitMode,
      env: io.env,
      note: (t) => io.stderr(`${t}\n`),
      ...(parsed.positionals[0] !== undefined ? { repo: parsed.positionals[0] } : {}),
      ...(v.since !== undefined ? { since: v.since } : {}),
      ...(v['log-opts'] !== undefined ? { logOpts: v['log-opts'] } : {}),
      ...(gitMode === 'history' && process.stderr.isTTY ? { progress: (t: string) => io.stderr(t) } : {}),
    }, { ...opts, paths: [] });
  } else if (parsed.positionals.includes('-')) {
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
    color: false,
    toolVersion: toolVersion(),
    scanTarget: parsed.positionals.length ? parsed.positionals.join(' ') : '.',
    ...(v['show-suppressed'] ? { showSuppressed: true } : {}),
  };
  for (const t of targets) {
    if (t.output) {
      writeFileAtomic(resolve(io.cwd, t.output), t.reporter.render(ctx));
      continue;
    }
    io.stdout(t.reporter.render({ ...ctx, color: useColor(io) }));
    // In GitHub Actions the text report also annotates the pull request (unless turned off).
    if (t.reporter.name === 'text' && io.env['GITHUB_ACTIONS'] === 'true' && !v['no-annotations']) {
      io.stdout(getReporter('github').render(ctx));
    }
  }
  for (const w of result.stats.warnings ?? []) io.stderr(`keyhound: warning: ${w}\n`);
  if (verbose) {
    // Why a key was not reported: each look-alike with its place, rule and reason (masked).
    const list = sortedLookalikes(result.stats.lookalikes ?? []);
    for (const l of list) {
      io.stderr(`look-alike ${l.path}:${l.line}${l.commit ? `@${l.commit.slice(0, 12)}` : ''}  ${l.rule}  ${l.masked}  (${l.reason})\n`);
    }
    if (list.length >= MAX_LOOKALIKES) io.stderr(`(the first ${MAX_LOOKALIKES} look-alikes are listed)\n`);
    const r = Object.entries(result.stats.rejected).map(([k, n]) => `${k} ${n}`).join(', ');
    io.stderr(`candidates dropped: ${r || 'none'}\n`);
  }
  if (v.staged && result.findings.length > 0) io.stderr((await import('../../sources/git-scan.js')).STAGED_BLOCKED_HINT);
  const failOn = (failOnArg as FailOn | undefined) ?? result.config.failOn ?? 'warn';
  return failingFindings(result.findings, failOn) > 0 ? findingsExit : EXIT.clean;
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads: \`${value}\` is not a thread count`, 'use a whole number from 1 to 64');
  return n;
}
