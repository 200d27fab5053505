// Every built-in rule whose secret starts with its own keyword (a prefixed token: ghp_, sk_live_,
// glpat-) must find its examples' secrets wherever prose, code and data put a token: at the end of
// a sentence, in parentheses, after an escaped newline in a JSON string, in a CSV field.
import { describe, expect, it } from 'vitest';
import { builtinSpecs } from '../../src/rules/builtin.js';
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

const cases = builtinSpecs()
  .filter((spec) => spec.enabled && !spec.detector && !spec.fallback && spec.keywordWithin === undefined && !spec.path)
  .map((spec) => [spec.id, spec] as const);

describe('prefixed-token rules', () => {
  it.each(cases)('%s: finds its prefixed examples in prose, code and data', (_id, spec) => {
    const ruleset = ruleOnly(spec);
    for (const { secret } of exampleSecrets(spec, ruleset)) {
      const prefixed = spec.keywords.some((k) => secret.toLowerCase().startsWith(k));
      if (!prefixed || /[\s"'`()<>,\\]/.test(secret)) continue;
      for (const [context, render] of Object.entries(CONTEXTS)) {
        if (SKIP[spec.id]?.includes(context)) continue;
        const text = render(secret);
        expect(secretsOf(ruleset, text, 'notes.txt'), `${context}: ${JSON.stringify(text.replace(secret, '<secret>'))}`).toContain(secret);
      }
    }
  });

  it('cover most rules', () => {
    expect(cases.length).toBeGreaterThan(300);
  });
});
