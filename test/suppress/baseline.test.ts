// End-to-end: `keyhound baseline` and scans against it, on temp dirs and real git repositories.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { reporters } from '../../src/report/registry.js';
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

function git(cwd: string, ...args: string[]): { code: number; out: string } {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    timeout: SPAWN_TIMEOUT_MS,
    cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

function findings(dir: string, args: string[] = []): { code: number; files: string[]; rejected: Record<string, number> } {
  const r = runCli(['scan', '.', '--format', 'json', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  const rep = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number }>; stats: { rejected: Record<string, number> } };
  return { code: r.code, files: rep.findings.map((f) => `${f.file}:${f.line}`).sort(), rejected: rep.stats.rejected };
}

const entries = (dir: string, name = '.keyhound-baseline') =>
  readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('keyhound baseline', () => {
  it('writes sorted "fingerprint  rule  path" lines without secrets or line numbers; scans then skip them', () => {
    const [a, b] = [slackBotToken(), slackBotToken()];
    const dir = tree({ 'src/a.ts': `const a = "${a}";\n`, 'z/b.py': `b = "${b}"\n`, 'src/also.ts': `x\n\nconst a = "${a}";\n` });
    const r = runCli(['baseline'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote .keyhound-baseline: 3 entries (3 added, 0 removed)');
    const lines = entries(dir);
    expect(lines).toEqual([...lines].sort());
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^[0-9a-f]{32} {2}slack-bot-token {2}(src\/a\.ts|src\/also\.ts|z\/b\.py)$/);
    expect(lines).toContain(`${fingerprint('slack-bot-token', a)}  slack-bot-token  src/a.ts`);
    const text = readFileSync(join(dir, '.keyhound-baseline'), 'utf8');
    expect(text).not.toContain(a);
    expect(text).not.toContain(b);
    expect(text).not.toMatch(/:\d+|\d{4}-\d\d-\d\d/); // no line numbers, no timestamps
    // not a git repository: no .gitattributes
    expect(() => readFileSync(join(dir, '.gitattributes'))).toThrow();

    const s = findings(dir);
    expect(s.code).toBe(0);
    expect(s.rejected['baseline']).toBe(3);
    // the same content gives the same file, byte for byte
    runCli(['baseline'], { cwd: dir });
    expect(readFileSync(join(dir, '.keyhound-baseline'), 'utf8')).toBe(text);
  });

  it('keeps a moved line suppressed; a changed secret or a copy in another file re-fires', () => {
    const a = slackBotToken();
    const dir = tree({ 'app.ts': `const a = "${a}";\n` });
    runCli(['baseline'], { cwd: dir });
    writeFileSync(join(dir, 'app.ts'), `// moved down\n\n\nfunction f() {\n  const a = "${a}";\n}\n`);
    expect(findings(dir).code).toBe(0);
    const changed = slackBotToken();
    writeFileSync(join(dir, 'app.ts'), `// moved down\n\n\nfunction f() {\n  const a = "${changed}";\n}\n`);
    expect(findings(dir).files).toEqual(['app.ts:5']);
    writeFileSync(join(dir, 'app.ts'), `const a = "${a}";\n`);
    writeFileSync(join(dir, 'other.ts'), `const copy = "${a}";\n`);
    expect(findings(dir).files).toEqual(['other.ts:1']);
  });

  it('--update prunes entries that no longer match and adds nothing; plain baseline rewrites', () => {
    const [a, b, c] = [slackBotToken(), slackBotToken(), slackBotToken()];
    const dir = tree({ 'a.ts': `"${a}"\n`, 'b.ts': `"${b}"\n` });
    runCli(['baseline'], { cwd: dir });
    writeFileSync(join(dir, 'b.ts'), 'fixed\n');
    writeFileSync(join(dir, 'c.ts'), `"${c}"\n`);
    const u = runCli(['baseline', '--update'], { cwd: dir });
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('1 entry (0 added, 1 removed)');
    expect(entries(dir)).toEqual([`${fingerprint('slack-bot-token', a)}  slack-bot-token  a.ts`]);
    expect(findings(dir).files).toEqual(['c.ts:1']);
    expect(runCli(['baseline'], { cwd: dir }).stdout).toContain('2 entries (1 added, 0 removed)');
    expect(findings(dir).code).toBe(0);
    const missing = runCli(['baseline', '--update'], { cwd: tree({ 'x.txt': 'x\n' }) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--update: there is no \.keyhound-baseline.*keyhound baseline/);
  });

  it('takes --baseline FILE for writing and scanning, and names file:line for a broken line', () => {
    const a = slackBotToken();
    const dir = tree({ 'src/a.ts': `"${a}"\n` });
    expect(runCli(['baseline', '--baseline', 'ci/accepted.txt', 'src'], { cwd: dir }).code).toBe(2); // ci/ does not exist
    spawnSync('mkdir', ['ci'], { cwd: dir, timeout: SPAWN_TIMEOUT_MS });
    expect(runCli(['baseline', '--baseline', 'ci/accepted.txt'], { cwd: dir }).code).toBe(0);
    expect(entries(dir, 'ci/accepted.txt')).toEqual([`${fingerprint('slack-bot-token', a)}  slack-bot-token  ../src/a.ts`]);
    expect(findings(dir).code).toBe(1); // not picked up automatically from ci/
    expect(findings(dir, ['--baseline', 'ci/accepted.txt']).code).toBe(0);
    writeFileSync(join(dir, '.keyhound-baseline'), '# header\nnot a baseline line\n');
    const bad = runCli(['scan', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.keyhound-baseline:2: malformed baseline line.*Fix:/);
    writeFileSync(join(dir, '.keyhound-baseline'), '<<<<<<< HEAD\n');
    expect(runCli(['scan', '.'], { cwd: dir }).stderr).toMatch(/\.keyhound-baseline:1: merge conflict marker.*merge=union/);
  });

  it('finds the baseline at the repository root when a subdirectory is scanned', () => {
    const a = slackBotToken();
    const dir = tree({ 'pkg/src/a.ts': `"${a}"\n` });
    git(dir, 'init', '-q');
    runCli(['baseline'], { cwd: dir });
    const sub = runCli(['scan', 'pkg/src'], { cwd: dir });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('1 suppressed: 1 baseline');
  });
});

describe('baseline in git', () => {
  /** A token whose baseline line sorts after `after`, so two branches append at the same place. */
  function tokenSortingAfter(after: string): string {
    for (;;) {
      const t = slackBotToken();
      if (fingerprint('slack-bot-token', t) > after) return t;
    }
  }

  function repoWithTwoBranches(gitattributes: boolean): { dir: string; merge: { code: number; out: string } } {
    const first = slackBotToken();
    const dir = tree({ 'base.ts': `"${first}"\n` });
    expect(git(dir, 'init', '-q', '-b', 'main').code).toBe(0);
    const r = runCli(['baseline', ...(gitattributes ? [] : ['--no-gitattributes'])], { cwd: dir });
    expect(r.code).toBe(0);
    if (gitattributes) expect(r.stdout).toContain('merge=union');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const top = fingerprint('slack-bot-token', first);
    const [x, y] = [tokenSortingAfter(top), tokenSortingAfter(top)];
    for (const [branch, file, tok] of [['one', 'one.ts', x], ['two', 'two.ts', y]] as const) {
      git(dir, 'checkout', '-q', '-b', branch, 'main');
      writeFileSync(join(dir, file), `"${tok}"\n`);
      expect(runCli(['baseline', ...(gitattributes ? [] : ['--no-gitattributes'])], { cwd: dir }).code).toBe(0);
      expect(entries(dir), `${branch} accepts its secret`).toHaveLength(2);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', `accept ${file}`);
    }
    git(dir, 'checkout', '-q', 'one');
    return { dir, merge: git(dir, 'merge', '-q', '--no-edit', 'two') };
  }

  it('two branches that each accept a secret merge without conflict (merge=union written by baseline)', () => {
    const { dir, merge } = repoWithTwoBranches(true);
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('.keyhound-baseline merge=union\n');
    expect(merge.code, merge.out).toBe(0);
    expect(entries(dir)).toHaveLength(3);
    expect(findings(dir).code).toBe(0);
    // regenerating after the merge restores sorted order without changing the entries
    const before = new Set(entries(dir));
    runCli(['baseline'], { cwd: dir });
    expect(new Set(entries(dir))).toEqual(before);
    expect(entries(dir)).toEqual([...entries(dir)].sort());
  });

  it('without the attribute the same merge conflicts (why baseline writes it)', () => {
    const { merge } = repoWithTwoBranches(false);
    expect(merge.code, merge.out).not.toBe(0);
    expect(merge.out).toMatch(/CONFLICT.*\.keyhound-baseline/);
  });

  it('does not add the attribute twice', () => {
    const dir = tree({ '.gitattributes': '*.png binary\n/.keyhound-baseline merge=union\n', 'a.ts': `"${slackBotToken()}"\n` });
    git(dir, 'init', '-q');
    const r = runCli(['baseline'], { cwd: dir });
    expect(r.stdout).not.toContain('merge=union');
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe('*.png binary\n/.keyhound-baseline merge=union\n');
  });
});

describe('no raw secret anywhere', () => {
  it('the baseline and every report format, with suppressed findings shown, hold no raw secret', () => {
    const [live, inline, allowed, based, pw] = [slackBotToken(), slackBotToken(), slackBotToken(), slackBotToken(), slackBotToken()];
    const dir = tree({
      '.keyhound.yaml': 'allowlist:\n  - paths: [fixtures]\n    reason: fixtures\n',
      'live.ts': `const t = "${live}";\n`,
      'inline.ts': `const t = "${inline}"; // keyhound:allow reason="demo"\n`,
      'fixtures/k.txt': `token: ${allowed}\n`,
      'old.ts': `const t = "${based}";\n`,
      'generic.env': `PASSWORD="${pw.slice(5, 30)}"\n`,
    });
    // accept old.ts and generic.env: write the baseline, then add the live finding
    const liveText = readFileSync(join(dir, 'live.ts'), 'utf8');
    rmSync(join(dir, 'live.ts'));
    expect(runCli(['baseline'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'live.ts'), liveText);
    const secrets = [live, inline, allowed, based, pw.slice(5, 30)];
    const baselineText = readFileSync(join(dir, '.keyhound-baseline'), 'utf8');
    for (const s of secrets) expect(baselineText).not.toContain(s);

    for (const format of Object.keys(reporters)) {
      const r = runCli(['scan', '.', '--format', format, '--show-suppressed'], { cwd: dir });
      expect(r.code, format).toBe(1);
      for (const s of secrets) {
        expect(r.stdout, `${format} leaks a secret`).not.toContain(s);
        expect(r.stderr).not.toContain(s);
      }
    }
    const text = runCli(['scan', '.', '--show-suppressed'], { cwd: dir }).stdout;
    expect(text).toMatch(/suppressed: inline-allow: demo/);
    expect(text).toMatch(/suppressed: allowlisted: fixtures/);
    expect(text).toMatch(/suppressed: baseline: accepted in \.keyhound-baseline/);
    expect(text).toContain('4 suppressed: 2 baseline, 1 inline allow, 1 allowlisted');
    const json = JSON.parse(runCli(['scan', '.', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.stats.rejected).toMatchObject({ 'inline-allow': 1, allowlisted: 1, baseline: 2 });
  });
});
