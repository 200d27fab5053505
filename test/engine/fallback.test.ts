// `fallback`: a catch-all format (any JWT) yields to a rule that names the provider of the same
// value, so a provider's JWT-shaped key is one finding, not two.
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../src/engine/ruleset.js';
import { scanChunk } from '../../src/engine/scan-chunk.js';
import { emptyStats } from '../../src/engine/types.js';
import { compileRules, parseRuleFile } from '../../src/rules/load.js';
import { scanText } from '../../src/scan.js';
import { base62 } from '../helpers/tokens.js';

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
});
