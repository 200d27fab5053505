// The rule that detects keys minted with a prefix: ready to paste into .keyhound.yaml.
// Its examples are shapes with a deliberately wrong checksum (never a valid key): the rule
// self-test repairs them at test time.
import { randomBytes } from 'node:crypto';
import { BODY_CLASS, BODY_LENGTH, CHECKSUM_YAML, CHECK_LENGTH, appendCheck, assertPrefix, type KeyEncoding } from './format.js';
import { encodeBody } from './generate.js';
import { BASE62_ALPHABET } from '../checksums/codec/base62.js';

/** `myapp_live_` -> `myapp-live-key`. */
export function ruleIdFor(prefix: string): string {
  const stem = prefix.replace(/_+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem}-key`;
}

/** A key-shaped string whose check digits are certainly wrong. */
export function wrongChecksumShape(prefix: string, encoding: KeyEncoding): string {
  const valid = appendCheck(prefix, encodeBody(randomBytes(32), encoding));
  const last = valid.at(-1)!;
  const other = BASE62_ALPHABET[(BASE62_ALPHABET.indexOf(last) + 1) % BASE62_ALPHABET.length]!;
  return valid.slice(0, -1) + other;
}

/** The regex source: named groups secret/prefix/body/check, word-bounded. */
export function rulePattern(prefix: string, encoding: KeyEncoding): string {
  // The prefix is [a-z0-9_] only, so it needs no escaping. The lookarounds keep a longer run of
  // key characters from matching in part (\b would let a base64url `-` end a match early).
  const body = `${BODY_CLASS[encoding]}{${BODY_LENGTH[encoding]}}`;
  return `(?<![0-9A-Za-z_-])(?<secret>(?<prefix>${prefix})(?<body>${body})(?<check>[0-9A-Za-z]{${CHECK_LENGTH}}))(?![0-9A-Za-z_-])`;
}

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** YAML text of a rule file holding the one rule (also valid as a whole .keyhound.yaml). */
export function ruleYaml(prefix: string, encoding: KeyEncoding = 'base62'): string {
  assertPrefix(prefix);
  const id = ruleIdFor(prefix);
  const envName = `${prefix.replace(/_+$/, '').toUpperCase()}_KEY`;
  const shape = wrongChecksumShape(prefix, encoding);
  const shortBody = encodeBody(randomBytes(32), encoding).slice(0, 20);
  const cs = CHECKSUM_YAML;
  return [
    `# Detects keys minted by \`keyhound keygen --prefix ${prefix}${encoding === 'base62' ? '' : ` --encoding ${encoding}`}\`:`,
    `# prefix + ${BODY_LENGTH[encoding]} ${encoding} characters + ${CHECK_LENGTH}-character base62 CRC32 of prefix + body.`,
    '# Paste the item under `rules:` in .keyhound.yaml, or save this output as a file listed in `rule_files:`.',
    '# The example is a shape with a wrong checksum; `keyhound rules test` repairs it to prove the rule.',
    'rules:',
    `  - id: ${id}`,
    `    name: ${q(`Own app key (${prefix})`)}`,
    '    severity: error',
    `    keywords: [${q(prefix)}]`,
    `    pattern: ${q(rulePattern(prefix, encoding))}`,
    '    checksum:',
    '      algorithm: crc32',
    `      over: [${cs.over.join(', ')}]`,
    `      expect: ${cs.expect}`,
    `      encoding: ${cs.encoding}`,
    `      width: ${cs.width}`,
    '    examples:',
    `      - ${q(`${envName}=${shape}`)}`,
    '    negative_examples:',
    `      - ${q(`${envName}=${prefix}${shortBody}`)}`,
    `      - ${q(`${envName}=${prefix}\${${envName}}`)}`,
    `    description: ${q(`32 random bytes in ${encoding} with a base62 CRC32 of prefix + body; a one-character change fails the checksum`)}`,
    '',
  ].join('\n');
}
