// `--verbose` says why a key was not reported: every candidate dropped as a look-alike, with its
// place, rule and reason, masked like a finding; the same list for any thread count and source.
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { githubToken, oneCharOff } from '../helpers/tokens.js';
import { gitRepo, keyhound } from '../git/repo.js';

const lookalikes = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('look-alike '));

describe('scan --verbose lists look-alikes', () => {
  const bad = oneCharOff(githubToken());
  const files = {
    'b.env': `STRIPE_SECRET_KEY=sk_live_${'A'.repeat(24)}\nDB_PASSWORD="changeme123!"\n`,
    'a/c.env': `\nGH_TOKEN=${bad}\n`,
  };

  it('names file, line, rule, masked value and reason, sorted, for 1 and 2 threads', () => {
    const dir = makeTree(files);
    const runs = ['1', '2'].map((t) => runCli(['scan', dir, '--no-config', '-v', '--threads', t]));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(lookalikes(r.stderr)).toEqual([
        `look-alike a/c.env:2  github-pat-classic  ghp_••••${bad.slice(-4)}  (bad-checksum)`,
        'look-alike b.env:1  stripe-secret-key  sk_live_••••AAAA  (placeholder)',
        'look-alike b.env:2  generic-password  ••••  (placeholder)',
      ]);
      expect(r.stderr).not.toContain(bad);
      expect(r.stderr).toMatch(/candidates dropped: .*bad-checksum 1/);
    }
  });

  it('lists nothing without --verbose', () => {
    const r = runCli(['scan', makeTree(files), '--no-config']);
    expect(lookalikes(r.stderr)).toEqual([]);
    const j = runCli(['scan', makeTree(files), '--no-config', '--format', 'json']);
    expect(JSON.parse(j.stdout).stats).not.toHaveProperty('lookalikes');
  });

  it('puts the same list, masked, into the JSON report', () => {
    const r = runCli(['scan', makeTree(files), '--no-config', '-v', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats.lookalikes).toEqual([
      { file: 'a/c.env', line: 2, rule: 'github-pat-classic', masked: `ghp_••••${bad.slice(-4)}`, reason: 'bad-checksum' },
      { file: 'b.env', line: 1, rule: 'stripe-secret-key', masked: 'sk_live_••••AAAA', reason: 'placeholder' },
      { file: 'b.env', line: 2, rule: 'generic-password', masked: '••••', reason: 'placeholder' },
    ]);
    expect(r.stdout).not.toContain(bad);
  });

  it('works for staged changes', () => {
    const g = gitRepo();
    g.write('c.env', files['a/c.env']);
    g.run(['add', '-A']);
    const r = keyhound(['scan', '--staged', '-v'], g.dir);
    expect(r.code).toBe(0);
    expect(lookalikes(r.stderr)).toEqual([`look-alike c.env:2  github-pat-classic  ghp_••••${bad.slice(-4)}  (bad-checksum)`]);
  });
});
