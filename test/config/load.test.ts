import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { KeyhoundError } from '../../src/errors.js';

function load(yaml: string, nested = false) {
  return parseConfig(yaml, '.keyhound.yaml', '/repo', '/repo/.keyhound.yaml', nested);
}

function errorOf(yaml: string, nested = false): string {
  try {
    load(yaml, nested);
  } catch (e) {
    expect(e).toBeInstanceOf(KeyhoundError);
    return (e as KeyhoundError).format();
  }
  throw new Error('expected an error');
}

describe('.keyhound.yaml suppression keys', () => {
  it('reads severity overrides, allowlists, fail_on and marker switches', () => {
    const c = load(`severity:
  generic-api-key: warn
  slack-bot-token: error
fail_on: error
inline_markers:
  gitleaks: false
allowlist:
  - reason: docs examples
    paths: ['docs/**', '*.md']
  - rules: [slack-bot-token]
    secrets: ['(?i)^xoxb-0+']
    lines: ['example\\.com']
    stopwords: [Dummy]
    match: all
`);
    expect(c.severity.map((s) => [s.rule, s.severity, s.where])).toEqual([
      ['generic-api-key', 'warn', '.keyhound.yaml:2:3'],
      ['slack-bot-token', 'error', '.keyhound.yaml:3:3'],
    ]);
    expect(c.failOn).toBe('error');
    expect(c.inlineMarkers).toEqual({ gitleaks: false });
    expect(c.dir).toBe('/repo');
    expect(c.allowlists).toHaveLength(2);
    const [a, b] = c.allowlists;
    expect(a).toMatchObject({ reason: 'docs examples', paths: ['docs/**', '*.md'], rules: [], match: 'any', where: '.keyhound.yaml:8:5' });
    expect(b).toMatchObject({ rules: ['slack-bot-token'], stopwords: ['dummy'], match: 'all', ruleWhere: ['.keyhound.yaml:10:13'] });
    expect(b!.secrets[0]!.re.test('XOXB-000123')).toBe(true); // (?i) became the i flag
    expect(b!.lines[0]!.re.test('see example.com')).toBe(true);
  });

  it('accepts a single allowlist map and inline_markers: false', () => {
    const c = load(`allowlist:\n  paths: [fixtures]\ninline_markers: false\n`);
    expect(c.allowlists[0]!.paths).toEqual(['fixtures']);
    expect(c.inlineMarkers).toEqual({ keyhound: false, gitleaks: false, detect_secrets: false, secretlint: false });
  });

  it('names file:line:column and a did-you-mean for unknown keys at every level', () => {
    expect(errorOf('allowlists:\n  - paths: [a]\n')).toMatch(/^\.keyhound\.yaml:1:1: unknown key `allowlists`.*did you mean `allowlist`/);
    expect(errorOf('allowlist:\n  - path: [a]\n')).toMatch(/^\.keyhound\.yaml:2:5: unknown allowlist key `path`.*did you mean `paths`/);
    expect(errorOf('inline_markers:\n  gitleak: false\n')).toMatch(/^\.keyhound\.yaml:2:3: unknown marker family `gitleak`.*did you mean `gitleaks`/);
    expect(errorOf('fail-on: error\n')).toMatch(/did you mean `fail_on`/);
  });

  it('rejects bad values with a fix', () => {
    expect(errorOf('severity:\n  slack-bot-token: high\n')).toMatch(/:2:20: severity of `slack-bot-token` must be error or warn.*Fix:/);
    expect(errorOf('fail_on: sometimes\n')).toMatch(/:1:10: `fail_on` must be error, warn or none/);
    expect(errorOf("allowlist:\n  - secrets: ['(unclosed']\n")).toMatch(/:2:15: invalid regex in `secrets`/);
    expect(errorOf('allowlist:\n  - rules: [a]\n')).toMatch(/:2:5: an `allowlist` entry needs a condition.*use `disable` instead/);
    expect(errorOf('allowlist:\n  - paths: [a]\n    match: most\n')).toMatch(/`match` must be any or all/);
    expect(errorOf('inline_markers:\n  gitleaks: no-thanks\n')).toMatch(/`inline_markers.gitleaks` must be true or false/);
    expect(errorOf('- just\n- a list\n')).toMatch(/a config file must be a map/);
  });

  it('allows only per-path keys in a nested config', () => {
    const ok = load('disable: [x]\nseverity: { y: warn }\nallowlist: [{ paths: [a] }]\ninline_markers: { secretlint: false }\n', true);
    expect(ok.nested).toBe(true);
    for (const [key, fix] of [['fail_on: error', 'top-level config'], ['max_file_size: 1MB', 'top-level'], ['ignore: [a]', '.keyhoundignore'], ['rule_files: [x.yaml]', 'top-level']] as const) {
      expect(errorOf(`${key}\n`, true)).toMatch(new RegExp(`^\\.keyhound\\.yaml:1:1: .*only allowed in the top-level config.*${fix.replace('.', '\\.')}`));
    }
  });
});
