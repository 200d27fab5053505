// Every config or rule mistake exits 2 with one line: file:line:column, what is wrong, how to fix.
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';

const rule = (fields: string[]): string =>
  ['rules:', '  - id: acme-key', '    name: Acme key', '    keywords: [acme_]', ...fields.map((f) => `    ${f}`), ''].join('\n');
const GOOD = ["pattern: '(?<secret>acme_[a-z0-9]{16})'", "examples: ['k = acme_q8w7e6r5t4y3u2i1']", "negative_examples: ['acme_short']"];

interface Case {
  name: string;
  config: string;
  /** line:column the message must name. */
  at: string;
  what: RegExp;
  fix: RegExp;
  files?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'malformed YAML (bad indentation)', config: 'rules:\n  - id: x\n   name: [unclosed\n', at: '3:1', what: /invalid YAML/, fix: /indentation/ },
  { name: 'malformed YAML (tab indentation)', config: 'rules:\n\t- id: x\n', at: '2:1', what: /invalid YAML: Tabs/, fix: /indentation/ },
  { name: 'duplicate config key', config: 'ignore: [a]\nignore: [b]\n', at: '2:1', what: /keys must be unique/, fix: /./ },
  { name: 'wrong type: max_file_size list', config: 'max_file_size: [1]\n', at: '1:16', what: /`max_file_size` must be a size/, fix: /10MB/ },
  { name: 'wrong type: ignore string map', config: 'ignore: { a: 1 }\n', at: '1:9', what: /`ignore` must be a list/, fix: /ignore: \[/ },
  { name: 'wrong type: keywords number', config: rule(GOOD).replace('keywords: [acme_]', 'keywords: 5'), at: '4:15', what: /`keywords` must be a list/, fix: /keywords: \[/ },
  { name: 'wrong type: severity', config: rule([...GOOD, 'severity: high']), at: '8:15', what: /severity `high` is not valid/, fix: /error.*warn/ },
  { name: 'wrong type: entropy string', config: rule([...GOOD, 'entropy: lots']), at: '8:14', what: /`entropy` must be a number/, fix: /entropy: 3.5/ },
  { name: 'wrong type: allowlist match', config: "allowlist:\n  - paths: [docs/**]\n    match: some\n", at: '3:12', what: /`match` must be any or all/, fix: /match: all/ },
  { name: 'unknown top-level key', config: 'rulez: []\n', at: '1:1', what: /unknown key `rulez`/, fix: /did you mean `rules`/ },
  { name: 'unknown rule field', config: rule([...GOOD, "patern: 'x'"]), at: '8:5', what: /rule `acme-key`: unknown field `patern`/, fix: /did you mean `pattern`/ },
  { name: 'unknown allowlist key', config: 'allowlist:\n  - pathz: [docs/**]\n', at: '2:5', what: /unknown allowlist key `pathz`/, fix: /did you mean `paths`/ },
  { name: 'duplicate rule ids', config: rule(GOOD) + rule(GOOD).replace('rules:\n', ''), at: '8:5', what: /duplicate rule id `acme-key` \(also at \.keyhound\.yaml:2:5\)/, fix: /rename/ },
  { name: 'invalid rule regex', config: rule(["pattern: '(?<secret>acme_[a-z{8})('", ...GOOD.slice(1)]), at: '5:14', what: /rule `acme-key`: invalid regex: .*Unterminated/, fix: /JavaScript regex syntax/ },
  { name: 'inline (?i) in a rule regex', config: rule(["pattern: '(?i)(?<secret>acme_[a-z]{8})'", ...GOOD.slice(1)]), at: '5:14', what: /invalid regex/, fix: /flags: i/ },
  { name: 'invalid allowlist regex', config: "allowlist:\n  - secrets: ['([a-z']\n", at: '2:15', what: /invalid regex in `secrets`/, fix: /JavaScript regex/ },
  { name: 'no secret group', config: rule(["pattern: 'acme_[a-z]{8}'", ...GOOD.slice(1)]), at: '2:5', what: /no named group `secret`/, fix: /\(\?<secret>/ },
  {
    name: 'unknown checksum algorithm',
    config: rule(["pattern: '(?<secret>acme_(?<body>[a-z]{8})(?<check>[a-z]{6}))'", 'checksum: { algorithm: crc23, over: [body], expect: check, encoding: base62 }', ...GOOD.slice(1)]),
    at: '6:28', what: /unknown checksum algorithm `crc23`/, fix: /did you mean `crc32`/,
  },
  {
    name: 'bad checksum parameter',
    config: rule(["pattern: '(?<secret>acme_(?<body>[a-z]{8})(?<check>[a-z]{6}))'", 'checksum: { algorithm: crc32, over: [body], expect: nope, encoding: base62 }', ...GOOD.slice(1)]),
    at: '2:5', what: /checksum/, fix: /./,
  },
  { name: 'disable names an unknown rule', config: 'disable: [github-pat-clasic]\n', at: '', what: /`disable` names unknown rule/, fix: /did you mean `github-pat-classic`/ },
  { name: 'missing rule file', config: 'rule_files: [nope.yaml]\n', at: '', what: /cannot read rule file: ENOENT/, fix: /rule_files/ },
  { name: 'error inside a rule file', config: 'rule_files: [mine.yaml]\n', files: { 'mine.yaml': rule([...GOOD, 'colour: red']) }, at: '8:5', what: /unknown field `colour`/, fix: /allowed fields/ },
];

describe('config and rule errors: exit 2, file:line:column, what and how to fix', () => {
  it.each(CASES)('$name', (c) => {
    const dir = makeTree({ '.keyhound.yaml': c.config, 'a.txt': 'nothing\n', ...c.files });
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).not.toMatch(/internal error|at .*\.js:\d+/);
    const file = c.files ? 'mine\\.yaml' : '\\.keyhound\\.yaml';
    if (c.at) expect(line).toMatch(new RegExp(`^keyhound: ${file}:${c.at}: `));
    else expect(line).toMatch(/^keyhound: .*(\.keyhound\.yaml|nope\.yaml)/);
    const [what, fix] = line.split(' Fix: ');
    expect(what).toMatch(c.what);
    expect(fix).toBeDefined();
    expect(fix).toMatch(c.fix);
  });

  it('the same errors stop `keyhound rules` and `baseline`, not only scan', () => {
    const dir = makeTree({ '.keyhound.yaml': rule([...GOOD, "patern: 'x'"]) });
    for (const args of [['rules'], ['baseline']]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/\.keyhound\.yaml:8:5: rule `acme-key`: unknown field `patern`/);
    }
  });
});
