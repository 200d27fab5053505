// A user pattern that backtracks catastrophically must not hang a scan: refused at load with
// file:line:column, or stopped by the worker watchdog with a warning naming file and rule.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli, SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { githubToken } from '../helpers/tokens.js';

const LONG = `${'a'.repeat(100 * 1024)}!`;
const BUDGET = { KEYHOUND_RULE_TIMEOUT_MS: '1000' };

function ruleYaml(pattern: string, flags = '', keyword = 'aa'): string {
  return [
    'rules:',
    '  - id: acme-user-rule',
    '    name: user rule',
    `    keywords: [${keyword}]`,
    ...(flags ? [`    flags: ${flags}`] : []),
    `    pattern: '${pattern}'`,
    "    examples: ['zzabc!']",
    "    negative_examples: ['nothing here']",
    '',
  ].join('\n');
}

describe('catastrophic user patterns are refused at load', () => {
  it.each([
    ['(?<secret>(a+)+)$', ''],
    ['(?<secret>(a+)+)$', 'i'],
    ['(?<secret>(\\w+\\s?)*)$', ''],
    ['(?<secret>(a|aa)+)b', ''],
  ])('%s (flags %s): exit 2 with file:line:column and a fix, before reading any file', (pattern, flags) => {
    const dir = makeTree({ '.keyhound.yaml': ruleYaml(pattern, flags), 'long.txt': LONG });
    const t = performance.now();
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keyhound: \.keyhound\.yaml:\d+:\d+: rule `acme-user-rule`: pattern can backtrack catastrophically/);
    expect(r.stderr).toContain('Fix:');
    // The position is that of the pattern value (line 6 or 7 depending on `flags`).
    const line = Number(/\.keyhound\.yaml:(\d+):/.exec(r.stderr)![1]);
    expect(ruleYaml(pattern, flags).split('\n')[line - 1]).toContain('pattern:');
  });

  it('also in a rule file named by rule_files', () => {
    const dir = makeTree({ '.keyhound.yaml': 'rule_files: [my-rules.yaml]\n', 'my-rules.yaml': ruleYaml('(?<secret>(a+)+)$') });
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/my-rules\.yaml:\d+:\d+: rule `acme-user-rule`: pattern can backtrack/);
  });

  it('and in allowlist regexes (they run on whole lines in the main thread)', () => {
    const dir = makeTree({ '.keyhound.yaml': "allowlist:\n  - lines: ['(\\w+\\s?)*$']\n", 'long.txt': LONG });
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.keyhound\.yaml:2:\d+: `lines`: pattern can backtrack catastrophically/);
  });

  it('a safe user rule still loads and finds its secret', () => {
    const dir = makeTree({
      '.keyhound.yaml': ruleYaml('\\b(?<secret>acme_[a-z0-9]{16})\\b', '', 'acme_'),
      'app.txt': 'key = acme_p3k9x2m7q5w8z1n4\n', // keyhound:allow reason="test value"
    });
    const r = runCli(['scan', 'app.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].rule).toBe('acme-user-rule');
  });
});

// Polynomial shapes pass the static check: n^4 on a 16 KB window is still forever.
const SLOW = ruleYaml('zz(?<secret>[a-z]*[a-z]*[a-z]*[a-z]*)!', '', 'zz');
const SLOW_LINE = `zz${'a'.repeat(100 * 1024)}!\n`;

describe('the watchdog stops a rule that runs over budget and goes on', () => {
  it('directory scan of a small tree (would run in-process without user rules)', () => {
    const token = githubToken();
    const dir = makeTree({ '.keyhound.yaml': SLOW, 'big.txt': `${SLOW_LINE}token = "${token}"\n`, 'ok.txt': `t = "${githubToken()}"\n` });
    const t = performance.now();
    const r = runCli(['scan', 'big.txt', 'ok.txt', '--format', 'json'], { cwd: dir, env: BUDGET });
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(r.stderr).toContain('keyhound: warning: rule acme-user-rule took over 1 s on big.txt: skipped');
    expect(r.code).toBe(1);
    // The other rules still ran on big.txt (its GitHub token on line 2), and ok.txt was scanned.
    const findings = JSON.parse(r.stdout).findings as Array<{ file: string; rule: string; line: number }>;
    expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`).sort()).toEqual(['big.txt:2:github-pat-classic', 'ok.txt:1:github-pat-classic']);
  });

  it('a tree large enough for several workers', () => {
    const files: Record<string, string> = { '.keyhound.yaml': SLOW, 'sub/slow.txt': SLOW_LINE };
    for (let i = 0; i < 80; i++) files[`f${i}.txt`] = i === 40 ? `t = "${githubToken()}"\n` : `const x${i} = ${i};\n`;
    const dir = makeTree(files);
    const r = runCli(['scan', '.', '--threads', '2', '--format', 'json'], { cwd: dir, env: BUDGET });
    expect(r.stderr).toContain('rule acme-user-rule took over 1 s on sub/slow.txt: skipped');
    expect(r.code).toBe(1);
    // The rule's own example in .keyhound.yaml is found too; f40.txt's token must be.
    const found = (JSON.parse(r.stdout).findings as Array<{ file: string }>).map((f) => f.file).sort();
    expect(found).toEqual(['.keyhound.yaml', 'f40.txt']);
  });

  it('stdin', () => {
    const dir = makeTree({ '.keyhound.yaml': SLOW });
    const r = runCli(['scan', '-'], { cwd: dir, env: BUDGET, input: SLOW_LINE });
    expect(r.stderr).toContain('rule acme-user-rule took over 1 s on stdin: skipped');
    expect(r.code).toBe(0);
  });

  it('a staged scan (pre-commit)', () => {
    const dir = makeTree({ '.keyhound.yaml': SLOW });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
    git('init', '-q');
    writeFileSync(join(dir, 'slow.txt'), SLOW_LINE);
    git('add', 'slow.txt');
    const r = runCli(['scan', '--staged'], { cwd: dir, env: BUDGET });
    expect(r.stderr).toContain('rule acme-user-rule took over 1 s on slow.txt: skipped');
    expect(r.code).toBe(0);
  });
});
