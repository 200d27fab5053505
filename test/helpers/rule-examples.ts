// One built-in rule on its own: what it finds in a text, and the secrets its examples hold
// (checksummed examples repaired at test time, as `keyhound rules test` does).
import { RuleSet } from '../../src/engine/ruleset.js';
import { scanChunk } from '../../src/engine/scan-chunk.js';
import { emptyStats } from '../../src/engine/types.js';
import { compileRule } from '../../src/rules/load.js';
import { repairExample } from '../../src/rules/self-test.js';
import type { RuleSpec } from '../../src/rules/types.js';

export function ruleOnly(spec: RuleSpec): RuleSet {
  return new RuleSet([compileRule(spec)]);
}

/** The secrets (unmasked) that `ruleset` reports in `text`, scanned as the file `path`. */
export function secretsOf(ruleset: RuleSet, text: string, path: string): string[] {
  return scanChunk({ origin: { kind: 'stdin', path }, text, startLine: 1 }, ruleset,
    { unmask: true, filters: [], collectSuppressed: false }, emptyStats()).findings.map((f) => f.secret ?? '');
}

/** Each example (repaired) with each secret the rule finds in it. */
export function exampleSecrets(spec: RuleSpec, ruleset: RuleSet): Array<{ example: string; secret: string }> {
  return spec.examples.flatMap((raw) => {
    const example = spec.checksum ? repairExample(ruleset, raw) : raw;
    return secretsOf(ruleset, example, spec.examplePath ?? 'example').map((secret) => ({ example, secret }));
  });
}
