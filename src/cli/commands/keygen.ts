import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';
import { KEY_ENCODINGS, isKeyEncoding, prefixProblem, type KeyEncoding } from '../../keygen/format.js';
import { generateKey, type GeneratedKey } from '../../keygen/generate.js';
import { ruleYaml } from '../../keygen/rule.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';

const MAX_COUNT = 10_000;

const HELP = `Usage: keyhound keygen --prefix PREFIX [options]

Mint a key: PREFIX + 32 random bytes + a 6-character base62 CRC32 of prefix and body, so a
scanner can prove a leaked key is one of yours and ignore look-alikes. Nothing is written to disk.

Options:
  -p, --prefix PREFIX   2-32 characters of a-z, 0-9 and _, ending with _ (e.g. myapp_live_)
  -e, --encoding NAME   body encoding: ${KEY_ENCODINGS.join(', ')} (default base62)
  -n, --count N         mint N keys (default 1)
      --json            JSON: {key, sha256, masked, prefix, encoding} (an array when N > 1)
  -q, --quiet, --raw    print only the key(s), one per line: KEY=$(keyhound keygen -p x_ -q)
      --rule            print a rule for .keyhound.yaml that detects these keys (no key is minted)
  -h, --help            show this help

Store only the SHA-256; the key is shown once. \`keyhound hash\` hashes a key from standard input.`;

export async function keygenCommand(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        prefix: { type: 'string', short: 'p' },
        encoding: { type: 'string', short: 'e' },
        count: { type: 'string', short: 'n' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        raw: { type: 'boolean' },
        rule: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/, ''), 'run `keyhound keygen --help`');
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  if (v.prefix === undefined) throw new UsageError('--prefix is required', 'e.g. `keyhound keygen --prefix myapp_live_`');
  const problem = prefixProblem(v.prefix);
  if (problem) throw new UsageError(`--prefix: ${problem.message}`, problem.fix);
  const encoding = v.encoding ?? 'base62';
  if (!isKeyEncoding(encoding)) {
    throw new UsageError(`--encoding: \`${encoding}\` is not an encoding`, `use one of: ${KEY_ENCODINGS.join(', ')}`);
  }
  const quiet = Boolean(v.quiet || v.raw);
  if (v.rule) {
    if (v.json || quiet || v.count !== undefined) {
      throw new UsageError('--rule prints only the rule; it cannot be combined with --json, --quiet or --count',
        'run `keyhound keygen --rule` and `keyhound keygen` separately');
    }
    io.stdout(ruleYaml(v.prefix, encoding));
    return EXIT.clean;
  }
  if (v.json && quiet) throw new UsageError('--json and --quiet exclude each other', 'choose one');
  const count = parseCount(v.count);
  const keys: GeneratedKey[] = [];
  for (let i = 0; i < count; i++) keys.push(generateKey({ prefix: v.prefix, encoding }));
  io.stdout(render(keys, v.prefix, encoding, v.json ? 'json' : quiet ? 'quiet' : 'text'));
  if (!v.json && !quiet && io.isTTY) {
    io.stderr(`\nShown once: store only the sha256. \`keyhound keygen --prefix ${v.prefix} --rule\` prints a rule that detects ${count > 1 ? 'these keys' : 'this key'}.\n`);
  }
  return EXIT.clean;
}

function parseCount(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
    throw new UsageError(`--count: \`${raw}\` is not a number from 1 to ${MAX_COUNT}`, 'e.g. `--count 5`');
  }
  return n;
}

function render(keys: readonly GeneratedKey[], prefix: string, encoding: KeyEncoding, mode: 'json' | 'quiet' | 'text'): string {
  if (mode === 'json') {
    const records = keys.map((k) => ({ key: k.key, sha256: k.sha256, masked: k.masked, prefix, encoding }));
    return `${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`;
  }
  if (mode === 'quiet') return keys.map((k) => `${k.key}\n`).join('');
  // The key alone on its first line (easy to select and copy), then the storable facts, labelled.
  return keys.map((k) => `${k.key}\n\n  sha256 (store this)  ${k.sha256}\n  masked (for logs)    ${k.masked}\n`).join('\n');
}
