import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { gitlab, gitlabTime, NO_COMMIT_SHA } from '../../src/report/gitlab.js';
import { COMMIT_SHA, fixtureContext, SECRETS } from './fixtures.js';

// The published schema (MIT), vendored byte for byte; see test/golden/report/README.md.
const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'report', 'gitlab-secret-detection-report-format-15.2.1.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

type Report = { version: string; scan: Record<string, any>; vulnerabilities: Record<string, any>[] };

describe('gitlab reporter', () => {
  it('produces reports valid against the declared schema version', () => {
    expect((schema['self'] as { version: string }).version).toBe('15.2.1');
    for (const ctx of [fixtureContext(), fixtureContext({ unmask: true }), { ...fixtureContext(), findings: [] }]) {
      const report = JSON.parse(gitlab.render(ctx)) as Report;
      expect(report.version).toBe('15.2.1');
      const ok = validate(report);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema check can fail: a report without location.commit is rejected', () => {
    const report = JSON.parse(gitlab.render(fixtureContext())) as Report;
    delete report.vulnerabilities[0]!['location'].commit;
    report.scan['start_time'] = '2025-01-02T03:04:05.678Z';
    expect(validate(report)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/scan/start_time', '/vulnerabilities/0/location']),
    );
  });

  it('uses injected timestamps in the schema format', () => {
    const report = JSON.parse(gitlab.render(fixtureContext())) as Report;
    expect(report.scan).toMatchObject({ type: 'secret_detection', status: 'success', start_time: '2025-01-02T03:04:04', end_time: '2025-01-02T03:04:05' });
    const started = new Date('2024-12-31T23:59:59.999Z');
    const again = JSON.parse(gitlab.render({ ...fixtureContext(), startedAt: started })) as Report;
    expect(again.scan['start_time']).toBe('2024-12-31T23:59:59');
    expect(gitlabTime(new Date(0))).toBe('1970-01-01T00:00:00');
  });

  it('maps findings to vulnerabilities: stable unique ids, severity, rule identifier, commit', () => {
    const report = JSON.parse(gitlab.render(fixtureContext())) as Report;
    const v = report.vulnerabilities;
    expect(v).toHaveLength(6);
    const ids = v.map((x) => x['id'] as string);
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(gitlab.render(fixtureContext())).vulnerabilities.map((x: any) => x.id)).toEqual(ids);
    // Moving a finding to another line keeps its id.
    const ctx = fixtureContext();
    const moved = ctx.findings.map((f) => ({ ...f, line: f.line + 10, endLine: f.endLine + 10 }));
    expect(JSON.parse(gitlab.render({ ...ctx, findings: moved })).vulnerabilities.map((x: any) => x.id)).toEqual(ids);

    expect(v.map((x) => x['severity'])).toEqual(['Critical', 'Medium', 'Critical', 'Critical', 'Medium', 'Medium']);
    expect(v[3]!['identifiers']).toEqual([{ type: 'keyhound_rule_id', name: 'keyhound rule github-pat-classic', value: 'github-pat-classic' }]);
    expect(v[2]!['location']).toEqual({ file: 'old/keys.yaml', start_line: 12, end_line: 12, commit: { sha: COMMIT_SHA, author: 'Ada Lovelace', date: '2024-03-05T10:20:30+01:00' } });
    expect(v[0]!['location'].commit).toEqual({ sha: NO_COMMIT_SHA });
    expect(v.every((x) => x['category'] === 'secret_detection')).toBe(true);
  });

  it('keeps raw_source_code_extract masked even with --unmask', () => {
    const report = JSON.parse(gitlab.render(fixtureContext({ unmask: true }))) as Report;
    for (const v of report.vulnerabilities) {
      for (const s of Object.values(SECRETS)) expect(v['raw_source_code_extract']).not.toContain(s);
      expect(v['raw_source_code_extract']).toContain('••••');
    }
  });
});
