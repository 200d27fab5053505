import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import { COMMIT_SHA, fixtureContext, SECRETS } from './fixtures.js';

const FINDING_KEYS = ['rule', 'name', 'severity', 'file', 'line', 'column', 'end_line', 'end_column', 'masked', 'fingerprint', 'notes', 'source'];
const COMMIT_KEYS = ['rule', 'name', 'severity', 'file', 'line', 'column', 'end_line', 'end_column', 'masked', 'fingerprint', 'notes', 'commit', 'author', 'email', 'date', 'source'];

type Doc = { version: number; tool: { name: string; version: string }; findings: Record<string, unknown>[]; suppressed: Record<string, unknown>[]; stats: Record<string, unknown> };

describe('json reporter', () => {
  it('writes schema version 1 with the documented top-level keys in order', () => {
    const doc = JSON.parse(json.render(fixtureContext())) as Doc;
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'target', 'summary', 'findings', 'suppressed', 'stats']);
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: 'keyhound', version: '0.1.0' });
  });

  it('keeps a fixed key order per finding; commit fields only for commit origins; no secret key', () => {
    const doc = JSON.parse(json.render(fixtureContext())) as Doc;
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual(f['source'] === 'commit' ? COMMIT_KEYS : FINDING_KEYS);
    }
    const commit = doc.findings.find((f) => f['source'] === 'commit');
    expect(commit?.['commit']).toBe(COMMIT_SHA);
    expect(doc.findings.map((f) => f['source'])).toEqual(['staged', 'stdin', 'commit', 'file', 'file', 'file']);
  });

  it('adds `secret` last, only when the finding carries it', () => {
    const doc = JSON.parse(json.render(fixtureContext({ unmask: true }))) as Doc;
    const pat = doc.findings.find((f) => f['file'] === 'src/config.ts' && f['rule'] === 'github-pat-classic');
    expect(Object.keys(pat ?? {}).at(-1)).toBe('secret');
    expect(pat?.['secret']).toBe(SECRETS.pat);
  });

  it('lists suppressed findings with reason and via, and snake_case stats', () => {
    const doc = JSON.parse(json.render(fixtureContext())) as Doc;
    expect(doc.suppressed).toHaveLength(1);
    expect(doc.suppressed[0]).toMatchObject({ reason: 'test fixture', via: 'allowlisted', masked: 'RAWS••••3210' });
    expect(doc.stats).toEqual({
      files_scanned: 42,
      bytes_scanned: 123456,
      skipped: { binary: 3, too_large: 1, unreadable: 0, other: 0 },
      rejected: { allowlisted: 1, 'bad-checksum': 9, baseline: 2, 'not-added-line': 5, placeholder: 3 },
      warnings: [],
      elapsed_ms: 1234,
    });
  });

  it('carries the scan warnings (JSON stats, SARIF run notifications)', () => {
    const ctx = fixtureContext();
    const warned = { ...ctx, stats: { ...ctx.stats, warnings: ['rule acme-key took over 2 s on big.txt: skipped'] } };
    expect((JSON.parse(json.render(warned)) as Doc).stats['warnings']).toEqual(['rule acme-key took over 2 s on big.txt: skipped']);
    const log = JSON.parse(sarif.render(warned)) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }> }> };
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: 'rule acme-key took over 2 s on big.txt: skipped' } }]);
  });

  it('is deterministic', () => {
    expect(json.render(fixtureContext())).toBe(json.render(fixtureContext()));
  });
});
