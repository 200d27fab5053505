import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findEncoded } from '../../src/engine/encoded.js';
import { scanText } from '../../src/scan.js';
import { githubToken, oneCharOff, slackBotToken } from '../helpers/tokens.js';
import { b62 } from '../detectors/random.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('findEncoded', () => {
  it('decodes base64, base64url, hex and percent runs that hold text', () => {
    const text = `a=${b64('hello secret world value')} b=${Buffer.from('some text that is long').toString('hex')} c=p%40ss%2Fword%3Dvalue`;
    const kinds = findEncoded(text).map((r) => [r.encoding, r.decoded]);
    expect(kinds).toContainEqual(['base64', 'hello secret world value']);
    expect(kinds).toContainEqual(['hex', 'some text that is long']);
    expect(kinds.some(([k, d]) => k === 'percent' && d!.includes('p@ss/word=value'))).toBe(true);
  });

  it('does not decode the credentials of a URL, whose escaped @ would split them anew', () => {
    const userinfo = ['reader', 'D1fficultP%40ssw0rd'].join(':');
    const runs = findEncoded(`db = "postgresql://${userinfo}@db.internal/app?opt=a%20b%20c%20d"`);
    expect(runs.map((r) => r.decoded)).toEqual(['db.internal/app?opt=a b c d']);
    // An encoded URL inside a query is decoded whole.
    const nested = findEncoded('https://a.b/cb?next=https%3A%2F%2Fdeploy%3Apw%40ci.internal%2Fapi');
    expect(nested.map((r) => r.decoded)).toEqual(['https://a.b/cb?next=https://deploy:pw@ci.internal/api']);
  });

  it('decodes string escapes that hide a URL or an ASCII character, not prose or Windows paths', () => {
    // Joined at test time: a URL with a password in this file would be a finding of its own.
    const url = ['https://ci', 'pw-Xq7@git.acme.io/repo.git'].join(':');
    const runs = findEncoded(`{"url":"${url.replaceAll('/', '\\/')}","k":"${String.raw`\u0073k_live_x`}"}`);
    expect(runs.map((r) => [r.encoding, r.decoded])).toEqual([
      ['string-escapes', url],
      ['string-escapes', 'sk_live_x'],
    ]);
    expect(findEncoded(String.raw`{"name":"Ren\u00e9e Dupont","path":"C:\Users\deploy\app"}`)).toEqual([]);
  });

  it('ignores identifiers, hashes and random bytes', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const rnd = Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 97 + 13) % 256)).toString('base64');
    expect(findEncoded(`someVeryLongIdentifierNameHere thisIsAnotherLongName ${sha} ${rnd}`)).toEqual([]);
  });
});

describe('encoded secrets in scans', () => {
  it('finds a token inside base64 (a Kubernetes Secret) at the encoded location, noting the decoding', async () => {
    const tok = slackBotToken();
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  config: ${b64(`SLACK_TOKEN=${tok}\n`)}\n`;
    const r = await scanText(text, 'secret.yaml', { noConfig: true });
    const f = r.findings.find((x) => x.ruleId === 'slack-bot-token');
    expect(f).toMatchObject({ line: 4, column: 11 });
    expect(f!.notes).toContain('decoded from base64');
  });

  it('finds a checksummed token in hex inside base64 (depth 2), and not its look-alike', async () => {
    const tok = githubToken();
    const nested = b64(Buffer.from(`token: ${tok}`).toString('hex'));
    const r = await scanText(`x = "${nested}"\n`, 'x', { noConfig: true });
    expect(r.findings.map((f) => f.ruleId)).toContain('github-pat-classic');
    const bad = b64(Buffer.from(`token: ${oneCharOff(tok)}`).toString('hex'));
    const r2 = await scanText(`x = "${bad}"\n`, 'x', { noConfig: true });
    expect(r2.findings.filter((f) => f.ruleId === 'github-pat-classic')).toEqual([]);
  });

  it('reads assignments inside a decoded config (a base64 .env), reported once at the run', async () => {
    const secret = b62(40);
    const run = b64(`user_secret="${secret}"\n`);
    const r = await scanText(`config: ${run}\nAPP_SECRET=${run}\n`, 'x', { noConfig: true, unmask: true });
    expect(r.findings.map((f) => [f.line, f.ruleId, f.secret, f.notes])).toEqual([
      [1, 'generic-secret', secret, ['decoded from base64']],
      [2, 'generic-secret', secret, ['decoded from base64']],
    ]);
  });

  it('joins base64 wrapped at 76 or 64 columns (plain `base64`, YAML block scalars): a key file inside is found at the block', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    const wrap = (s: string, w: number, indent: string) => s.match(new RegExp(`.{1,${w}}`, 'g'))!.map((l) => indent + l).join('\n');
    for (const [w, indent] of [[76, ''], [64, '    ']] as const) {
      const text = `# key\nsigning_key: |\n${wrap(b64(`${pem}`), w, indent)}\nnext: 1\n`;
      const r = await scanText(text, 'x.yaml', { noConfig: true });
      expect(r.findings.map((f) => [f.ruleId, f.line, f.notes.at(-1)])).toEqual([['private-key-pkcs8', 3, 'decoded from base64']]);
    }
    // A binary key file wrapped the same way (base64 of DER) is found by its structure.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const p8 = rsa.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const found = await scanText(`key:\n${wrap(p8, 64, '')}\n`, 'x', { noConfig: true });
    expect(found.findings.map((f) => [f.ruleId, f.line, f.endLine])).toEqual([['der-private-key', 2, Math.ceil(p8.length / 64) + 1]]);
    // Its public key so wrapped is not a secret.
    const pub = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect((await scanText(`key:\n${wrap(pub, 64, '')}\n`, 'x', { noConfig: true })).findings).toEqual([]);
    // Lines of other widths are no wrapped block: each is judged alone.
    expect(findEncoded(wrap(b64('x'.repeat(200)), 50, '')).every((r) => r.decoded.length < 60)).toBe(true);
  });

  it('reports an encoded key once when a rule matched the encoded value and another what it decodes to', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = b64(`${privateKey.export({ type: 'pkcs8', format: 'pem' })}`);
    const text = `users:\n- name: admin\n  user:\n    client-key-data: ${data}\n`;
    const r = await scanText(text, 'kubeconfig', { noConfig: true });
    // The decoded PEM proves its structure; the kubeconfig rule matched only the pattern.
    expect(r.findings.map((f) => [f.ruleId, f.line, f.notes.at(-1)])).toEqual([['private-key-pkcs8', 4, 'decoded from base64']]);
    // A key that fails its structure check leaves the pattern rule's finding alone.
    const broken = b64(`-----BEGIN PRIVATE KEY-----\n${b62(120)}\n-----END PRIVATE KEY-----\n`);
    const r2 = await scanText(`    client-key-data: ${broken}\n`, 'kubeconfig', { noConfig: true });
    expect(r2.findings.map((f) => f.ruleId)).toEqual(['kubernetes-client-key-data']);
  });

  it('finds credentials that JSON escapes hide (PHP json_encode output, generated code)', async () => {
    const pw = b62(16);
    const r = await scanText(`{"repositories":[{"url":"https:\\/\\/deploy:${pw}@repo.acme.io\\/packages"}]}\n`, 'composer.json', { noConfig: true, unmask: true });
    expect(r.findings.map((f) => [f.ruleId, f.secret, f.notes.at(-1)])).toEqual([['http-basic-auth-url', pw, 'decoded from string-escapes']]);
  });

  it('reports a plain secret once, not again through an encoding', async () => {
    const tok = githubToken();
    const r = await scanText(`url = https://api.example.org/?t=${tok}%26x%3D1\n`, 'x', { noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'github-pat-classic')).toHaveLength(1);
  });
});

describe('keyword windows', () => {
  it('finds secrets far apart in one long line and in a large file', async () => {
    const a = githubToken();
    const b = githubToken();
    const filler = 'x=1;'.repeat(50_000);
    const r = await scanText(`${filler}t="${a}";${filler}u="${b}";${filler}\n`, 'min.js', { noConfig: true });
    expect(r.findings.filter((f) => f.ruleId === 'github-pat-classic')).toHaveLength(2);
  });
});
