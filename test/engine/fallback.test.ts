// Overlapping findings of one value: `fallback` rules (any JWT, a URL's password) yield to a rule
// that names the provider, and a prefix found next to its provider's name outranks the prefix
// alone, so one secret is one finding, named for its provider.
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../src/engine/ruleset.js';
import { scanChunk } from '../../src/engine/scan-chunk.js';
import { emptyStats } from '../../src/engine/types.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';
import { scanText } from '../../src/scan.js';
import { base62, githubToken, oneCharOff } from '../helpers/tokens.js';

const v = `tok_${base62(24)}`;

const yaml = (fallback: boolean) => `
rules:
  - id: any-token
    name: catch-all
    severity: warn
    keywords: [tok_]
    pattern: '\\b(?<secret>tok_[A-Za-z0-9]{24})\\b'
    fallback: ${fallback}
    examples: ['t = ${v}']
    negative_examples: ['t = tok_short']
  - id: acme-token
    name: provider
    severity: error
    keywords: [acme]
    pattern: 'acme_token\\s*=\\s*(?<secret>tok_[A-Za-z0-9]{24})\\b'
    examples: ['acme_token = ${v}']
    negative_examples: ['other = ${v}']
`;

function rulesFound(text: string, fallback: boolean): string[] {
  const rules = new RuleSet(compileRules(parseRuleFile(yaml(fallback), 'test.yaml')));
  const r = scanChunk({ origin: { kind: 'stdin', path: 't' }, text, startLine: 1 }, rules, { unmask: true, filters: [], collectSuppressed: false }, emptyStats());
  return r.findings.map((f) => f.ruleId);
}

describe('fallback rules', () => {
  it('yield to a rule that reports the same value, and report it where none does', () => {
    expect(rulesFound(`acme_token = ${v}`, true)).toEqual(['acme-token']);
    expect(rulesFound(`other = ${v}`, true)).toEqual(['any-token']);
  });

  it('without fallback, equal proof keeps both', () => {
    expect(rulesFound(`acme_token = ${v}`, false).sort()).toEqual(['acme-token', 'any-token']);
  });

  it('the built-in jwt rule yields to a provider rule for a JWT-shaped key', async () => {
    const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const key = `${b64u({ alg: 'ES256', kid: base62(6) })}.${b64u({ account_id: 'wgjwf', aud: ['temporal.io'], iss: 'temporal.io', sub: base62(32), exp: 1900000000 })}.${base62(86)}`;
    const r = await scanText(`TEMPORAL_API_KEY=${key}\n`, 'x.env', { noConfig: true });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['temporal-cloud-api-key']);
    const other = `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({ sub: base62(12), iat: 1700000000 })}.${base62(43)}`;
    expect((await scanText(`SESSION=${other}\n`, 'x.env', { noConfig: true })).findings.map((f) => f.ruleId)).toEqual(['jwt']);
  });

  it('a value read by its place yields to the rule that names its provider', async () => {
    const rules = async (text: string) => (await scanText(text, 'x.env', { noConfig: true })).findings.map((f) => f.ruleId);
    // Built from pieces: a whole token in this file would be a finding of its own.
    const glpat = ['glpat', base62(20)].join('-');
    expect(await rules(`git clone https://oauth2:${glpat}@gitlab.com/acme/app.git\n`)).toEqual(['gitlab-pat']);
    const pscale = ['pscale', 'pw', base62(43)].join('_');
    expect(await rules(`DATABASE_URL=mysql://u8x2kq:${pscale}@aws.connect.psdb.cloud/app\n`)).toEqual(['planetscale-password']);
    // A password with no format of its own stays the URL rule's.
    expect(await rules(`git clone https://deploy:${base62(16)}@git.acme.io/app.git\n`)).toEqual(['http-basic-auth-url']);
  });

  it('a value read by its place stays a non-finding when its checksum fails', async () => {
    const rules = async (text: string) => (await scanText(text, 'x.sh', { noConfig: true })).findings.map((f) => f.ruleId);
    const good = githubToken();
    const bad = oneCharOff(good);
    for (const shape of [
      (t: string) => `curl -H "Authorization: Bearer ${t}" https://api.github.com/user\n`,
      (t: string) => `git clone https://x-access-token:${t}@github.com/acme/app.git\n`,
      (t: string) => `git clone https://${t}@github.com/acme/app.git\n`,
    ]) {
      expect(await rules(shape(good))).toEqual(['github-pat-classic']);
      expect(await rules(shape(bad))).toEqual([]);
    }
  });

  it('at equal proof, a prefix found next to its provider\'s name outranks the prefix alone', async () => {
    const key = ['sk', 'live', base62(42)].join('_');
    const r = await scanText(`CLERK_SECRET_KEY=${key}\n`, 'x.env', { noConfig: true });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['clerk-secret-key']);
    const r2 = await scanText(`KEY=${key}\n`, 'x.env', { noConfig: true });
    expect(r2.findings.map((f) => f.ruleId)).toEqual(['stripe-secret-key']);
  });
});
