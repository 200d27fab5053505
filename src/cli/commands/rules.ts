import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { resolveConfig } from '../../scan.js';
import { builtinSpecs } from '../../rules/builtin.js';
import { testRules } from '../../rules/self-test.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const HELP = `Usage: keyhound rules [list|test] [options]

  keyhound rules            list every rule (built-in and from .keyhound.yaml) with severity and checks
  keyhound rules test       check each rule's examples (must be found) and negative examples (must not)

Options:
  -c, --config FILE   use this config file (its rules are listed and tested too)
      --no-config     built-in rules only
      --json          machine-readable output`;

export async function rulesCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message, 'run `keyhound rules --help`');
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  const sub = parsed.positionals[0] ?? 'list';
  const config = resolveConfig({ cwd: io.cwd, noConfig: v['no-config'] ?? false, ...(v.config ? { config: v.config } : {}) });
  const specs = [...builtinSpecs(), ...config.rules];
  if (sub === 'list') {
    if (v.json) {
      io.stdout(`${JSON.stringify(specs.map((s) => ({ id: s.id, name: s.name, severity: s.severity, enabled: s.enabled,
        keywords: s.keywords, checksum: s.checksum?.algorithm ?? null, validate: s.validate, detector: s.detector ?? null, path: s.path ?? null, fallback: s.fallback, source: s.source.file })), null, 2)}\n`);
    } else {
      for (const s of specs) {
        const checks = [s.detector ? `detector:${s.detector}` : '', s.checksum ? `checksum:${s.checksum.algorithm}` : '', ...s.validate.map((x) => `validate:${x}`), s.path ? `path:${s.path}` : '', s.fallback ? 'fallback' : '']
          .filter(Boolean).join(' ');
        io.stdout(`${s.id.padEnd(40)} ${s.severity.padEnd(5)} ${s.enabled ? '' : '(disabled) '}${checks}\n`);
      }
      io.stdout(`${specs.length} rules (${specs.filter((s) => s.enabled).length} enabled)\n`);
    }
    return EXIT.clean;
  }
  if (sub === 'test') {
    const report = testRules(specs);
    if (v.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const f of report.failures) io.stdout(`FAIL ${f.where} ${f.ruleId}: ${f.message}\n`);
      io.stdout(`${report.rules} rules, ${report.examples} examples, ${report.negatives} negative examples: ` +
        `${report.failures.length === 0 ? 'all pass' : `${report.failures.length} failures`}\n`);
    }
    return report.failures.length === 0 ? EXIT.clean : EXIT.findings;
  }
  throw new UsageError(`unknown subcommand \`rules ${sub}\``, 'use `keyhound rules list` or `keyhound rules test`');
}
