import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pascalName, relativeUri, sarif } from '../../src/report/sarif.js';
import { COMMIT_SHA, fixtureContext, WEIRD_PATH } from './fixtures.js';

type Log = {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: Record<string, any>[] } };
    originalUriBaseIds: Record<string, { uri?: string }>;
    results: Record<string, any>[];
  }[];
};

const render = (o: Parameters<typeof fixtureContext>[0] = {}): Log => JSON.parse(sarif.render(fixtureContext(o))) as Log;

describe('sarif reporter', () => {
  it('declares SARIF 2.1.0 and the keyhound driver with every rule that fired, sorted by id', () => {
    const log = render();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    const { driver } = log.runs[0]!.tool;
    expect(driver.name).toBe('keyhound');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.rules.map((r) => r['id'])).toEqual(['aws-access-key-id', 'generic-api-key', 'github-pat-classic']);
    const pat = driver.rules[2]!;
    expect(pat['name']).toBe('GitHubPersonalAccessTokenClassic');
    expect(pat['helpUri']).toBe('https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/');
    expect(pat['defaultConfiguration']).toEqual({ level: 'error' });
    expect(pat['properties']).toMatchObject({ tags: ['security', 'secret'], 'security-severity': '8.0' });
    expect(driver.rules[1]!['defaultConfiguration']).toEqual({ level: 'warning' });
    expect(driver.rules[1]!['helpUri']).toBeUndefined();
  });

  it('points each result at its rule by index, with relative %SRCROOT% locations and fingerprints', () => {
    const run = render().runs[0]!;
    for (const r of run.results) {
      expect(run.tool.driver.rules[r['ruleIndex']]!['id']).toBe(r['ruleId']);
      const loc = r['locations'][0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:/i);
      expect(Object.keys(r['partialFingerprints'])).toEqual(['keyhound/v1']);
    }
    const weird = run.results.find((r) => r['locations'][0].physicalLocation.region.startLine === 2)!;
    expect(decodeURIComponent(weird['locations'][0].physicalLocation.artifactLocation.uri)).toBe(WEIRD_PATH);
    expect(weird['locations'][0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 5, endLine: 3, endColumn: 4 });
    expect(weird['level']).toBe('warning');
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///work/project/');
  });

  it('adds commit, author and date for history findings, and marks suppressed results', () => {
    const run = render().runs[0]!;
    const commit = run.results.find((r) => r['properties'].source === 'commit')!;
    expect(commit['properties']).toEqual({ source: 'commit', commit: COMMIT_SHA, author: 'Ada Lovelace', date: '2024-03-05T10:20:30+01:00' });
    expect(commit['message'].text).toContain('3f1c2b9');
    const suppressed = run.results.filter((r) => r['suppressions'] !== undefined);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!['suppressions']).toEqual([{ kind: 'external', justification: 'allowlisted: test fixture' }]);
  });

  it('builds rule names and relative URIs', () => {
    expect(pascalName('npm access token')).toBe('NpmAccessToken');
    expect(pascalName('---')).toBe('Secret');
    expect(relativeUri('./a b/c#d.txt')).toBe('a%20b/c%23d.txt');
    expect(relativeUri('dir\\win.txt')).toBe('dir/win.txt');
  });

  it('passes the SARIF multitool validator, including its GitHub ingestion rules', () => {
    const require = createRequire(import.meta.url);
    const tool = require('@microsoft/sarif-multitool') as string;
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-sarif-'));
    try {
      for (const [name, text] of [
        ['findings.sarif', sarif.render(fixtureContext())],
        ['unmasked.sarif', sarif.render(fixtureContext({ unmask: true }))],
        ['relative.sarif', sarif.render({ ...fixtureContext(), scanTarget: '.' })],
        ['clean.sarif', sarif.render({ ...fixtureContext(), findings: [], suppressed: [] })],
      ] as const) {
        const input = join(dir, name);
        const output = join(dir, `${name}.out`);
        writeFileSync(input, text);
        execFileSync(tool, ['validate', input, '-o', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note'], {
          stdio: 'pipe',
          timeout: 60_000,
        });
        const report = JSON.parse(readFileSync(output, 'utf8')) as Log;
        const problems = report.runs[0]!.results
          .filter((r) => r['level'] === 'error' || r['level'] === 'warning')
          .map((r) => `${name}: ${r['ruleId']} ${JSON.stringify(r['message'].arguments)}`);
        expect(problems).toEqual([]);
        // The validator did run its checks: it always leaves style notes on our logs.
        if (name !== 'clean.sarif') expect(report.runs[0]!.results.length).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the validator rejects a log GitHub could not ingest (so the test above can fail)', () => {
    const require = createRequire(import.meta.url);
    const tool = require('@microsoft/sarif-multitool') as string;
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-sarif-'));
    try {
      const log = render();
      delete log.runs[0]!.results[0]!['locations'];
      const input = join(dir, 'broken.sarif');
      writeFileSync(input, JSON.stringify(log));
      execFileSync(tool, ['validate', input, '-o', `${input}.out`, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh'], { stdio: 'pipe', timeout: 60_000 });
      const report = JSON.parse(readFileSync(`${input}.out`, 'utf8')) as Log;
      expect(report.runs[0]!.results.some((r) => r['level'] === 'error')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
