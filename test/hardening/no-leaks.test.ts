// No output of any command or format holds a raw secret unless --unmask is given.
// Secrets are planted at test time (valid checksums are never committed).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, makeTree, runCli, SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { base62, githubToken, slackBotToken } from '../helpers/tokens.js';

const GH = githubToken();
const GH_ALLOWED = githubToken();
const GH_BASELINED = githubToken();
const GH_ENCODED = githubToken('gho_');
const SLACK = slackBotToken();
const USER = `acme_${base62(24).toLowerCase()}`;
const PASSWORD = `Zq${base62(18)}!9`;
const SECRETS = [GH, GH_ALLOWED, GH_BASELINED, GH_ENCODED, SLACK, USER, PASSWORD];

/** The secret itself, and a middle slice long enough to identify it (masks show 4 chars at most). */
function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s) || text.includes(s.slice(5, 17)));
}

const CONFIG = [
  'rules:',
  '  - id: acme-user-key',
  '    name: Acme user key',
  '    keywords: [acme_]',
  "    pattern: '\\b(?<secret>acme_[a-z0-9]{24})\\b'",
  "    examples: ['k = acme_q8w7e6r5t4y3u2i1o0p9a8s7']",
  "    negative_examples: ['acme_short']",
  '',
].join('\n');

function tree(): string {
  const dir = makeTree({
    '.keyhound.yaml': CONFIG,
    'src/app.ts': `export const token = "${GH}";\nconst slack = '${SLACK}';\n`,
    'src/user.env': `ACME_KEY=${USER}\nDB_PASSWORD="${PASSWORD}"\n`,
    'src/allowed.ts': `const t = "${GH_ALLOWED}"; // keyhound:allow test fixture\n`,
    'src/old.ts': `const legacy = "${GH_BASELINED}";\n`,
    'src/encoded.txt': `blob = ${Buffer.from(`token=${GH_ENCODED}`).toString('base64')}\n`,
  });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
  git('init', '-q');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'init');
  return dir;
}

function formats(): string[] {
  const help = runCli(['scan', '--help']).stdout;
  const m = /report format: ([a-z0-9, -]+) \(default/.exec(help);
  expect(m, 'scan --help lists the formats').not.toBeNull();
  return m![1]!.split(',').map((s) => s.trim());
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

describe('no raw secret in any output without --unmask', () => {
  it('every command, format, option and written file', () => {
    const dir = tree();
    // Accept one secret into the baseline first (it then shows with --show-suppressed).
    const seed = makeTree({ 'src/old.ts': `const legacy = "${GH_BASELINED}";\n` });
    expect(runCli(['baseline', '.', '--no-config'], { cwd: seed }).code).toBe(0);
    writeFileSync(join(dir, '.keyhound-baseline'), readFileSync(join(seed, '.keyhound-baseline')));
    const inputFiles = new Set(allFiles(dir));

    const runs: Array<[string, CliRun]> = [];
    const run = (args: string[], opts: { env?: Record<string, string>; input?: string } = {}) => {
      const r = runCli(args, { cwd: dir, ...opts });
      runs.push([args.join(' '), r]);
      return r;
    };
    const fmts = formats();
    expect(fmts.length).toBeGreaterThanOrEqual(3);
    for (const f of fmts) {
      expect(run(['scan', '.', '--format', f]).code, f).toBe(1);
      run(['scan', '.', '--format', f, '--show-suppressed', '--verbose']);
      run(['scan', '.', '--format', f, '--output', `report.${f}`]);
    }
    run(['scan', '.', '--format', 'sarif', '-o', 'multi.sarif', '--format', 'json', '-o', 'multi.json', '--format', 'text']);
    run(['scan', '.'], { env: { GITHUB_ACTIONS: 'true' } });
    run(['scan', '-'], { input: readFileSync(join(dir, 'src/app.ts'), 'utf8') });
    run(['scan', '.', '--no-inline-allow', '--baseline', 'none-such', '--verbose']);
    spawnSync('git', ['add', '-A'], { cwd: dir, timeout: SPAWN_TIMEOUT_MS });
    expect(run(['scan', '--staged']).code).toBe(1);
    spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'leak'], { cwd: dir, timeout: SPAWN_TIMEOUT_MS });
    expect(run(['scan', '--git', '--format', 'json']).code).toBe(1);
    run(['scan', '--git', '--verbose']);
    run(['rules']);
    run(['rules', '--json']);
    run(['rules', 'test']);
    run(['baseline', '.', '-b', 'accepted.baseline']);
    run(['baseline', '.', '-b', 'accepted.baseline', '--update']);

    // A broken config that carries secrets in its rule examples: the error names the place only.
    const broken = makeTree({
      '.keyhound.yaml': CONFIG.replace("examples: ['k = acme_q8w7e6r5t4y3u2i1o0p9a8s7']", `examples: ['${USER}', '${GH}']\n    colour: red`),
    });
    const bad = runCli(['scan', '.'], { cwd: broken });
    runs.push(['broken config', bad]);
    expect(bad.code).toBe(2);
    // And a rule whose negative example is a live-looking token: `rules test` names it masked.
    const neg = makeTree({ '.keyhound.yaml': CONFIG.replace("negative_examples: ['acme_short']", `negative_examples: ['${USER}']`) });
    const negRun = runCli(['rules', 'test'], { cwd: neg });
    runs.push(['rules test (negative found)', negRun]);
    expect(negRun.code).toBe(1);
    expect(negRun.stdout + negRun.stderr).toMatch(/negative example 1 is found/);

    for (const [what, r] of runs) {
      expect(leaks(r.stdout), `stdout of ${what}`).toEqual([]);
      expect(leaks(r.stderr), `stderr of ${what}`).toEqual([]);
    }
    const written = allFiles(dir).filter((p) => !inputFiles.has(p));
    expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual(expect.arrayContaining(['accepted.baseline', 'multi.json', 'multi.sarif', ...fmts.map((f) => `report.${f}`)]));
    for (const p of [...written, join(dir, '.keyhound-baseline')]) expect(leaks(readFileSync(p, 'utf8')), p).toEqual([]);
    // Reports really were about these secrets (a test that finds nothing proves nothing).
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(json.findings.length).toBeGreaterThanOrEqual(5);
  });

  it('with --unmask the raw secrets are shown (text, json, output file)', () => {
    const dir = tree();
    const text = runCli(['scan', '.', '--unmask'], { cwd: dir });
    expect(text.code).toBe(1);
    for (const s of [GH, SLACK, USER, PASSWORD]) expect(text.stdout).toContain(s);
    const json = runCli(['scan', '.', '--unmask', '--format', 'json', '--output', 'u.json'], { cwd: dir });
    expect(json.code).toBe(1);
    const out = readFileSync(join(dir, 'u.json'), 'utf8');
    for (const s of [GH, SLACK, USER, PASSWORD, GH_ENCODED]) expect(out).toContain(s);
  });
});

describe('reports and baselines are written atomically', () => {
  it('--output and baseline replace the file by rename (new inode), leaving no temp files', () => {
    const dir = tree();
    writeFileSync(join(dir, 'report.json'), 'old');
    writeFileSync(join(dir, '.keyhound-baseline'), '');
    const before = [statSync(join(dir, 'report.json')).ino, statSync(join(dir, '.keyhound-baseline')).ino];
    expect(runCli(['scan', '.', '--format', 'json', '-o', 'report.json'], { cwd: dir }).code).toBe(1);
    expect(runCli(['baseline', '.'], { cwd: dir }).code).toBe(0);
    const after = [statSync(join(dir, 'report.json')).ino, statSync(join(dir, '.keyhound-baseline')).ino];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).findings.length).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
