// Rules run only in windows around keyword hits; a bounded rule's window is its match size.
import { describe, expect, it } from 'vitest';
import { maxMatchLength } from '../../src/engine/regex-safety.js';
import { RuleSet } from '../../src/engine/ruleset.js';
import { scanChunk } from '../../src/engine/scan-chunk.js';
import { emptyStats } from '../../src/engine/types.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';

describe('maxMatchLength', () => {
  it.each([
    ['abc', 6],
    ['a{2,5}', 10],
    ['(?:x|yy)?z', 6],
    ['[a-f0-9]{64}', 128],
    ['(?<![a-z])key\\s{0,3}=(?<secret>[a-z]{8})', 30],
  ])('%s is at most %d units', (p, n) => {
    expect(maxMatchLength(p)).toBe(n);
  });

  it.each(['a+', 'x*y', '(?:ab)+', '(a)\\1', '(?<s>a)\\k<s>'])('%s is unbounded', (p) => {
    expect(maxMatchLength(p)).toBe(Infinity);
  });
});

describe('windows around keyword hits', () => {
  const yaml = (pattern: string) => `
rules:
  - id: acme-key
    name: test rule
    severity: error
    keywords: [acme_]
    pattern: '${pattern}'
    examples: ['acme_${'k'.repeat(4)}${'Q7'.repeat(8)}']
    negative_examples: ['acme_short']
`;

  function find(pattern: string, text: string): string[] {
    const rules = new RuleSet(compileRules(parseRuleFile(yaml(pattern), 'test.yaml')));
    const r = scanChunk({ origin: { kind: 'stdin', path: 't' }, text, startLine: 1 }, rules, { unmask: true, filters: [], collectSuppressed: false }, emptyStats());
    return r.findings.map((f) => f.secret!);
  }

  it('a bounded rule finds every match among many far-apart hits', () => {
    const filler = `${'const owner = document.body;\n'.repeat(200)}`;
    const keys = ['acme_K7pQ2xZ9mR4vL8tW', 'acme_h3Jd8PqL1cVx6TzN', 'acme_W5nB2kYf9RmC4sGe'];
    const text = keys.map((k) => `${filler}token = "${k}"\n`).join('');
    expect(find('\\b(?<secret>acme_[A-Za-z0-9]{16})\\b', text)).toEqual(keys);
  });

  it('an unbounded rule still reaches 16 KB past its keyword', () => {
    const text = `acme_begin\n${'x '.repeat(4000)}\nEND_Z9y8X7w6\n`;
    expect(find('acme_begin[\\s\\S]+?(?<secret>END_[A-Za-z0-9]{8})', text)).toEqual(['END_Z9y8X7w6']);
  });
});
