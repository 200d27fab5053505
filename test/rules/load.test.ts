import { describe, expect, it } from 'vitest';
import { KeyhoundError } from '../../src/errors.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';

function errorOf(yaml: string): string {
  try {
    compileRules(parseRuleFile(yaml, 'my-rules.yaml'));
  } catch (e) {
    expect(e).toBeInstanceOf(KeyhoundError);
    return (e as KeyhoundError).format();
  }
  throw new Error('expected an error');
}

const good = `rules:
  - id: acme-key
    name: Acme key
    keywords: [acme_]
    pattern: '\\b(?<secret>acme_[a-z0-9]{20})\\b'
    examples: ['k = acme_abcdefghij0123456789']
    negative_examples: ['acme_short']
`;

describe('rule loader', () => {
  it('loads a valid rule with defaults', () => {
    const [r] = compileRules(parseRuleFile(good, 'my-rules.yaml'));
    expect(r).toMatchObject({ id: 'acme-key', severity: 'error', keywords: ['acme_'], groups: ['secret'] });
    expect(r!.source).toEqual({ file: 'my-rules.yaml', line: 2, column: 5 });
  });

  it('names file, line, rule and fix for a missing secret group', () => {
    const msg = errorOf(good.replace('(?<secret>', '('));
    expect(msg).toContain('my-rules.yaml:2');
    expect(msg).toContain('acme-key');
    expect(msg).toContain('`secret`');
    expect(msg).toContain('Fix:');
  });

  it('checks a `path` regex and an `example_path` that must match it', () => {
    const withPath = (extra: string) => good.replace('    examples:', () => `${extra}    examples:`);
    const [r] = compileRules(parseRuleFile(withPath("    path: '\\.env$'\n"), 'my-rules.yaml'));
    expect(r!.path).toBe('\\.env$');
    expect(errorOf(withPath("    path: '(\\.env$'\n"))).toMatch(/my-rules\.yaml:6:11: rule `acme-key`: invalid `path` regex/);
    expect(errorOf(withPath("    example_path: 'a.env'\n"))).toMatch(/my-rules\.yaml:6:19: .*`example_path` needs a `path`/);
    expect(errorOf(withPath("    path: '\\.env$'\n    example_path: 'a.txt'\n"))).toMatch(/:7:19: .*does not match `path`/);
  });

  it('expands `(?&assign)` so a user rule reads every assignment form the built-in rules read', () => {
    const assigned = good
      .replace(`'\\b(?<secret>acme_[a-z0-9]{20})\\b'`, `'acme[\\w.-]{0,20}?(?&assign)(?<secret>[a-z0-9]{20})\\b'\n    flags: i`)
      .replace(`['k = acme_abcdefghij0123456789']`, `['<add key="AcmeToken" value="abcdefghij0123456789" />']`);
    // A user's rules are untrusted: the fragment must also pass the backtracking check.
    const [spec] = parseRuleFile(assigned, 'my-rules.yaml', { untrusted: true });
    expect(spec!.pattern).not.toContain('(?&');
    const re = new RegExp(spec!.pattern, `${spec!.flags}g`);
    for (const text of ['ACME_TOKEN=abcdefghij0123456789', '{"name": "ACME_TOKEN", "value": "abcdefghij0123456789"}',
      '- name: ACME_TOKEN\n  value: abcdefghij0123456789', '<AcmeToken>abcdefghij0123456789</AcmeToken>',
      "$cfg['acme_token'] = 'abcdefghij0123456789';", 'ACME_TOKEN ?= abcdefghij0123456789', "define('ACME_TOKEN', 'abcdefghij0123456789');"]) {
      expect(text.match(re), text).not.toBeNull();
    }
    expect('ACME_TOKEN == abcdefghij0123456789'.match(re)).toBeNull();
  });

  it('expands `(?&arg)`, an argument before the secret, without shifting the pattern\'s own backreferences', () => {
    const call = good
      .replace(`'\\b(?<secret>acme_[a-z0-9]{20})\\b'`, `'\\bacmeLogin\\((?&arg),[ \\t]*(["''])(?<secret>[a-z0-9]{20})\\1'`)
      .replace(`['k = acme_abcdefghij0123456789']`, `['acmeLogin(user, "abcdefghij0123456789")']`);
    const [spec] = parseRuleFile(call, 'my-rules.yaml', { untrusted: true });
    const re = new RegExp(spec!.pattern, 'g');
    for (const text of ['acmeLogin("ana", "abcdefghij0123456789")', "acmeLogin('ana', 'abcdefghij0123456789')",
      'acmeLogin(cfg.user, "abcdefghij0123456789")', 'acmeLogin($this->user, "abcdefghij0123456789")',
      "acmeLogin($cfg['user'], 'abcdefghij0123456789')", 'acmeLogin(getUser(), "abcdefghij0123456789")']) {
      expect(text.match(re), text).not.toBeNull();
    }
    // The quotes around the secret must pair: `\1` is still the pattern's own group.
    expect('acmeLogin(user, "abcdefghij0123456789\')'.match(re)).toBeNull();
  });

  it('names an unknown fragment and the known ones', () => {
    const msg = errorOf(good.replace(`'\\b(?<secret>`, `'acme(?&asign)(?<secret>`));
    expect(msg).toContain('my-rules.yaml:5');
    expect(msg).toContain('`(?&asign)`');
    expect(msg).toContain('(?&assign)');
  });

  it('rejects an invalid regex', () => {
    expect(errorOf(good.replace('{20})', '{20}'))).toMatch(/my-rules\.yaml:5:14: rule `acme-key`.*invalid regex/);
  });

  it('rejects inline (?i) with a hint to use flags', () => {
    expect(errorOf(good.replace("'\\b(?<secret>", "'(?i)\\b(?<secret>"))).toMatch(/flags: i/);
  });

  it('rejects an unknown checksum algorithm with a suggestion', () => {
    const msg = errorOf(good.replace('    examples:', '    checksum: { algorithm: crc23 }\n    examples:'));
    expect(msg).toMatch(/unknown checksum algorithm `crc23`.*did you mean `crc32`/);
  });

  it('rejects unknown fields with a did-you-mean and the field position', () => {
    const msg = errorOf(good.replace('    name:', '    nmae: x\n    name:'));
    expect(msg).toMatch(/my-rules\.yaml:3:5: rule `acme-key`: unknown field `nmae`.*did you mean `name`/);
  });

  it('requires negative examples', () => {
    expect(errorOf(good.replace("    negative_examples: ['acme_short']\n", ''))).toMatch(/missing `negative_examples`/);
  });

  it('reports malformed YAML with line and column', () => {
    expect(errorOf('rules:\n  - id: x\n   name: [')).toMatch(/^my-rules\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects duplicate ids naming both places', () => {
    const twice = good + good.replace('rules:\n', '');
    expect(errorOf(twice)).toMatch(/duplicate rule id `acme-key` \(also at my-rules\.yaml:2:5\)/);
  });

  it('rejects an unknown validator', () => {
    expect(errorOf(good.replace('    examples:', '    validate: [jwtt]\n    examples:'))).toMatch(/unknown validator `jwtt`.*did you mean `jwt`/);
  });
});
