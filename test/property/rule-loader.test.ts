// The config and rule loader on random input: it either loads or throws a KeyhoundError with a
// location; never a TypeError or any other crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../../src/config/load.js';
import { KeyhoundError } from '../../src/errors.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';
import { findBacktrackingRisk } from '../../src/engine/regex-safety.js';

const VALID = `rules:
  - id: acme-key
    name: Acme key
    keywords: [acme_]
    pattern: '\\b(?<secret>acme_(?<body>[A-Za-z0-9]{20})(?<check>[A-Za-z0-9]{6}))\\b'
    checksum: { algorithm: crc32, over: [body], expect: check, encoding: base62, width: 6 }
    entropy: 3
    examples: ['k = acme_aaaaaaaaaaaaaaaaaaaa000000']
    negative_examples: ['acme_short']
allowlist:
  - paths: ['docs/**']
    secrets: ['^acme_test']
    match: any
severity: { acme-key: warn }
fail_on: error
`;

/** Accepts a load, or a KeyhoundError that says where. */
function loads(text: string): void {
  try {
    const cfg = parseConfig(text, 'fuzz.yaml', '/nonexistent-dir');
    compileRules(cfg.rules);
  } catch (e) {
    if (!(e instanceof KeyhoundError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.format()).toMatch(/^(fuzz\.yaml|\/nonexistent-dir)/);
  }
  try {
    compileRules(parseRuleFile(text, 'rules.yaml'));
  } catch (e) {
    if (!(e instanceof KeyhoundError)) throw e;
  }
}

const KEYS = ['id', 'name', 'severity', 'keywords', 'pattern', 'flags', 'entropy', 'entropy_group', 'checksum', 'validate',
  'placeholder_filter', 'examples', 'negative_examples', 'references', 'enabled', 'disabled_reason', 'description', 'detector', 'bogus'];
const CONFIG_KEYS = ['rules', 'disable', 'max_file_size', 'ignore', 'severity', 'allowlist', 'fail_on', 'inline_markers', 'rule_file', 'rule_files'];

const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('(?<secret>a)', '(', '[', '(?<secret>(a+)+)$', 'crc32', 'base62', 'error', 'warn', 'i', 'x', '', 'acme_', 'body'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS, 'algorithm', 'over', 'expect', 'paths', 'secrets', 'lines'), tie('v'), { maxKeys: 4 })),
})).v;
const ruleObj = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 10 });
const configObj = fc.dictionary(fc.constantFrom(...CONFIG_KEYS), fc.oneof(value, fc.array(ruleObj, { maxLength: 3 })), { maxKeys: 6 });

describe('rule and config loader never crash', () => {
  it('random YAML documents built from rule-like structures', () => {
    fc.assert(fc.property(configObj, (obj) => loads(stringify(obj))), { numRuns: 400 });
  });

  it('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => loads(s)), { numRuns: 400 });
  });

  it('a valid config with random edits (insert, delete, replace at random places)', () => {
    loads(VALID);
    const edit = fc.tuple(fc.nat(VALID.length), fc.nat(8), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let t = VALID;
        for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
        loads(t);
      }),
      { numRuns: 600 },
    );
  });

  it('the backtracking analyzer accepts any string without throwing', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[()[\]{}*+?|\\^$.a-z0-9:<>=!,-]{0,30}$/), fc.constantFrom('', 'i', 'u', 'iu', 's'), (p, f) => {
        const r = findBacktrackingRisk(p, f);
        if (r) {
          expect(r.offset).toBeGreaterThanOrEqual(0);
          expect(r.offset).toBeLessThan(p.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
