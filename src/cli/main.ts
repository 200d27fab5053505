// keyhound command line: parse the command, run it, return an exit code. Never calls process.exit.
import { KeyhoundError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
export { processIO } from './io.js';
import { toolVersion } from './version.js';

const HELP = `keyhound ${'${version}'} — find secrets before they leak

Usage: keyhound <command> [options]

Commands:
  scan [PATH...]     scan files and directories (default .)
  baseline [PATH]    accept the current findings in .keyhound-baseline (--update: prune only)
  rules              list the rules in effect
  rules test [FILE]  check every rule's examples and negative examples
  init               install the pre-commit hook (husky or plain git hook)
  uninstall          remove keyhound's pre-commit hook
  keygen --prefix P  mint a key with a checksum (--rule: a rule that detects such keys)
  hash               print the SHA-256 of a key read from standard input
  version            print the version
  help               show this help

Run \`keyhound <command> --help\` for a command's options.`;

type Command = (args: string[], io: CliIO) => Promise<number>;

// Commands are imported on demand: a pre-commit run loads only what it needs.
const commands: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  baseline: async () => (await import('./commands/baseline.js')).baselineCommand,
  keygen: async () => (await import('./commands/keygen.js')).keygenCommand,
  hash: async () => (await import('./commands/hash.js')).hashCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  uninstall: async () => (await import('./commands/uninstall.js')).uninstallCommand,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      io.stdout(`${HELP.replace('${version}', toolVersion())}\n`);
      return name === undefined ? EXIT.error : EXIT.clean;
    }
    if (name === 'version' || name === '--version' || name === '-V') {
      io.stdout(`${toolVersion()}\n`);
      return EXIT.clean;
    }
    const load = commands[name];
    if (!load) {
      io.stderr(`keyhound: unknown command \`${name}\`. Fix: run \`keyhound help\` for the commands.\n`);
      return EXIT.error;
    }
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof KeyhoundError) {
      io.stderr(`keyhound: ${e.format()}\n`);
      return EXIT.error;
    }
    io.stderr(`keyhound: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.error;
  }
}
