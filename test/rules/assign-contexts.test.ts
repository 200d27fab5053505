// Every built-in rule that reads "a name, then its value" through `(?&assign)` must find its own
// examples' secrets under the same name in each way config files spell an assignment.
import { describe, expect, it } from 'vitest';
import { builtinSpecs } from '../../src/rules/builtin.js';
import { FRAGMENTS } from '../../src/rules/fragments.js';
import { exampleSecrets, ruleOnly, secretsOf } from '../helpers/rule-examples.js';

const CONTEXTS: Record<string, (name: string, secret: string) => string> = {
  env: (n, s) => `${n}=${s}`,
  'terraform fmt columns': (n, s) => `  ${n}           = "${s}"`,
  'aligned YAML': (n, s) => `${n}:                 ${s}`,
  'yaml, next line': (n, s) => `${n}:\n  ${s}`,
  json: (n, s) => `{"${n}": "${s}"}`,
  'php array': (n, s) => `$config['${n}'] = '${s}';`,
  'php define': (n, s) => `define('${n}', '${s}');`,
  'make ?=': (n, s) => `${n} ?= ${s}`,
  'xml add key/value': (n, s) => `<add key="${n}" value="${s}" />`,
  'xml element': (n, s) => `  <${n}>${s}</${n}>`,
  'kubernetes env list': (n, s) => `        - name: ${n}\n          value: "${s}"`,
  'ecs name/value': (n, s) => `{"name": "${n}", "value": "${s}"}`,
};

/** Forms a rule cannot read, and why. */
const SKIP: Record<string, string[]> = {
  // Their secrets may contain `<` and `>`, so an XML element's closing tag reads as part of one.
  'oracle-cloud-auth-token': ['xml element'],
  'snowflake-password': ['xml element'],
};

/** The name an example assigns its secret to (`NAME=`, `"name": `, `name:`), if it assigns it. */
function nameBefore(text: string, secret: string): string | undefined {
  const before = text.slice(0, text.indexOf(secret));
  return /(?<![\w.-])([A-Za-z_][\w.-]*)['"]?\]?[ \t]{0,3}(?:=>|[:?+]{0,3}=|:)\s{0,16}['"]?$/.exec(before)?.[1];
}

const cases = builtinSpecs()
  .filter((spec) => spec.enabled && spec.pattern.includes(FRAGMENTS['assign']!))
  .map((spec) => [spec.id, spec] as const);

describe('rules using (?&assign)', () => {
  it('are many (the fragment is how keyword rules read assignments)', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('%s: finds its examples in every assignment form', (_id, spec) => {
    const ruleset = ruleOnly(spec);
    const path = spec.examplePath ?? 'example';
    let tried = 0;
    for (const { example, secret } of exampleSecrets(spec, ruleset)) {
      const name = nameBefore(example, secret);
      if (!name) continue;
      tried++;
      // A keyword_within rule takes its provider's name from around the assignment
      // (`[acme]` then `api_key = …`); give every form the same surrounding.
      const around = spec.keywordWithin !== undefined && !name.toLowerCase().includes(spec.keywords[0]!) ? `# ${spec.keywords[0]}\n` : '';
      for (const [context, render] of Object.entries(CONTEXTS)) {
        if (SKIP[spec.id]?.includes(context)) continue;
        const text = around + render(name, secret);
        expect(secretsOf(ruleset, text, path), `${context}: ${JSON.stringify(text.replace(secret, '<secret>'))}`).toContain(secret);
      }
    }
    expect(tried).toBeGreaterThan(0);
  });
});
