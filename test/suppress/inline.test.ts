import { describe, expect, it } from 'vitest';
import type { MarkerFamily } from '../../src/config/suppress-keys.js';
import { describeInline, findInlineAllow } from '../../src/suppress/inline.js';

const SECRET = 'xoxb-1234567890-1234567890-abcdefghijklmnopqrstuvwx';
const all = () => true;

function one(line: string, previous = '', on: (f: MarkerFamily) => boolean = all) {
  return findInlineAllow({ secret: SECRET, lineText: line, previousLineText: previous, line: 5, endLine: 5 }, on);
}

describe('inline markers', () => {
  it('honours keyhound:allow on the line in any comment syntax', () => {
    for (const c of ['# keyhound:allow', '// keyhound:allow', '/* keyhound:allow */', '<!-- keyhound:allow -->', '-- keyhound:allow', '; keyhound:allow']) {
      expect(one(`token = "${SECRET}" ${c}`)?.family, c).toBe('keyhound');
    }
    expect(one(`token = "${SECRET}"`)).toBeUndefined();
  });

  it('reads an optional reason in double or single quotes', () => {
    const m = one(`t = "${SECRET}" # keyhound:allow reason="docs example"`);
    expect(m?.reason).toBe('docs example');
    expect(describeInline(m!)).toBe('docs example');
    expect(one(`t = "${SECRET}" # keyhound:allow reason='test key'`)?.reason).toBe('test key');
    expect(describeInline(one(`t = "${SECRET}" # keyhound:allow`)!)).toBe('keyhound:allow marker');
  });

  it('honours keyhound:allow-next-line only on the line before', () => {
    expect(one(`t = "${SECRET}"`, '# keyhound:allow-next-line reason="fixture"')?.reason).toBe('fixture');
    // the same-line form on the previous line does not reach down
    expect(one(`t = "${SECRET}"`, '# keyhound:allow')).toBeUndefined();
    // the next-line form on the secret's own line does not allow it
    expect(one(`t = "${SECRET}" # keyhound:allow-next-line`)).toBeUndefined();
  });

  it('ignores a marker that is part of the secret', () => {
    const secret = 'Zq9/keyhound:allow/hunter2'; // keyhound:allow reason="test value"
    const c = { secret, lineText: `password = "${secret}"`, previousLineText: '', line: 1, endLine: 1 };
    expect(findInlineAllow(c, all)).toBeUndefined();
    // ...but the same marker outside the secret counts
    expect(findInlineAllow({ ...c, lineText: `${c.lineText} # keyhound:allow` }, all)?.family).toBe('keyhound');
    const next = 'Zq9/keyhound:allow-next-line/hunter2';
    const prev = { secret: next, lineText: `b = "${next}"`, previousLineText: `a = "${next}"`, line: 2, endLine: 2 };
    expect(findInlineAllow(prev, all)).toBeUndefined();
  });

  it('does not take look-alike words for markers', () => {
    expect(one(`t = "${SECRET}" # keyhound:allowed`)).toBeUndefined();
    expect(one(`t = "${SECRET}" # notkeyhound:allow`)).toBeUndefined();
  });

  it('honours the migration markers of other scanners, each switchable', () => {
    const cases: Array<[string, string, MarkerFamily]> = [
      [`t = "${SECRET}" # gitleaks:allow`, '', 'gitleaks'],
      [`t = "${SECRET}" # pragma: allowlist secret`, '', 'detect_secrets'],
      [`t = "${SECRET}"`, '# pragma: allowlist nextline secret', 'detect_secrets'],
      [`t = "${SECRET}" // secretlint-disable-line`, '', 'secretlint'],
      [`t = "${SECRET}"`, '// secretlint-disable-next-line', 'secretlint'],
    ];
    for (const [line, prev, family] of cases) {
      expect(one(line, prev)?.family, line + prev).toBe(family);
      expect(one(line, prev, (f) => f !== family), `${family} off`).toBeUndefined();
    }
  });

  it('honours a marker on the first or last line of a multi-line secret, not in its middle', () => {
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIBOgIBAAJBAKj34GkxFhD9', '-----END RSA PRIVATE KEY-----'];
    const view = (lines: string[], prev = '') => findInlineAllow(
      { secret: pem.join('\n'), lineText: lines.join('\n'), previousLineText: prev, line: 3, endLine: 5 }, all);
    const first = ['key = """' + pem[0] + '  # keyhound:allow', pem[1]!, pem[2]!];
    // as in a file: the marker sits after the BEGIN armour, inside the matched block
    expect(view([`${pem[0]} # keyhound:allow`, pem[1]!, pem[2]!])?.family).toBe('keyhound');
    expect(view(first)?.family).toBe('keyhound');
    expect(view([pem[0]!, pem[1]!, `${pem[2]}"  # keyhound:allow reason="test key"`])?.reason).toBe('test key');
    expect(view([pem[0]!, `${pem[1]} # keyhound:allow`, pem[2]!])).toBeUndefined();
    expect(view(pem)).toBeUndefined();
    expect(view(pem, '# keyhound:allow-next-line')?.family).toBe('keyhound');
  });
});
