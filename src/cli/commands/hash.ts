import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { hashKey } from '../../keygen/generate.js';
import { readHidden, type HiddenInput } from '../../keygen/read-hidden.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const HELP = `Usage: keyhound hash < key-file
       printf '%s' "$KEY" | keyhound hash

Print the SHA-256 (hex) of a key read from standard input, so only the hash is stored.
One trailing newline is removed. On a terminal the key is read without echo.
The key is never accepted as an argument: arguments are visible to other users in \`ps\`.`;

export async function hashCommand(args: string[], io: CliIO): Promise<number> {
  return runHash(args, io, process.stdin);
}

/** `input` is the terminal to read from when standard input is one (tests pass a fake). */
export async function runHash(args: string[], io: CliIO, input: HiddenInput | undefined): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound hash --help`');
  }
  if (parsed.values.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  if (parsed.positionals.length > 0) {
    // Do not echo the argument back: it may be the key.
    throw new UsageError('`keyhound hash` takes no arguments (a key in the arguments leaks to `ps` and shell history)',
      "pipe the key in: printf '%s' \"$KEY\" | keyhound hash");
  }
  let key: string;
  if (input?.isTTY) {
    try {
      key = await readHidden(input, () => io.stderr('Key (input hidden): '));
    } finally {
      io.stderr('\n');
    }
  } else {
    key = (await io.readStdin()).replace(/\r?\n$/, '');
  }
  if (key === '') {
    throw new UsageError('no key on standard input', "pipe the key in: printf '%s' \"$KEY\" | keyhound hash");
  }
  io.stdout(`${hashKey(key)}\n`);
  return EXIT.clean;
}
