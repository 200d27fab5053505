// CI mode: which commits a GitHub Actions event names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubRange } from '../../src/sources/git-ci.js';

function eventFile(body: unknown): string {
  const p = join(mkdtempSync(join(tmpdir(), 'keyhound-ci-')), 'event.json');
  writeFileSync(p, JSON.stringify(body));
  return p;
}

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

describe('githubRange', () => {
  it('is undefined outside GitHub Actions or without an event', () => {
    expect(githubRange({ GITHUB_EVENT_PATH: eventFile({ before: A, after: B }) })).toBeUndefined();
    expect(githubRange({ GITHUB_ACTIONS: 'true' })).toBeUndefined();
    expect(githubRange({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: eventFile({ schedule: '* * * * *' }) })).toBeUndefined();
  });

  it('pull request: base..head; push: before..after', () => {
    const pr = githubRange({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: eventFile({ pull_request: { base: { sha: A }, head: { sha: B } } }) });
    expect(pr?.revs).toEqual([`${A}..${B}`]);
    const push = githubRange({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: eventFile({ before: A, after: B }) });
    expect(push?.revs).toEqual([`${A}..${B}`]);
  });

  it('new branch: its commits not on other remote branches; deleted branch: nothing', () => {
    const nb = githubRange({ GITHUB_ACTIONS: 'true', GITHUB_REF: 'refs/heads/feat/x', GITHUB_EVENT_PATH: eventFile({ before: Z, after: B }) });
    expect(nb?.revs).toEqual([B, '--not', '--exclude=*/feat/x', '--remotes']);
    const del = githubRange({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_PATH: eventFile({ before: A, after: Z }) });
    expect(del?.revs).toEqual([]);
  });
});
