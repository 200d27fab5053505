import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { uninstallHook } from '../../hooks/install.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const HELP = `Usage: keyhound uninstall

Remove what \`keyhound init\` added: its line in .husky/pre-commit and its git pre-commit hook.
A hook that was chained at install time is put back. Nothing else is touched.`;

export async function uninstallCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound uninstall --help`');
  }
  if (parsed.values.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  const r = uninstallHook({ cwd: io.cwd });
  if (r.changed.length === 0) io.stdout('keyhound: no keyhound hook found; nothing changed\n');
  for (const p of r.changed) io.stdout(`keyhound: removed keyhound's hook from ${p}\n`);
  if (r.restored) io.stdout(`keyhound: restored your previous hook: ${r.restored}\n`);
  return EXIT.clean;
}
