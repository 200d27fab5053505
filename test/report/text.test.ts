import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { formatBytes, formatElapsed, text } from '../../src/report/text.js';
import { cleanContext, fixtureContext } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('text reporter', () => {
  it('groups findings under one header line per file, in input order', () => {
    const out = text.render(fixtureContext());
    const headers = out.split('\n').filter((l) => l.length > 0 && !l.startsWith(' ') && !/^[✖✔!]/.test(l));
    expect(headers).toEqual(['.env (staged)', '<stdin> (stdin)', 'old/keys.yaml (history)', 'src/config.ts', `we"ird dir/<a&b>'c' 100%:x,y=1.env`]);
  });

  it('prints line:col, rule, masked value and severity; commit origins add sha, author and date', () => {
    const lines = text.render(fixtureContext()).split('\n');
    expect(lines).toContain('  7:17  github-pat-classic  RAWS••••4a60  (error)  checksum valid');
    expect(lines).toContain('  21:1  generic-api-key     RAWS••••ef15  (warn)');
    expect(lines).toContain('  12:9 3f1c2b9 Ada Lovelace 2024-03-05  github-pat-classic  RAWS••••f00d  (error)  checksum valid');
  });

  it('summarises counts, files, bytes, skipped files, dropped look-alikes and time', () => {
    const out = text.render(fixtureContext());
    expect(out).toContain('6 findings (3 errors, 3 warnings) in 5 files');
    expect(out).toContain('42 files scanned (120.6 KB) in 1.23 s');
    expect(out).toContain('4 files skipped: 3 binary, 1 too large');
    expect(out).toContain('12 look-alikes dropped: 9 bad checksum, 3 placeholder');
    expect(out).toContain('3 suppressed: 2 baseline, 1 allowlisted');
    expect(out).not.toContain('not added line');
  });

  it('says a clean scan is clean in one line', () => {
    const out = text.render(cleanContext());
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^✔ No secrets found: 42 files scanned \(120\.6 KB\) in 1\.23 s\n$/);
  });

  it('lists suppressed findings with their reason only when asked', () => {
    expect(text.render(fixtureContext())).not.toContain('test/fixtures/sample.env');
    const out = text.render(fixtureContext({ showSuppressed: true }));
    expect(out).toContain('Suppressed (1):');
    expect(out).toMatch(/4:8 +generic-api-key +RAWS••••3210 +\(warn\) +suppressed: allowlisted: test fixture/);
  });

  it('uses color only when ctx.color is true', () => {
    expect(text.render(fixtureContext({ color: false }))).not.toMatch(ANSI);
    expect(text.render(fixtureContext({ color: true }))).toMatch(ANSI);
    // Same content once the escapes are removed.
    const stripped = text.render(fixtureContext({ color: true })).replace(/\u001b\[[0-9;]*m/g, '');
    expect(stripped).toBe(text.render(fixtureContext({ color: false })));
  });

  it('never passes terminal control sequences from paths or notes to the terminal', () => {
    const ctx = fixtureContext();
    const evil: Finding = { ...ctx.findings[0]!, origin: { kind: 'file', path: 'a\u001b[2Jb\rc.txt' }, notes: ['x\u0007y'] };
    const out = text.render({ ...ctx, findings: [evil] });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('a\\x1b[2Jb\\x0dc.txt');
    expect(out).toContain('x\\x07y');
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatElapsed(87.4)).toBe('87 ms');
    expect(formatElapsed(61_500)).toBe('61.50 s');
  });
});
