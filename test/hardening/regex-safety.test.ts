import { describe, expect, it } from 'vitest';
import { findBacktrackingRisk } from '../../src/engine/regex-safety.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

// Shapes known to take exponential time in a backtracking engine on a long near-match.
const DANGEROUS: Array<[string, string?]> = [
  ['(a+)+$'],
  ['(a+)+$', 'i'],
  ['(?<secret>(a+)+)$'],
  ['(\\w+\\s?)*$'],
  ['(a|aa)+b'],
  ['(a|a)*$'],
  ['(\\w|\\d)+$'],
  ['(?:\\s|.)*x'],
  ['(a*)*$'],
  ['([a-z]+)*='],
  ['(\\d+,?)+$'],
  ['(x+x+)+y'],
  ['(?:[A-Z][a-z]*)+!', 'i'],
  ['(a{1,3})+$'],
  ['(a+){2,100}$'],
  ['key=(?<secret>(?:[a-z0-9]+[a-z0-9.]?)+)$'],
  ['(?=(a+)+$)b'],
  // adjacent repetitions sharing characters inside a repeated group (each line splits several ways)
  ['(?:\\n[ \\t]*(?!End)[^\\n]{1,200}){2,60}?\\nEnd'],
  ['(?:[a-z]*[a-z0-9]+,){1,50}$'],
];

// Realistic patterns that must not be rejected.
const SAFE: Array<[string, string?]> = [
  ['\\b(?<secret>acme_[A-Za-z0-9]{32})\\b'],
  ['(?:[a-z0-9]+\\.)+[a-z]{2,}'],
  ['(?:-[a-z]+)+'],
  ['(?<secret>ghp_[A-Za-z0-9]{36})'],
  ['(a|b)+c'],
  ['(?:foo|bar)+'],
  ['(?:ab|ac)+'],
  ['[a-z]+[0-9]+'],
  ['(?<secret>xox[bp]-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24})'],
  ['(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?'],
  ['(a+)?b'],
  ['(?:"[^"]*")+'],
  ['[\\]a-z]+(?:x)+'],
  ['(?:\\n[ \\t]*(?!End)[^\\s][^\\n]{0,199}){2,60}?\\nEnd'],
];

function explode(pattern: string, flags = ''): number {
  // Measures how long V8 takes on a short adversarial input (kept tiny so the test is fast).
  const t = performance.now();
  new RegExp(pattern, flags).test(`${'a'.repeat(18)}!`);
  return performance.now() - t;
}

describe('findBacktrackingRisk', () => {
  it.each(DANGEROUS)('flags %s (%s)', (p, f) => {
    const r = findBacktrackingRisk(p, f ?? '');
    expect(r, p).toBeDefined();
    expect(r!.message).toMatch(/catastrophic/);
    expect(r!.fix.length).toBeGreaterThan(10);
    expect(r!.offset).toBeGreaterThanOrEqual(0);
    expect(r!.offset).toBeLessThan(p.length);
  });

  it.each(SAFE)('accepts %s (%s)', (p, f) => {
    expect(findBacktrackingRisk(p, f ?? '')).toBeUndefined();
  });

  it('the flagged shapes really are slow in V8 (so the check is not guarding against nothing)', () => {
    // (a+)+$ on 18 a's: about 2^18 paths; a linear pattern on the same text is instant.
    const slow = explode('(a+)+$');
    const fast = explode('a+$');
    expect(slow).toBeGreaterThan(fast * 5);
  });

  it('leaves invalid patterns to the regex compiler', () => {
    expect(findBacktrackingRisk('(a+')).toBeUndefined();
  });

  it('measures the built-in rules: fast, and reports which ones it would flag', () => {
    const rules = builtinRules().filter((r) => !r.detector);
    const t = performance.now();
    const flagged = rules.filter((r) => findBacktrackingRisk(r.pattern, r.flags)).map((r) => r.id);
    const ms = performance.now() - t;
    // Built-in rules are trusted and not checked at load; they pass anyway, with few exceptions.
    console.log(`regex-safety: ${rules.length} built-in patterns in ${ms.toFixed(1)} ms; flagged: ${flagged.join(', ') || 'none'}`);
    expect(ms).toBeLessThan(3000); // about 20 ms warm; generous for a busy machine
    // Built-in rules meet the same bar as user rules.
    expect(flagged).toEqual([]);
  });

  it('the built-in rules scan their own rule files (examples and near-misses) without a slow rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-rules-'));
    cpSync(join(REPO_ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
    const r = runCli(['scan', 'rules', '--no-config', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1); // the examples are findings
    expect((JSON.parse(r.stdout) as { stats: { warnings: string[] } }).stats.warnings).toEqual([]);
  });
});
