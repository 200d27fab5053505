// Every built-in rule whose secret starts with its own keyword (a prefixed token: ghp_, sk_live_,
// glpat-) must find its examples' secrets wherever prose, code and data put a token: at the end of
// a sentence, in parentheses, after an escaped newline in a JSON string, in a CSV field.
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { builtinSpecs } from '../../src/rules/builtin.js';
import type { RuleSpec } from '../../src/rules/types.js';
import { exampleSecrets, ruleOnly, secretsOf } from '../helpers/rule-examples.js';

const CONTEXTS: Record<string, (secret: string) => string> = {
  'end of a sentence': (s) => `The token is ${s}.`,
  parentheses: (s) => `rotate it (${s}) today`,
  'call argument': (s) => `client = Client('${s}', timeout=3)`,
  'after \\n in a JSON string': (s) => `{"text": "first line\\n${s}\\nlast line"}`,
  'after \\t in a JSON string': (s) => `{"text": "key:\\t${s}"}`,
  'JSON array': (s) => `["${s}"]`,
  'CSV field': (s) => `prod,"${s}",2024-01-01`,
  'markdown code': (s) => `Use \`${s}\` as the token.`,
  'HTML cell': (s) => `<td class="k">${s}</td>`,
  'CRLF line': (s) => `first\r\n${s}\r\nlast\r\n`,
};

/** Contexts a rule cannot read, and why. */
const SKIP: Record<string, string[]> = {
  // Django's key alphabet has parentheses: `(django-insecure-…)` is read as part of the key.
  'django-insecure-secret-key': ['parentheses'],
  // Wrapped base64 continues on the next line, so a next line of letters reads as more key.
  'java-keystore-base64': ['CRLF line'],
};

/** A rule's example secrets that start with one of its keywords and hold no separator. */
function prefixedSecrets(spec: RuleSpec, ruleset: RuleSet): string[] {
  return exampleSecrets(spec, ruleset)
    .map(({ secret }) => secret)
    .filter((secret) => spec.keywords.some((k) => secret.toLowerCase().startsWith(k)) && !/[\s"'`()<>,\\]/.test(secret));
}

// Only rules with prefixed examples: each case below checks at least one token.
const cases = builtinSpecs()
  .filter((spec) => spec.enabled && !spec.detector && !spec.fallback && spec.keywordWithin === undefined && !spec.path)
  .flatMap((spec) => {
    const ruleset = ruleOnly(spec);
    const secrets = prefixedSecrets(spec, ruleset);
    return secrets.length > 0 ? [[spec.id, ruleset, secrets] as const] : [];
  });

describe('prefixed-token rules', () => {
  it.each(cases)('%s: finds its prefixed examples in prose, code and data', (id, ruleset, secrets) => {
    for (const secret of secrets) {
      for (const [context, render] of Object.entries(CONTEXTS)) {
        if (SKIP[id]?.includes(context)) continue;
        const text = render(secret);
        expect(secretsOf(ruleset, text, 'notes.txt'), `${context}: ${JSON.stringify(text.replace(secret, '<secret>'))}`).toContain(secret);
      }
    }
  });

  it('cover the rules whose tokens carry their own prefix', () => {
    expect(cases.length).toBeGreaterThan(250);
  });
});
