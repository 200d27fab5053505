import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { fixtureContext, WEIRD_PATH } from './fixtures.js';

const unescape = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Parse `::kind props::message` the way the runner does: properties split on `,`, then on the first `=`. */
function parse(line: string): { kind: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const p of (m[2] ?? '').split(',').filter((x) => x.length > 0)) {
    const eq = p.indexOf('=');
    props[p.slice(0, eq)] = unescape(p.slice(eq + 1));
  }
  return { kind: m[1] ?? '', props, message: unescape(m[3] ?? '') };
}

describe('github reporter', () => {
  it('writes one command per finding, error or warning by severity', () => {
    const lines = github.render(fixtureContext()).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    const cmds = lines.map(parse);
    expect(cmds.map((c) => c.kind)).toEqual(['error', 'warning', 'error', 'error', 'warning', 'warning']);
    expect(cmds[3]).toEqual({
      kind: 'error',
      props: { file: 'src/config.ts', line: '7', col: '17', endLine: '7', endColumn: '48', title: 'github-pat-classic' },
      message: 'GitHub personal access token (classic): RAWS••••4a60 [checksum valid]',
    });
  });

  it('escapes paths and messages so they round-trip', () => {
    const cmds = github.render(fixtureContext()).trimEnd().split('\n').map(parse);
    const weird = cmds.find((c) => c.props['line'] === '2')!;
    expect(weird.props['file']).toBe(WEIRD_PATH);
    expect(weird.message).toContain('and\nnewline');
    const commit = cmds[2]!;
    expect(commit.message).toContain('commit 3f1c2b9 by Ada Lovelace');
  });

  it('annotates stdin findings without a file, and suppressed ones as notices only on request', () => {
    const cmds = github.render(fixtureContext()).trimEnd().split('\n').map(parse);
    expect(cmds[1]!.props).toEqual({ title: 'generic-api-key' });
    const shown = github.render(fixtureContext({ showSuppressed: true })).trimEnd().split('\n').map(parse);
    expect(shown.at(-1)!.kind).toBe('notice');
    expect(shown.at(-1)!.message).toContain('suppressed by allowlisted: test fixture');
  });

  it('prints nothing for a clean scan', () => {
    expect(github.render({ ...fixtureContext(), findings: [] })).toBe('');
  });

  it('escapes like the runner expects', () => {
    expect(escapeData('100%\r\n:,')).toBe('100%25%0D%0A:,');
    expect(escapeProperty('100%\r\n:,')).toBe('100%25%0D%0A%3A%2C');
  });
});
