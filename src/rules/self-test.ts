// Rules test themselves: every example must be found, every negative example must not.
// For a rule with a checksum, examples are shapes whose checksum is repaired here, at test time,
// so the repository never holds a token with a valid checksum.
import { RuleSet } from '../engine/ruleset.js';
import { scanChunk } from '../engine/scan-chunk.js';
import { emptyStats } from '../engine/types.js';
import { compileRule } from './load.js';
import type { RuleSpec } from './types.js';

export interface RuleTestFailure {
  ruleId: string;
  where: string;
  message: string;
}

export interface RuleTestReport {
  rules: number;
  examples: number;
  negatives: number;
  failures: RuleTestFailure[];
}

function findingsOf(ruleset: RuleSet, text: string, path: string): number {
  return maskedFindings(ruleset, text, path).length;
}

/** What a scan of `text` reports, masked: a failure message must not echo a live-looking secret. */
function maskedFindings(ruleset: RuleSet, text: string, path: string): string[] {
  // A rule that reads binary files has examples in base64 (a file's bytes).
  const binary = ruleset.binaryRules.length > 0 ? { binary: true as const, text: text.replace(/\s+/g, '') } : {};
  return scanChunk({ origin: { kind: 'stdin', path }, text, startLine: 1, ...binary }, ruleset,
    { unmask: false, filters: [], collectSuppressed: false }, emptyStats()).findings.map((f) => f.masked);
}

/** Replace every regex match's secret by its checksum-repaired form. */
export function repairExample(ruleset: RuleSet, text: string): string {
  const rule = ruleset.rules[0]!;
  const cs = rule.checksum;
  const re = rule.regex;
  if (!cs || !re) return text;
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const idx = m.indices?.groups;
    const s = idx?.['secret'];
    if (!s || s[0] < last) continue;
    const spans: Record<string, [number, number]> = {};
    for (const name of rule.data.groups) {
      const g = idx[name];
      if (g) spans[name] = [g[0] - s[0], g[1] - s[0]];
    }
    const repaired = cs.algo.repair({ secret: text.slice(s[0], s[1]), spans }, cs.params);
    out += text.slice(last, s[0]) + repaired;
    last = s[1];
  }
  return out + text.slice(last);
}

export function testRule(spec: RuleSpec): RuleTestFailure[] {
  const where = `${spec.source.file}:${spec.source.line}`;
  const failures: RuleTestFailure[] = [];
  const fail = (message: string) => failures.push({ ruleId: spec.id, where, message });
  let ruleset: RuleSet;
  try {
    ruleset = new RuleSet([compileRule(spec)]);
  } catch (e) {
    fail((e as Error).message);
    return failures;
  }
  const hasChecksum = Boolean(spec.checksum);
  const path = spec.examplePath ?? 'example';
  spec.examples.forEach((example, i) => {
    const text = hasChecksum ? repairExample(ruleset, example) : example;
    if (findingsOf(ruleset, text, path) === 0) fail(`example ${i + 1} is not found: ${JSON.stringify(example)}`);
    if (hasChecksum && text !== example && findingsOf(ruleset, example, path) > 0) {
      fail(`example ${i + 1} is found even with a wrong checksum: ${JSON.stringify(example)}`);
    }
  });
  spec.negativeExamples.forEach((neg, i) => {
    const found = maskedFindings(ruleset, neg, path);
    if (found.length > 0) fail(`negative example ${i + 1} is found (as ${found.join(', ')})`);
  });
  return failures;
}

export function testRules(specs: readonly RuleSpec[]): RuleTestReport {
  const report: RuleTestReport = { rules: specs.length, examples: 0, negatives: 0, failures: [] };
  for (const s of specs) {
    report.examples += s.examples.length;
    report.negatives += s.negativeExamples.length;
    report.failures.push(...testRule(s));
  }
  return report;
}
