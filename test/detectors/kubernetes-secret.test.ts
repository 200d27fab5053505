import { describe, expect, it } from 'vitest';
import { findKubernetesSecrets } from '../../src/detectors/kubernetes-secret.js';
import { scanText } from '../../src/scan.js';
import { slackBotToken } from '../helpers/tokens.js';
import { b62, hex, pw } from './random.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** The reported values, as the text spells them (base64 for `data`). */
function reported(text: string): string[] {
  return findKubernetesSecrets(text)
    .filter((h) => !h.dropped)
    .map((h) => text.slice(h.start, h.end));
}

const uuid = (): string => [hex(8), hex(4), `4${hex(3)}`, `a${hex(3)}`, hex(12)].join('-');

describe('findKubernetesSecrets', () => {
  it('reports data entries whatever their key is called, at the encoded value', () => {
    const value = b64(b62(28));
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ntype: Opaque\ndata:\n  extra: ${value}\n`;
    expect(reported(text)).toEqual([value]);
  });

  it('finds kind: Secret after the data block, quoted, and in list items', () => {
    const v1 = b64(pw(20));
    const v2 = b64(pw(20));
    const before = `apiVersion: "v1"\ndata:\n  extra: "${v1}"\nkind: "Secret"\nmetadata:\n  name: x\n`;
    expect(reported(before)).toEqual([v1]);
    const items = `kind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  data:\n    a: ${v1}\n- apiVersion: v1\n  data:\n    b: ${v2}\n  kind: Secret\n`;
    expect(reported(items)).toEqual([v2]);
  });

  it('reads block scalars and plain scalars continued on the next line', () => {
    const value = b64(b62(60));
    const folded = `apiVersion: v1\nkind: Secret\ndata:\n  .secret: >\n    ${value.slice(0, 40)}\n    ${value.slice(40)}\n`;
    const hits = findKubernetesSecrets(folded);
    expect(hits).toHaveLength(1);
    expect(folded.slice(hits[0]!.start, hits[0]!.end)).toBe(`${value.slice(0, 40)}\n    ${value.slice(40)}`);
  });

  it('reports stringData values, UUIDs included, and skips comments', () => {
    const id = uuid();
    const text = `apiVersion: v1\nkind: Secret\nstringData:\n  # documented in the README\n  CAMO_KEY: "${id}"\n  extra: ${b62(24)} # rotated monthly\n`;
    expect(reported(text)).toHaveLength(2);
    expect(reported(text)[0]).toBe(id);
  });

  it('leaves a decoded file to the engine (its secrets are found in the decoded text)', () => {
    const config = b64(`[client]\nhost = db.internal\ndb_password = ${pw(22)}\n`);
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  client.cnf: ${config}\n`;
    expect(findKubernetesSecrets(text)).toEqual([]);
  });

  it('unwraps base64 encoded twice', () => {
    const twice = b64(b64(b62(30)));
    // A JSON file with a public key and no secret: long enough that its base64 is no short text.
    const pub = JSON.stringify({ name: 'signing', crt: `-----BEGIN PUBLIC KEY-----\n${b62(64)}\n${b62(24)}==\n-----END PUBLIC KEY-----\n` });
    const json = b64(b64(pub));
    expect(reported(`kind: Secret\ndata:\n  a: ${twice}\n`)).toEqual([twice]);
    expect(reported(`kind: Secret\ndata:\n  crs: ${json}\n`)).toEqual([]);
  });

  it('does not report metadata keys, short values, templates, prose or placeholders', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'data:',
      `  username: ${b64(`svc-${b62(12)}`)}`,
      `  host: ${b64(`db-${hex(12)}.internal`)}`,
      `  tls.crt: ${b64(b62(40))}`,
      `  ca.crt: ${b64(b62(40))}`,
      `  ca.pem: ${b64(b62(40))}`,
      `  public.key: ${b64(b62(40))}`,
      `  ARTIFACT_SHA256: ${b64(hex(64))}`,
      `  extra: ${b64('bar\n')}`,
      `  token: ${b64('Hey o/ base64 is not secure. Go back to reading the article.')}`,
      `  password: ${b64('changeme')}`,
      `  aws: ${b64('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')}`,
      `  notb64: ${b62(30)}!`,
      'stringData:',
      '  CAMO_KEY: ${var.CAMO_KEY}',
      '  htpasswd: {{ .Values.htpasswd }}',
      '  guest: "${WHISK_GUEST_AUTH}"',
      '  hostname:',
      '  empty: ""',
    ].join('\n');
    expect(reported(text)).toEqual([]);
    // The AWS documentation key is a placeholder: kept as a look-alike, not reported.
    expect(findKubernetesSecrets(text).filter((h) => h.dropped)).toHaveLength(1);
  });

  it('ignores data of other kinds and of other documents', () => {
    const value = b64(b62(28));
    expect(reported(`kind: ConfigMap\ndata:\n  extra: ${value}\n`)).toEqual([]);
    expect(reported(`kind: Secret\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  extra: ${value}\n`)).toEqual([]);
    expect(reported(`kind: Secret\nmetadata:\n  name: a\n  labels:\n    data: x\n`)).toEqual([]);
  });

  it('reads a large file of data keys and no document breaks in one pass', () => {
    const value = b64(b62(28));
    const text = `kind: Secret\n${'data:\n  x: ""\n'.repeat(100_000)}data:\n  extra: ${value}\n`;
    expect(reported(text)).toEqual([value]);
  });

  it('reports a binary value of key size, not a short one', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 200) % 256)).toString('base64');
    const short = Buffer.from([0, 1, 2, 250, 251]).toString('base64');
    expect(reported(`kind: Secret\ndata:\n  master.key: ${key}\n  flag: ${short}\n`)).toEqual([key]);
  });
});

describe('kubernetes-secret-manifest in scans', () => {
  it('reports the Secret value once, and a token inside it under its own rule instead', async () => {
    const value = b64(b62(28));
    const tok = slackBotToken();
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  extra: ${value}\n  config: ${b64(tok)}\n  password: ${b64(pw(18))}\n`;
    const r = await scanText(text, 'secret.yaml', { noConfig: true });
    const byLine = r.findings.map((f) => [f.line, f.ruleId]);
    expect(byLine).toEqual(expect.arrayContaining([[4, 'kubernetes-secret-manifest'], [5, 'slack-bot-token']]));
    expect(r.findings.filter((f) => f.line === 5)).toHaveLength(1);
    // A password-named entry is the generic rule's, reported once.
    expect(r.findings.filter((f) => f.line === 6)).toHaveLength(1);
  });

  it('reports a secret inside a decoded config file at its entry, and nothing for a config without one', async () => {
    const password = pw(22);
    const config = b64(`[client]\nhost = db.internal\ndb_password = ${password}\n`);
    const plain = b64('[client]\nhost = db.internal\nport = 5432\n');
    const text = `apiVersion: v1\nkind: Secret\ndata:\n  client.cnf: ${config}\n  other.cnf: ${plain}\n`;
    const r = await scanText(text, 'secret.yaml', { noConfig: true, unmask: true });
    expect(r.findings.map((f) => [f.line, f.ruleId, f.secret, f.notes])).toEqual([[4, 'generic-password', password, ['decoded from base64']]]);
  });
});
