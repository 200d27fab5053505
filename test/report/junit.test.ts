import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { junit } from '../../src/report/junit.js';
import { xmlAttr, xmlText } from '../../src/report/xml.js';
import { fixtureContext, WEIRD_PATH } from './fixtures.js';
import { xmlDecode, xmlProblems } from './xml-check.js';

const NASTY = `a<b>&"c"'d'\u0000\u0001\u0008\u000b\u000c\u001b[31m\ud800\uffff]]>\t\n\r end`;

function python3Parses(xml: string): boolean | undefined {
  try {
    execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? undefined : false;
  }
}

describe('junit reporter', () => {
  it('writes one failing testcase per file with findings and one passing case for clean files', () => {
    const out = junit.render(fixtureContext());
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('<testsuite name="keyhound" tests="6" failures="5" errors="0" skipped="0" time="1.234">');
    const classnames = [...out.matchAll(/<testcase classname="([^"]*)"/g)].map((m) => xmlDecode(m[1] ?? ''));
    expect(classnames).toEqual(['.env', '<stdin>', 'old/keys.yaml', 'src/config.ts', WEIRD_PATH, 'keyhound']);
    expect(out.match(/<failure /g)).toHaveLength(5);
    expect(out).toContain('<failure message="2 secrets found (1 error, 1 warning)" type="error">');
    expect(out).toContain('37 files scanned without findings');
  });

  it('stays well-formed when every field holds markup and control characters', () => {
    const ctx = fixtureContext();
    const evil: Finding = {
      ...ctx.findings[0]!,
      ruleId: `rule${NASTY}`,
      ruleName: NASTY,
      origin: { kind: 'commit', path: `p${NASTY}`, commit: 'abc', author: NASTY, email: NASTY, date: NASTY },
      masked: NASTY,
      notes: [NASTY],
    };
    const out = junit.render({ ...ctx, findings: [evil], scanTarget: NASTY, toolVersion: NASTY });
    expect(xmlProblems(out)).toEqual([]);
    expect(python3Parses(out)).not.toBe(false);
    // The classname reads back as the path, with forbidden characters made visible, not dropped silently.
    const cls = /<testcase classname="([^"]*)"/.exec(out)?.[1] ?? '';
    expect(xmlDecode(cls)).toBe(`pa<b>&"c"'d'\\x00\\x01\\x08\\x0b\\x0c\\x1b[31m\\ud800\\uffff]]>\t\n\r end`);
  });

  it('the well-formedness check itself rejects broken XML', () => {
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1&2"/>')).not.toEqual([]);
    expect(xmlProblems('<a>\u0001</a>')).not.toEqual([]);
    expect(xmlProblems('<a x="<"/>')).not.toEqual([]);
    expect(xmlProblems('<a/><b/>')).not.toEqual([]);
    expect(xmlProblems('<a>&#0;</a>')).not.toEqual([]);
    expect(xmlProblems('<a>x]]>y</a>')).not.toEqual([]);
    expect(xmlProblems('<a x="1">ok &amp; fine</a>')).toEqual([]);
  });

  it('escapes text and attributes', () => {
    expect(xmlText('<&>"\'')).toBe('&lt;&amp;&gt;"\'');
    expect(xmlAttr('<&>"\'\t\n\r')).toBe('&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#13;');
    expect(xmlText('a\u0000b\ud83d\ude00c')).toBe('a\\x00b\ud83d\ude00c');
  });
});
