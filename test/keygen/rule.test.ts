import { describe, expect, it } from 'vitest';
import { parseRuleFile, compileRule } from '../../src/rules/load.js';
import { testRule } from '../../src/rules/self-test.js';
import { KeyhoundError } from '../../src/errors.js';
import { KEY_ENCODINGS } from '../../src/keygen/format.js';
import { ruleIdFor, ruleYaml, wrongChecksumShape } from '../../src/keygen/rule.js';
import { verifyChecksum } from '../../src/keygen/verify.js';

describe('ruleYaml', () => {
  for (const encoding of KEY_ENCODINGS) {
    for (const prefix of ['myapp_live_', 'x_', 'acme2_prod__', `${'q'.repeat(31)}_`]) {
      it(`${encoding} ${prefix}: parses, compiles and passes its own self-test`, () => {
        const specs = parseRuleFile(ruleYaml(prefix, encoding), 'keygen.yaml');
        expect(specs).toHaveLength(1);
        const spec = specs[0]!;
        expect(spec.id).toBe(ruleIdFor(prefix));
        expect(spec.keywords).toEqual([prefix]);
        expect(spec.checksum).toEqual({
          algorithm: 'crc32',
          params: { over: ['prefix', 'body'], expect: 'check', encoding: 'base62', width: 6 },
        });
        expect(compileRule(spec).groups).toEqual(['secret', 'prefix', 'body', 'check']);
        expect(testRule(spec)).toEqual([]);
      });
    }
  }

  it('derives kebab-case ids from the prefix', () => {
    expect(ruleIdFor('myapp_live_')).toBe('myapp-live-key');
    expect(ruleIdFor('acme2_prod__')).toBe('acme2-prod-key');
    expect(ruleIdFor('x_')).toBe('x-key');
  });

  it('prints examples that are shapes with a wrong checksum, never valid keys', () => {
    for (let i = 0; i < 50; i++) {
      for (const encoding of KEY_ENCODINGS) {
        const spec = parseRuleFile(ruleYaml('myapp_live_', encoding), 'k.yaml')[0]!;
        for (const ex of [...spec.examples, ...spec.negativeExamples]) {
          for (const word of ex.split(/[=\s]/)) expect(verifyChecksum(word), word).toBe(false);
        }
      }
      expect(verifyChecksum(wrongChecksumShape('a_', 'base62'))).toBe(false);
    }
  });

  it('the pattern does not match inside a longer run of key characters', () => {
    const spec = parseRuleFile(ruleYaml('ab_', 'base64url'), 'k.yaml')[0]!;
    const re = new RegExp(spec.pattern);
    const shape = wrongChecksumShape('ab_', 'base64url');
    expect(re.test(`k=${shape}`)).toBe(true);
    expect(re.test(`k=${shape}x`)).toBe(false);
    expect(re.test(`k=${shape}-`)).toBe(false);
    expect(re.test(`k=x${shape}`)).toBe(false);
  });

  it('refuses a bad prefix', () => {
    expect(() => ruleYaml('My_')).toThrow(KeyhoundError);
  });
});
