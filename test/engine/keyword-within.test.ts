// `keyword_within`: a rule for a format without a distinctive prefix reports a value only when one
// of its keywords starts at most N characters before it, on the same line or a line above.
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../src/engine/ruleset.js';
import { scanChunk } from '../../src/engine/scan-chunk.js';
import { emptyStats } from '../../src/engine/types.js';
import { KeyhoundError } from '../../src/errors.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';
import { makeTree, runCli } from '../helpers/cli.js';
import { base62 } from '../helpers/tokens.js';

// Made at test time: a fixed random-looking value in the source would be a finding of its own.
const v = base62(32);
const w = base62(32);

const yaml = (within: string) => `
rules:
  - id: acme-key
    name: test rule
    severity: error
    keywords: [acme, acmecorp]
    pattern: '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])'
    keyword_within: ${within}
    examples: ['ACME_KEY=${v}']
    negative_examples: ['KEY=${v}']
`;

function find(text: string, within = '40'): string[] {
  const rules = new RuleSet(compileRules(parseRuleFile(yaml(within), 'test.yaml')));
  const r = scanChunk({ origin: { kind: 'stdin', path: 't' }, text, startLine: 1 }, rules, { unmask: true, filters: [], collectSuppressed: false }, emptyStats());
  return r.findings.map((f) => f.secret!);
}


describe('keyword_within', () => {
  it('finds a value after its keyword on the same line, in a call and in a parent key', () => {
    expect(find(`acme token - '${v}'`)).toEqual([v]);
    expect(find(`client = AcmeCorp.new("${v}")`)).toEqual([v]);
    expect(find(`acme:\n  credentials:\n    token: ${v}\n`)).toEqual([v]);
  });

  it('ignores a value too far after the keyword, before it, or with no keyword', () => {
    expect(find(`acme ${'x '.repeat(30)}${v}`)).toEqual([]);
    expect(find(`${v} is not an acme key`)).toEqual([]);
    expect(find(`token = ${v}`)).toEqual([]);
  });

  it('counts a keyword only where it starts a word, not inside another word', () => {
    expect(find(`myAcmeKey = ${v}`)).toEqual([v]);
    expect(find(`ACME_KEY=${v}`)).toEqual([v]);
    expect(find(`fooacme_key = ${v}`)).toEqual([]);
    expect(find(`lacmeTable = ${v}`)).toEqual([]);
    // An earlier keyword at a word start still counts when a nearer one is inside a word.
    expect(find(`acme lacme ${v}`)).toEqual([v]);
  });

  it('measures the distance from the nearest keyword before each value', () => {
    const text = `acme ${'x '.repeat(30)}${v}\nacme = ${w}\n`;
    expect(find(text)).toEqual([w]);
    expect(find(text, '100')).toEqual([v, w]);
  });

  it('refuses a distance that is not a whole number from 1 to 1000, naming the place', () => {
    for (const bad of ['0', '2.5', '5000', 'near']) {
      let msg = '';
      try {
        compileRules(parseRuleFile(yaml(bad), 'test.yaml'));
      } catch (e) {
        expect(e).toBeInstanceOf(KeyhoundError);
        msg = (e as KeyhoundError).format();
      }
      expect(msg, bad).toMatch(/test\.yaml:8:\d+.*keyword_within/);
    }
  });
});

describe('keyword_within in a user rule file, through the CLI', () => {
  it('reports the value after the keyword and only there', () => {
    const dir = makeTree({
      '.keyhound.yaml': ['rules:', yaml('60').replace(/^\nrules:\n/, '')].join('\n'),
      'a.log': `[INFO] calling acme\n[DEBUG] using ${v}\n`,
      'b.log': `[DEBUG] using ${w}\n`,
    });
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    // The rule file itself holds the rule's own example (`ACME_KEY=…`): leave it out.
    const found = JSON.parse(r.stdout)
      .findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)
      .filter((x: string) => x.includes('.log'));
    expect(found).toEqual(['a.log acme-key']);
  });
});
