import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { installHook } from '../../hooks/install.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const HELP = `Usage: keyhound init [options]

Install the pre-commit hook that runs \`keyhound scan --staged\`.
With husky in the project (.husky/ or a husky dependency) the scan is added to .husky/pre-commit;
otherwise a git hook is written where git looks for hooks (core.hooksPath is honoured). An existing
foreign hook is kept and chained (it runs first). Running init again is harmless.

Options:
      --husky      add to .husky/pre-commit even if husky was not detected
      --git-hook   write a plain git hook even if husky is present
      --force      replace a chained hook left by an earlier install
  -h, --help       show this help

Bypass once, knowingly: git commit --no-verify (or KEYHOUND_SKIP=1; HUSKY=0 under husky).
Remove with \`keyhound uninstall\`.`;

export async function initCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        husky: { type: 'boolean' },
        'git-hook': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound init --help`');
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  if (v.husky && v['git-hook']) throw new UsageError('--husky and --git-hook exclude each other', 'pick one');
  const r = installHook({ cwd: io.cwd, husky: v.husky ?? false, gitHook: v['git-hook'] ?? false, force: v.force ?? false });
  const what = r.kind === 'husky' ? 'husky pre-commit hook' : 'git pre-commit hook';
  const verb = { installed: 'installed', updated: 'updated', unchanged: 'already installed', chained: 'installed (chained)' }[r.action];
  io.stdout(`keyhound: ${what} ${verb}: ${r.path}\n`);
  for (const n of r.notes) io.stdout(`  note: ${n}\n`);
  return EXIT.clean;
}
