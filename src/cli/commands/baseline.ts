import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { scan } from '../../scan.js';
import { Baseline, BASELINE_NAME, ensureUnionMerge, writeBaseline, type BaselineEntry } from '../../suppress/index.js';
import { entryKey, gitRoot } from '../../suppress/baseline.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

export const BASELINE_HELP = `Usage: keyhound baseline [options] [PATH]

Accept the secrets found now under PATH (default: .): write them to PATH/${BASELINE_NAME},
one per line as "fingerprint  rule  path" (sorted; no line numbers, no secrets). Later scans of
PATH skip these; a changed secret, or the same secret in another file, is reported again.
Findings already allowed by inline markers or config allowlists are not written.

Options:
      --update            only remove entries that no longer match a finding (adds nothing);
                          without it the file is rewritten with every current finding
  -b, --baseline FILE     the baseline file (default: PATH/${BASELINE_NAME})
  -c, --config FILE       use this config file instead of the nearest .keyhound.yaml
      --no-config         ignore any .keyhound.yaml
      --no-gitignore      also scan files ignored by .gitignore
      --no-gitattributes  do not add "${BASELINE_NAME} merge=union" to .gitattributes
  -h, --help              show this help

In a git repository the .gitattributes line lets two branches that each accept a secret merge
without a conflict.`;

export async function baselineCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        update: { type: 'boolean' },
        baseline: { type: 'string', short: 'b' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'no-gitignore': { type: 'boolean' },
        'no-gitattributes': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound baseline --help`');
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${BASELINE_HELP}\n`);
    return EXIT.clean;
  }
  if (parsed.positionals.length > 1) throw new UsageError('`baseline` takes one PATH', 'run it once per directory');
  const target = parsed.positionals[0] ?? '.';
  const abs = resolve(io.cwd, target);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new UsageError(`cannot find ${target}`, 'pass an existing directory');
  }
  const file = v.baseline !== undefined ? resolve(io.cwd, v.baseline) : join(isDir ? abs : dirname(abs), BASELINE_NAME);
  const shown = relative(io.cwd, file) || file;
  const old = existsSync(file) ? Baseline.read(file, io.cwd) : undefined;
  if (v.update && !old) throw new UsageError(`--update: there is no ${shown}`, 'run `keyhound baseline` first to create it');

  const result = await scan({
    cwd: io.cwd,
    paths: [target],
    gitignore: !v['no-gitignore'],
    noConfig: v['no-config'] ?? false,
    ...(v.config ? { config: v.config } : {}),
    suppress: { baseline: false },
  });
  // scan() reports paths relative to a single scanned directory.
  const writer = new Baseline(file, [], isDir ? abs : io.cwd);
  const current = result.findings.map((f) => writer.entryFor(f));
  let entries: BaselineEntry[];
  if (v.update && old) {
    const live = new Set(current.map(entryKey));
    entries = old.entries.filter((e) => live.has(entryKey(e)));
  } else entries = current;

  const before = new Set((old?.entries ?? []).map(entryKey));
  const after = new Set(entries.map(entryKey));
  const added = [...after].filter((k) => !before.has(k)).length;
  const removed = [...before].filter((k) => !after.has(k)).length;
  writeBaseline(file, entries);
  io.stdout(`keyhound: wrote ${shown}: ${after.size} ${after.size === 1 ? 'entry' : 'entries'} (${added} added, ${removed} removed)\n`);
  if (!v['no-gitattributes'] && gitRoot(dirname(file)) !== undefined && ensureUnionMerge(file)) {
    const attrs = relative(io.cwd, join(dirname(file), '.gitattributes')) || '.gitattributes';
    io.stdout(`keyhound: added "${BASELINE_NAME} merge=union" to ${attrs}, so branches that each accept a secret merge cleanly; commit it with the baseline\n`);
  }
  return EXIT.clean;
}
