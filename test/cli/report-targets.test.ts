import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { githubToken } from '../helpers/tokens.js';

describe('scan report targets and exit policy', () => {
  const tok = githubToken();
  const dir = makeTree({ 'src/a.ts': `const t = "${tok}";\n` });

  it('writes several formats in one run: each --output belongs to the --format before it', () => {
    const sarif = join(dir, 'out.sarif');
    const csv = join(dir, 'out.csv');
    const r = runCli(['scan', join(dir, 'src'), '--format', 'sarif', '--output', sarif, '--format', 'text', '--format', 'csv', '-o', csv]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/rule/i);
    expect(r.stdout).toContain('github-pat-classic');
    for (const text of [r.stdout, readFileSync(sarif, 'utf8'), readFileSync(csv, 'utf8')]) expect(text).not.toContain(tok);
  });

  it('refuses two formats on standard output', () => {
    const r = runCli(['scan', dir, '--format', 'json', '--format', 'text']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output');
  });

  it('--exit-code sets the code for findings; 2 stays reserved for errors', () => {
    expect(runCli(['scan', dir, '--exit-code', '7']).code).toBe(7);
    expect(runCli(['scan', dir, '--exit-code', '0']).code).toBe(0);
    expect(runCli(['scan', dir, '--exit-code', '2']).code).toBe(2);
    expect(runCli(['scan', join(dir, 'nope'), '--exit-code', '7']).code).toBe(2);
  });

  it('adds GitHub annotations to the text report in GitHub Actions, unless turned off', () => {
    const on = runCli(['scan', dir], { env: { GITHUB_ACTIONS: 'true' } });
    expect(on.stdout).toMatch(/^::error file=src\/a\.ts,line=1,/m);
    const off = runCli(['scan', dir, '--no-annotations'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(off.stdout).not.toContain('::error');
    expect(runCli(['scan', dir]).stdout).not.toContain('::error');
  });
});
