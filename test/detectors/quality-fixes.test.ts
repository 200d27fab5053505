// False positives and misses found by the quality corpus and by scanning this repository: each
// negative sits next to a nearby positive that must still be found.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBase58Check } from '../../src/checksums/base58check.js';
import { findGenericSecrets } from '../../src/detectors/generic.js';
import { classifyName } from '../../src/detectors/secret-names.js';
import { isKnownExample, isPlaceholder, KNOWN_EXAMPLES } from '../../src/detectors/placeholder.js';
import { isIdentifierLike } from '../../src/detectors/value-shape.js';
import { scanText } from '../../src/index.js';
import { b62, b64, b64url, hex, pw } from './random.js';

const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const b64u = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (header: object, payload: object): string => `${b64u(header)}.${b64u(payload)}.${b64url(43)}`;

/** Rule ids found in `text` by the full engine (built-in rules, no config, no suppression files). */
async function ruleIds(text: string): Promise<string[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'kh-quality-'));
  const r = await scanText(text, 'input.txt', { cwd, noConfig: true });
  return r.findings.map((f) => f.ruleId).sort();
}

describe('known public example values', () => {
  it('recognises every listed value, with 0x, and as the body of a prefixed token', () => {
    for (const v of KNOWN_EXAMPLES) expect(isPlaceholder(v), v).toBe('known-example');
    expect(isKnownExample('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')).toBe(true);
    expect(isKnownExample('4eC39HqLyjWDarjtT1zdp7dc')).toBe(true); // body of the Stripe docs key
  });

  it('lists the Bitcoin wiki WIF forms of its example key correctly', () => {
    const key = Buffer.from('0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d', 'hex');
    const uncompressed = encodeBase58Check(new Uint8Array([0x80, ...key]));
    const compressed = encodeBase58Check(new Uint8Array([0x80, ...key, 0x01]));
    expect(KNOWN_EXAMPLES.has(uncompressed)).toBe(true);
    expect(KNOWN_EXAMPLES.has(compressed)).toBe(true);
  });

  it('does not take random values or near misses for known examples', () => {
    for (let i = 0; i < 200; i++) {
      expect(isKnownExample(`${b64(86)}==`)).toBe(false);
      expect(isKnownExample(hex(64))).toBe(false);
    }
    // One character changed.
    expect(isKnownExample(AZURITE_KEY.replace('Eby8', 'Eby9'))).toBe(false);
    // Short substrings of a known value are not known values.
    expect(isKnownExample('Eby8vdM02x')).toBe(false);
  });

  it('recognises the jwt.io token whatever its header and signature', () => {
    expect(isPlaceholder(JWT_IO)).toBe('known-example');
    expect(isPlaceholder(JWT_IO.replace(/\./g, '.\n    '))).toBe('known-example'); // wrapped after its dots
    expect(isKnownExample(jwt({ alg: 'RS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', admin: true, iat: 1516239022 }))).toBe(true);
    // Docs edit the name and keep the debugger's subject and issue time.
    expect(isKnownExample(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'auth0.com is cool', iat: 1516239022 }))).toBe(true);
    expect(isKnownExample(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'Jane Roe', iat: 1714726772 }))).toBe(false);
    expect(isKnownExample(jwt({ alg: 'RS256', typ: 'JWT' }, { sub: 'system:serviceaccount:default:builder', iat: 1516239022 }))).toBe(false);
    expect(isKnownExample(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '622380', name: 'svc-billing', iat: 1714726772 }))).toBe(false);
  });

  it('drops the Azurite key in a connection string but finds a real account key there', async () => {
    const line = (k: string): string =>
      `  AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${k};BlobEndpoint=http://azurite:10000/devstoreaccount1;"`;
    expect(await ruleIds(line(AZURITE_KEY))).toEqual([]);
    expect(await ruleIds(line(`${b64(86)}==`))).toContain('azure-account-key-connection-string');
  });

  it('drops the jwt.io token but finds another signed JWT', async () => {
    expect(await ruleIds(`curl -H "Authorization: Bearer ${JWT_IO}"`)).toEqual([]);
    const real = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '622380', name: 'svc-billing', iat: 1714726772 });
    expect(await ruleIds(`SESSION_JWT=${real}`)).toContain('jwt');
  });
});

describe('elided values', () => {
  it.each(['sk-proj-...', 'ghp_...', '...9f2a', 'sk-proj-abc…', 'ghp_abcd...wxyz', 'AKIA....WXYZ'])('%s is masked', (v) => {
    expect(isPlaceholder(v)).toBe('masked');
  });

  it('keeps random passwords and dotted tokens', () => {
    for (let i = 0; i < 300; i++) expect(isPlaceholder(pw(20))).toBeUndefined();
    expect(isPlaceholder(`${b62(20)}.${b62(20)}`)).toBeUndefined();
    expect(isPlaceholder(`${b62(10)}..${b62(10)}`)).toBeUndefined();
  });

  it('generic password: `sk-proj-...` is not found, a real value on the same line shape is', () => {
    expect(findGenericSecrets('  DB_PASSWORD: "sk-proj-..."')).toEqual([]);
    expect(findGenericSecrets('export DB_PASSWORD=sk-proj-...')).toEqual([]);
    const s = pw(20);
    expect(findGenericSecrets(`  DB_PASSWORD: "${s}"`).map((h) => h.value)).toEqual([s]);
  });
});

describe('database URLs with default development credentials', () => {
  it.each([
    'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev',
    'DATABASE_URL=postgresql://app_user:app_user@db:5432/app',
    'DATABASE_URL=postgres://postgres:admin@host.docker.internal/app',
    'DATABASE_URL=mysql://wordpress:wordpress@mysql/wordpress',
    'REDIS_URL=redis://default:redis@127.0.0.1:6379/0',
    'AMQP_URL=amqp://guest:guest@rabbitmq:5672/',
    'DATABASE_URL=mssql://sa:sa@localhost:1433/erp',
    'APP_URL=http://registry:registry@registry:5000/v2/',
  ])('not found: %s', async (line) => {
    expect(await ruleIds(line)).toEqual([]);
  });

  it.each([
    // A real password on localhost is still a secret.
    (p: string) => `DATABASE_URL=postgres://postgres:${p}@localhost:5432/app_dev`,
    (p: string) => `DATABASE_URL=mysql://root:${p}@127.0.0.1:3306/shop`,
    (p: string) => `AMQP_URL=amqp://guest:${p}@rabbitmq:5672/`,
  ])('found: a generated password on a local host (%#)', async (line) => {
    expect((await ruleIds(line(`${b62(14)}!${b62(3)}`))).length).toBeGreaterThan(0);
  });

  it('found: a default password on a real, dotted host', async () => {
    const host = 'db.prod-eu.ibfevd.internal';
    expect(await ruleIds(`DATABASE_URL=postgres://postgres:postgres@${host}:5432/app`)).toEqual(['postgres-connection-password']);
  });
});

describe('Authorization headers in server configuration', () => {
  const basic = (): string => Buffer.from(`proxy:${b62(18)}`).toString('base64');

  it('finds nginx and Apache header directives', async () => {
    expect(await ruleIds(`    proxy_set_header Authorization "Basic ${basic()}";`)).toContain('http-basic-auth-header');
    expect(await ruleIds(`RequestHeader set Authorization "Basic ${basic()}"`)).toContain('http-basic-auth-header');
    expect(await ruleIds(`    proxy_set_header Authorization "Bearer ${b62(40)}";`)).toContain('http-bearer-token');
  });

  it('does not fire on variables or prose', async () => {
    expect(await ruleIds('    proxy_set_header Authorization "Basic $upstream_basic_auth";')).toEqual([]);
    expect(await ruleIds('The Authorization Basic credentials scheme is defined in RFC 7617.')).toEqual([]);
  });
});

describe('generic assignments inside JSON strings (notebooks)', () => {
  it.each([
    ['password', (s: string) => `    "DB_PASSWORD = \\"${s}\\"\\n",`, () => pw(22)],
    ['password, last line of a cell', (s: string) => `    "KEYSTORE_PASSWORD = \\"${s}\\""`, () => pw(26)],
    ['secret', (s: string) => `    "SECRET_KEY = \\"${s}\\"\\n",`, () => b62(40)],
    ['access key', (s: string) => `    "ACCESS_KEY = \\"${s}\\"\\n",`, () => b62(40)],
    ['single quotes', (s: string) => `    "api_token = \\'${s}\\'\\n",`, () => b62(36)],
  ])('finds a %s between escaped quotes', (_label, line, gen) => {
    const s = gen();
    const text = line(s);
    const hits = findGenericSecrets(text);
    expect(hits.map((h) => h.value)).toEqual([s]);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(s);
  });

  it.each([
    '    "DB_PASSWORD = \\"changeme\\"\\n",',
    '    "SECRET_KEY = \\"<your-api-key>\\"\\n",',
    '    "STRIPE_SECRET_KEY = os.getenv(\\"STRIPE_SECRET_KEY\\", \\"\\")\\n",',
    '    "DB_PASSWORD = os.environ[\\"DB_PASSWORD\\"]\\n",',
    '    "AWS_SECRET_ACCESS_KEY = \\"your_token_here\\"\\n",',
    '    "SECRET_KEY = \\"xxxxxxxxxxxxxxxxxxxxxxxx\\"\\n",',
    '    "token = \\"unterminated',
  ])('no hit: %s', (line) => {
    expect(findGenericSecrets(line)).toEqual([]);
  });
});

describe('hash-like values under cache/hash/id key names', () => {
  it('a minified bundle with cacheKey md5 values gives no hit', () => {
    for (const obj of ['x', 'X', 'xP', 'e', 'Be']) {
      const text = `var om={405:"${hex(20)}"};${obj}.cacheKey="${hex(32)}",Zk.v="${hex(40)}",${obj}.chunk="${b62(20)}";`;
      expect(findGenericSecrets(text)).toEqual([]);
    }
  });

  it.each(['cacheKey', 'x.cacheKey', 'hashKey', 'idKey', 'etagKey', 'x.sortKey', 'item.mapKey'])('%s is not a secret name', (name) => {
    expect(classifyName(name)).toBeUndefined();
  });

  it.each(['api_key', 'x.apiKey', 'cache.apiKey', 'X_API_KEY', 'cacheSecretKey', 'sessionKey'])('%s is a strong secret name', (name) => {
    expect(classifyName(name)).toEqual({ kind: 'secret', weak: false });
  });

  it('hex API keys right next to them are still found', () => {
    for (const line of [(s: string) => `api_key = "${s}"`, (s: string) => `x.apiKey="${s}",Zk.cacheKey="${hex(32)}";`]) {
      const s = hex(32);
      expect(findGenericSecrets(line(s)).map((h) => h.value)).toEqual([s]);
    }
  });
});

describe('identifier-like values seen in this repository', () => {
  it('object keys mapped to identifiers give no hit', () => {
    expect(findGenericSecrets(`  'grafana-cloud-token': grafanaCloudToken,`)).toEqual([]);
    expect(findGenericSecrets(`  "vault-service-token": vaultServiceToken,`)).toEqual([]);
  });

  it('snake_case words with a short article are identifier-like', () => {
    expect(isIdentifierLike('myapp_live_typed_on_a_terminal')).toBe(true);
    expect(isIdentifierLike('i_am_a_teapot')).toBe(true);
    expect(findGenericSecrets(`    const key = 'myapp_live_typed_on_a_terminal';`)).toEqual([]);
  });

  it('a random key with the same prefix is still found', () => {
    const s = `myapp_live_${b62(43)}`;
    expect(findGenericSecrets(`    const key = '${s}';`).map((h) => h.value)).toEqual([s]);
    for (let i = 0; i < 300; i++) expect(isIdentifierLike(`a_${b62(30)}`)).toBe(false);
  });
});

describe('text newly read inside archives (compressed changelogs, vendored code)', () => {
  const values = (text: string) => findGenericSecrets(text).map((h) => h.value);

  it('test-result lines of a test log are not passwords; one PASS: line with a password is', () => {
    // Written as `${PASS}:` so this file is no test log to keyhound's own pre-commit scan.
    const PASS = 'PASS';
    expect(values(`${PASS}: binutils-all/i386/ibt-plt-1a\n${PASS}: addr2line -f option\nFAIL: ld-x86-64/pr21038b\n`)).toEqual([]);
    const p = pw(14);
    expect(values(`USER: admin\nPASS: ${p}\n`)).toEqual([p]);
  });

  it('file names in changelogs and diffstats are not assignment names', () => {
    expect(values('\t* src/gpasswd.c: s/die/catch_signals/\n')).toEqual([]);
    expect(values(' man/{readpassphrase.3 => readpassphrase.3bsd}   |  0\n')).toEqual([]);
    const p = pw(14);
    expect(values(`gpasswd: ${p}\n`)).toEqual([p]);
  });

  it('fingerprints, identifiers with codes, templates, option lists and inner assignments are not secrets', () => {
    expect(values('  sig_key:        51:C4:0C:6D:7E:A5:6C:D8:8F:B4:3A:DF:91:78:4F:18:BC:D5:E4:C5\n')).toEqual([]);
    expect(values('     doit:124: rsa pss key: gnutls_x509_crt_verify_data2   |\n')).toEqual([]);
    expect(values('\tbatchKeyTmplServiceUsageEnableServices = "project/%s/services:batchEnable"\n')).toEqual([]);
    expect(values('\tFlatmap map[string]string `protobuf_key:"bytes,1,opt,name=key,proto3" protobuf_val:"bytes,2,opt,name=value,proto3"`\n')).toEqual([]);
    expect(values('  tpmkey:uuid=7f468c16-cb7f-11e1-824d-b3a4f4b20343;storage=user\n')).toEqual([]);
    expect(values(`  https://docs.google.com/spreadsheet/ccc?key=${b62(44)}&usp=sharing\n`)).toEqual([]);
    // Next to each: the real thing is still found.
    const k = b62(40);
    expect(values(`sig_key: ${k}\n`)).toEqual([k]);
    expect(values(`  https://api.example.net/v1?key=${k}&usp=sharing\n`)).toEqual([k]);
    const eq = `${b64(20)}=.${b64(30)}`;
    expect(values(`api_token = "${eq}"\n`)).toEqual([eq]);
  });
});
