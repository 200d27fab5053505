// End-to-end: inline markers, allowlists, severities, fail-on and nested configs through the built CLI.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree, runCli, SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { slackBotToken } from '../helpers/tokens.js';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const d = makeTree(files);
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface JsonFinding { file: string; line: number; ruleId: string; severity: string }
function json(dir: string, args: string[] = []) {
  const r = runCli(['scan', '.', '--format', 'json', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { findings: JsonFinding[]; stats: { rejected: Record<string, number> } };
  return { code: r.code, report, files: report.findings.map((f) => `${f.file}:${f.line}`).sort() };
}

function rsaPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim();
}

describe('inline allow markers', () => {
  it('suppress on the line or the next line, in any comment syntax, and only there', () => {
    const t = slackBotToken();
    const dir = tree({
      'same.py': `token = "${t}"  # keyhound:allow reason="docs example"\n`,
      'same.js': `const token = '${t}'; /* keyhound:allow */\n`,
      'same.html': `<meta content="${t}"> <!-- keyhound:allow -->\n`,
      'next.sql': `-- keyhound:allow-next-line\nSELECT '${t}';\n`,
      'far.py': `# keyhound:allow-next-line\n\ntoken = "${t}"\n`,
      'prev-same.py': `x = 1  # keyhound:allow\ntoken = "${t}"\n`,
      'after.py': `token = "${t}"\n# keyhound:allow\n`,
    });
    const { code, files, report } = json(dir);
    expect(code).toBe(1);
    expect(files).toEqual(['after.py:1', 'far.py:3', 'prev-same.py:2']);
    expect(report.stats.rejected['inline-allow']).toBe(4);
  });

  it('--no-inline-allow ignores every marker', () => {
    const t = slackBotToken();
    const dir = tree({ 'a.py': `token = "${t}"  # keyhound:allow\n`, 'b.py': `token = "${t}"  # gitleaks:allow\n` });
    expect(json(dir).code).toBe(0);
    const audit = json(dir, ['--no-inline-allow']);
    expect(audit.code).toBe(1);
    expect(audit.files).toEqual(['a.py:1', 'b.py:1']);
  });

  it('honours migration markers, each switchable off in the config', () => {
    const t = slackBotToken();
    const files = {
      'gl.py': `token = "${t}"  # gitleaks:allow\n`,
      'ds.py': `token = "${t}"  # pragma: allowlist secret\n`,
      'ds-next.py': `# pragma: allowlist nextline secret\ntoken = "${t}"\n`,
      'sl.js': `const t = "${t}"; // secretlint-disable-line\n`,
      'sl-next.js': `// secretlint-disable-next-line\nconst t = "${t}";\n`,
    };
    expect(json(tree(files)).files).toEqual([]);
    const off = json(tree({ ...files, '.keyhound.yaml': 'inline_markers:\n  gitleaks: false\n  secretlint: false\n' }));
    expect(off.files).toEqual(['gl.py:1', 'sl-next.js:2', 'sl.js:1']);
  });

  it('allows a PEM block by a marker on its first or last line, not inside it', () => {
    const pem = rsaPem();
    const dir = tree({
      'first.ts': `/* keyhound:allow */ const key = \`${pem}\`;\n`,
      'last.py': `KEY = """${pem}"""  # keyhound:allow reason="test key"\n`,
      'before.py': `# keyhound:allow-next-line\nKEY = """${pem}"""\n`,
      'plain.py': `KEY = """${pem}"""\n`,
      'after.py': `KEY = """${pem}"""\n# keyhound:allow\n`,
    });
    const { files } = json(dir);
    expect(files.map((f) => f.split(':')[0])).toEqual(['after.py', 'plain.py']);
  });
});

describe('config allowlists and severities', () => {
  it('matches path globs, secret and line regexes and stopwords; scoped to rules; any or all', () => {
    const [a, b, c, d, e] = [slackBotToken(), slackBotToken(), slackBotToken(), slackBotToken(), slackBotToken()];
    const dir = tree({
      '.keyhound.yaml': `allowlist:
  - reason: documentation
    paths: ['docs\\examples\\**']
  - secrets: ['^${b.slice(0, 20)}']
  - lines: ['EXAMPLE_ONLY']
  - stopwords: ['${d.slice(-24, -16).toUpperCase()}']
  - rules: [generic-secret]
    paths: ['scoped/**']
  - match: all
    paths: ['both/**']
    lines: ['FIXTURE']
`,
      'docs/examples/a.md': `token: ${a}\n`,
      'docs/other/a.md': `token: ${a}\n`,
      'src/b.ts': `const t = "${b}";\n`,
      'src/c.ts': `const t = "${c}"; // EXAMPLE_ONLY\n`,
      'src/d.ts': `const t = "${d}";\n`,
      'scoped/e.ts': `const t = "${e}";\n`,
      'both/fixture.ts': `const t = "${e}"; // FIXTURE\n`,
      'both/real.ts': `const t = "${e}";\n`,
    });
    const r = json(dir);
    expect(r.files).toEqual(['both/real.ts:1', 'docs/other/a.md:1', 'scoped/e.ts:1']);
    expect(r.report.stats.rejected['allowlisted']).toBe(5);
    const text = runCli(['scan', '.', '--show-suppressed'], { cwd: dir });
    expect(text.stdout).toMatch(/docs\/examples\/a\.md\n.*suppressed: allowlisted: documentation/);
    expect(text.stdout).toMatch(/src\/c\.ts\n.*suppressed: allowlisted: allowlist at \.keyhound\.yaml:5:5/);
    expect(text.stdout).toContain('5 suppressed: 5 allowlisted');
  });

  it('changes a rule severity, and --fail-on / fail_on decide the exit code', () => {
    const t = slackBotToken();
    const dir = tree({ '.keyhound.yaml': 'severity:\n  slack-bot-token: warn\n', 'a.py': `token = "${t}"\n` });
    const r = json(dir);
    expect(r.code).toBe(1);
    expect(r.report.findings[0]!.severity).toBe('warn');
    expect(json(dir, ['--fail-on', 'error']).code).toBe(0);
    expect(json(dir, ['--fail-on', 'none']).code).toBe(0);
    const strict = tree({ '.keyhound.yaml': 'fail_on: error\n', 'a.py': `token = "${t}"\n` });
    expect(json(strict).code).toBe(1); // still an error-severity finding
    const relaxed = tree({ '.keyhound.yaml': 'fail_on: error\nseverity: { slack-bot-token: warn }\n', 'a.py': `token = "${t}"\n` });
    expect(json(relaxed).code).toBe(0);
    expect(json(relaxed, ['--fail-on', 'warn']).code).toBe(1); // the flag beats the file
    const bad = runCli(['scan', '.', '--fail-on', 'sometimes'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on: `sometimes` is not a level.*error, warn, none/);
  });

  it('rejects an unknown rule id with its position and a suggestion', () => {
    const dir = tree({ '.keyhound.yaml': 'allowlist:\n  - rules: [slack-bot-tokn]\n    paths: [x]\n', 'a.txt': 'hello\n' });
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.keyhound\.yaml:2:13: `allowlist\.rules` names unknown rule `slack-bot-tokn`.*did you mean `slack-bot-token`/);
  });
});

describe('nested configs (monorepo)', () => {
  it('cascade: a package config adds to the top one for its subtree, closest wins', () => {
    const t = slackBotToken();
    const dir = tree({
      '.keyhound.yaml': 'allowlist:\n  - paths: [vendor]\nseverity:\n  slack-bot-token: warn\n',
      'packages/a/.keyhound.yaml': 'allowlist:\n  - paths: [fixtures/**]\n    reason: package a fixtures\nseverity:\n  slack-bot-token: error\ninline_markers:\n  gitleaks: false\n',
      'packages/a/fixtures/k.txt': `token: ${t}\n`,
      'packages/a/src/k.ts': `const t = "${t}";\n`,
      'packages/a/src/gl.ts': `const t = "${t}"; // gitleaks:allow\n`,
      'packages/a/vendor/k.ts': `const t = "${t}";\n`,
      'packages/b/fixtures/k.txt': `token: ${t}\n`,
      'packages/b/src/gl.ts': `const t = "${t}"; // gitleaks:allow\n`,
      'packages/c/.keyhound.yaml': 'disable: [slack-bot-token]\n',
      'packages/c/k.ts': `const t = "${t}";\n`,
    });
    // In a git work tree the top config is the outermost one, whatever directory is scanned.
    expect(spawnSync('git', ['init', '-q'], { cwd: dir, timeout: SPAWN_TIMEOUT_MS }).status).toBe(0);
    const r = json(dir);
    const sev = Object.fromEntries(r.report.findings.map((f) => [`${f.file}:${f.line}`, f.severity]));
    expect(sev).toEqual({
      'packages/a/src/gl.ts:1': 'error', // gitleaks markers off in a, severity error in a
      'packages/a/src/k.ts:1': 'error',
      'packages/b/fixtures/k.txt:1': 'warn', // a's allowlist does not reach b; top severity
    });
    // scanning the package alone gives the same answer for it
    const sub = runCli(['scan', 'packages/a', '--format', 'json'], { cwd: dir });
    const subSev = Object.fromEntries(JSON.parse(sub.stdout).findings.map((f: JsonFinding) => [f.file, f.severity]));
    expect(subSev).toEqual({ 'src/gl.ts': 'error', 'src/k.ts': 'error' });
    const b = runCli(['scan', 'packages/b', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(b.stdout).findings.map((f: JsonFinding) => [f.file, f.severity])).toEqual([['fixtures/k.txt', 'warn']]);
  });

  it('reports an error in a nested config even where nothing was found', () => {
    const dir = tree({ 'packages/a/.keyhound.yaml': 'alowlist:\n  - paths: [x]\n', 'packages/a/ok.txt': 'nothing\n' });
    const r = runCli(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/packages\/a\/\.keyhound\.yaml:1:1: unknown key `alowlist`.*did you mean `allowlist`/);
    expect(runCli(['scan', '.', '--no-config'], { cwd: dir }).code).toBe(0);
  });
});
