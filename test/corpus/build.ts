// buildCorpus(dir, seed): a monorepo-like tree mixing ~5 secrets of each family (in varied files
// and contexts) with many decoys, and a manifest of the exact lines a scanner should report.
// The layout comes from a seeded PRNG; token bytes come from crypto, and every placement is
// recorded, so the manifest is exact whatever the bytes.
import { createHash } from 'node:crypto';
import { randomBytes, randomInt, randomUUID } from '../helpers/test-random.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRng, type Rng } from './rng.js';
import { assign, envRef, render, upper, type Item, type Mark, type Sink } from './sinks.js';
import {
  ALNUM,
  CHECKSUMMED,
  FAMILIES,
  FAMILY_IDS,
  HEX,
  agePublicKey,
  bitcoinAddress,
  oneCharOff,
  publicKeyPem,
  randFrom,
  sshPublicKey,
  type ChecksummedFamily,
  type Family,
} from './tokens.js';

export interface ExpectedFinding {
  file: string;
  /** First line of the secret; a finding on any line up to endLine counts. */
  line: number;
  endLine: number;
  family: Family;
  /** Texts that must never appear in a report (the secret, PEM body lines, passwords). */
  sensitive: string[];
}

export interface DecoyLine {
  file: string;
  line: number;
  kind: string;
}

export interface Manifest {
  positives: ExpectedFinding[];
  decoys: DecoyLine[];
  files: string[];
}

const CERT_PEM = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/clean-public-keys/certs/dev-ca.crt'),
  'utf8',
).trimEnd();

const AWS_DOC_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_DOC_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const JWT_IO_EXAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
/** The storage emulator's published development key. */
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const POOLS: Record<Exclude<Sink, 'raw'>, string[]> = {
  env: ['apps/web/.env.production', 'services/auth/.env', 'services/billing/.env.staging', '.env'],
  yaml: ['services/gateway/config/production.yaml', 'infra/ansible/group_vars/prod.yml', 'helm/api/values-prod.yaml'],
  json: ['services/search/appsettings.Production.json', 'config/secrets.json', 'tests/fixtures/integration-config.json'],
  properties: ['services/billing/src/main/resources/application-prod.properties', 'services/ledger/src/main/resources/application.properties'],
  tf: ['infra/terraform/main.tf', 'infra/terraform/modules/monitoring/main.tf'],
  tfvars: ['infra/terraform/prod.auto.tfvars'],
  sh: ['scripts/deploy.sh', 'scripts/bootstrap-dev.sh', 'infra/scripts/rotate-keys.sh'],
  py: ['services/auth/app/settings.py', 'services/notifier/notifier/config.py', 'tools/backfill.py'],
  js: ['apps/web/src/config.js', 'apps/admin/src/lib/clients.ts', 'services/edge/src/env.mjs'],
  go: ['services/gateway/internal/config/secrets.go', 'services/ingest/internal/config/config.go'],
  java: ['services/billing/src/main/java/com/acme/billing/Credentials.java'],
  toml: ['services/worker/config.toml', 'tools/sync/config.toml'],
  ini: ['config/app.ini', 'deploy/credentials.ini'],
  dockerfile: ['services/auth/Dockerfile', 'docker/ci.Dockerfile'],
  md: ['docs/setup.md', 'docs/runbooks/incident-2023-11.md', 'services/billing/README.md'],
  ipynb: ['notebooks/churn-analysis.ipynb', 'notebooks/llm-eval.ipynb'],
  compose: ['docker-compose.yml', 'infra/compose/docker-compose.prod.yml'],
  k8s: ['infra/k8s/prod/secrets.yaml', 'infra/k8s/staging/app-secret.yaml'],
  gha: ['.github/workflows/deploy.yml', '.github/workflows/nightly.yml'],
  'gitlab-ci': ['.gitlab-ci.yml'],
  http: ['tests/http/reporting.http', 'docs/api/requests.http'],
};
const ASSIGN_SINKS = Object.keys(POOLS).filter((s) => s !== 'http') as Exclude<Sink, 'raw' | 'http'>[];

class Corpus {
  private readonly files = new Map<string, { sink: Sink; items: Item[] }>();
  constructor(readonly rng: Rng) {}

  add(path: string, sink: Sink, item: Item): void {
    let f = this.files.get(path);
    if (!f) {
      f = { sink, items: [] };
      this.files.set(path, f);
    }
    f.items.push(item);
  }

  /** A file with a fixed text; marks given by 1-based line. */
  addRawFile(path: string, lines: string[], marks: { line: number; mark: Mark }[]): void {
    const items: Item[] = lines.map((l) => ({ lines: [l], marks: [] }));
    for (const { line, mark } of marks) items[line - 1]?.marks.push({ ...mark, offset: 0 });
    this.files.set(path, { sink: 'raw', items });
  }

  write(dir: string): Manifest {
    const manifest: Manifest = { positives: [], decoys: [], files: [] };
    for (const [path, { sink, items }] of [...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // Shuffle item order (not lines inside an item) so files differ between seeds.
      const ordered = sink === 'raw' ? items : this.rng.shuffle(items);
      const { text, marks } = render(sink, path, ordered);
      const abs = join(dir, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      manifest.files.push(path);
      for (const { line, mark } of marks) {
        if (mark.positive) {
          manifest.positives.push({
            file: path,
            line,
            endLine: line + mark.span - 1,
            family: mark.positive.family as Family,
            sensitive: mark.positive.sensitive,
          });
        } else {
          manifest.decoys.push({ file: path, line, kind: mark.label });
        }
      }
    }
    return manifest;
  }
}

/** Content hashes in file names are layout, so they come from the seeded PRNG. */
const layoutHex = (rng: Rng): string => Array.from({ length: 8 }, () => HEX[rng.int(0, 15)]).join('');

const pos = (family: Family, secret: string, offset = 0, span = 1, sensitive: string[] = [secret]): Mark => ({
  offset,
  span,
  label: family,
  positive: { family, secret, sensitive },
});
const decoy = (kind: string, offset = 0): Mark => ({ offset, span: 1, label: kind });

function pemSensitive(pem: string): string[] {
  return [pem, ...pem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'))];
}

/** The password inside a URL or connection string, for the "never printed" check. */
function urlSensitive(value: string): string[] {
  const m = /:\/\/[^:/@]*:([^@]+)@/.exec(value) ?? /Password=([^;]+);/.exec(value);
  return m?.[1] ? [value, m[1]] : [value];
}

// ---------------------------------------------------------------------------------------------
// Placing positives.

function placeToken(c: Corpus, family: Family, value: string, sensitive: string[]): void {
  const rng = c.rng;
  const key = rng.pick(FAMILIES[family].keys);
  const sink = rng.pick(ASSIGN_SINKS);
  const path = rng.pick(POOLS[sink]);
  // A few common real-world variants with their own shapes.
  if (family === 'azure-storage' && rng.chance(0.5)) {
    const cs = `DefaultEndpointsProtocol=https;AccountName=acme${randFrom('abcdefghijklmnopqrstuvwxyz', 6)};AccountKey=${value};EndpointSuffix=core.windows.net`;
    c.add(path, sink, { lines: [assign(sink, 'azure_storage_connection_string', cs)], marks: [pos(family, value, 0, 1, sensitive)] });
    return;
  }
  if (family === 'github-pat' && rng.chance(0.25)) {
    c.add('.git-credentials', 'raw', { lines: [`https://x-access-token:${value}@github.com`], marks: [pos(family, value, 0, 1, sensitive)] });
    return;
  }
  if (family === 'jwt' && rng.chance(0.4)) {
    const http = rng.pick(POOLS.http);
    c.add(http, 'http', {
      lines: [`GET https://api.acme-corp.net/v2/orders?limit=${rng.int(5, 50)}`, `Authorization: Bearer ${value}`, 'Accept: application/json', '', '###', ''],
      marks: [pos(family, value, 1, 1, sensitive)],
    });
    return;
  }
  if (sink === 'md') {
    c.add(path, sink, {
      lines: [`Temporary credentials for the ${key.replace(/_/g, ' ')} (rotate after the incident):`, '', '```bash', assign(sink, key, value), '```', ''],
      marks: [pos(family, value, 3, 1, sensitive)],
    });
    return;
  }
  if (sink === 'ipynb') {
    c.add(path, sink, { lines: ['import os', assign(sink, key, value)], marks: [pos(family, value, 1, 1, sensitive)] });
    return;
  }
  c.add(path, sink, { lines: [assign(sink, key, value)], marks: [pos(family, value, 0, 1, sensitive)] });
}

function placePem(c: Corpus, family: Family, pem: string): void {
  const rng = c.rng;
  const lines = pem.split('\n');
  const n = lines.length;
  const sensitive = pemSensitive(pem);
  const escaped = `${pem.replace(/\n/g, '\\n')}\\n`;
  const name = `${rng.pick(['deploy', 'signing', 'tls', 'backup', 'release'])}-${rng.int(1, 999)}`;
  switch (rng.int(0, 6)) {
    case 0: {
      const file =
        family === 'openssh'
          ? `infra/ansible/files/id_ed25519_${name}`
          : family === 'pgp'
            ? `keys/${name}.asc`
            : `keys/${name}.${rng.pick(['pem', 'key'])}`;
      c.addRawFile(file, lines, [{ line: 1, mark: pos(family, pem, 0, n, sensitive) }]);
      return;
    }
    case 1:
      c.add(rng.pick(POOLS.k8s), 'k8s', {
        lines: [`${family === 'openssh' ? 'id_ed25519' : 'tls.key'}-${name}: |`, ...lines.map((l) => `  ${l}`)],
        marks: [pos(family, pem, 1, n, sensitive)],
      });
      return;
    case 2:
      c.add(rng.pick(POOLS.tf), 'tf', {
        lines: [`${rng.pick(FAMILIES[family].keys)}_${rng.int(1, 99)} = <<-EOT`, ...lines.map((l) => `  ${l}`), 'EOT'],
        marks: [pos(family, pem, 1, n, sensitive)],
      });
      return;
    case 3: {
      const key = upper(rng.pick(FAMILIES[family].keys));
      const body = [...lines];
      body[0] = `${key}_${rng.int(1, 99)} = """${body[0]}`;
      body[n - 1] = `${body[n - 1]}"""`;
      c.add(rng.pick(POOLS.py), 'py', { lines: body, marks: [pos(family, pem, 0, n, sensitive)] });
      return;
    }
    case 4:
      c.add(rng.pick(POOLS.json), 'json', {
        lines: [`"${rng.pick(['privateKey', 'signingKey', 'sshKey'])}${rng.int(1, 99)}": "${escaped}"`],
        marks: [pos(family, pem, 0, 1, sensitive)],
      });
      return;
    case 5:
      c.add(rng.pick(POOLS.env), 'env', {
        lines: [`${upper(rng.pick(FAMILIES[family].keys))}_${rng.int(1, 99)}="${escaped}"`],
        marks: [pos(family, pem, 0, 1, sensitive)],
      });
      return;
    default:
      c.add(rng.pick(POOLS.gha), 'gha', {
        lines: [`${upper(rng.pick(FAMILIES[family].keys))}_${rng.int(1, 99)}: |`, ...lines.map((l) => `  ${l}`)],
        marks: [pos(family, pem, 1, n, sensitive)],
      });
  }
}

function placeServiceAccount(c: Corpus, pem: string, i: number): void {
  const project = `${c.rng.pick(['acme-prod', 'orbitpay-data', 'northwind-ml'])}-${c.rng.int(100000, 999999)}`;
  const account = c.rng.pick(['terraform', 'bq-loader', 'ci-deployer']);
  const email = `${account}@${project}.iam.gserviceaccount.com`;
  const lines = [
    '{',
    '  "type": "service_account",',
    `  "project_id": "${project}",`,
    `  "private_key_id": "${randFrom(HEX, 40)}",`,
    `  "private_key": "${pem.replace(/\n/g, '\\n')}\\n",`,
    `  "client_email": "${email}",`,
    `  "client_id": "${randFrom('0123456789', 21)}",`,
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}",`,
    '  "universe_domain": "googleapis.com"',
    '}',
  ];
  const file = c.rng.pick([`infra/gcp/${account}-${i}-sa.json`, `services/ingest/credentials/${project}.json`, `secrets/gcp-${i}.json`]);
  c.addRawFile(file, lines, [
    { line: 4, mark: decoy('key-id') },
    { line: 5, mark: pos('gcp-service-account', pem, 0, 1, pemSensitive(pem)) },
  ]);
}

function placeHeader(c: Corpus, family: Family, value: string): void {
  const rng = c.rng;
  const sensitive = [value, value.replace(/^Basic /, '')];
  const mark = (offset: number): Mark[] => [pos(family, value, offset, 1, sensitive)];
  switch (rng.int(0, 4)) {
    case 0:
      c.add(rng.pick(POOLS.sh), 'sh', {
        lines: [`curl -fsS -H "Authorization: ${value}" https://metrics.acme-corp.net/api/v1/export > export.json`],
        marks: mark(0),
      });
      return;
    case 1:
      c.add(rng.pick(POOLS.py), 'py', { lines: [`HEADERS_${rng.int(1, 99)} = {"Authorization": "${value}", "Accept": "application/json"}`], marks: mark(0) });
      return;
    case 2:
      c.add(rng.pick(POOLS.js), 'js', { lines: [`reportingHeaders${rng.int(1, 99)}: { Authorization: '${value}' },`], marks: mark(0) });
      return;
    case 3:
      c.add(rng.pick(POOLS.http), 'http', {
        lines: [`POST https://reports.acme-corp.net/api/export`, `Authorization: ${value}`, 'Content-Type: application/json', '', '{"range": "7d"}', '', '###', ''],
        marks: mark(1),
      });
      return;
    default:
      c.add('infra/nginx/upstream.conf', 'raw', { lines: [`    proxy_set_header Authorization "${value}";`], marks: mark(0) });
  }
}

function minifiedWithSecret(c: Corpus, family: Family, value: string): void {
  const line = `${minifiedCode(c.rng, 40)}var Zt={publishableKey:"pk_live_${randFrom(ALNUM, 24)}"};${minifiedCode(c.rng, 10)}const Qe="${value}";${minifiedCode(c.rng, 30)}`;
  c.addRawFile(`apps/web/dist/assets/index-${layoutHex(c.rng)}.js`, [line, `//# sourceMappingURL=index.js.map`], [
    { line: 1, mark: pos(family, value) },
  ]);
}

function placePositives(c: Corpus): void {
  for (const family of FAMILY_IDS) {
    const spec = FAMILIES[family];
    const count = c.rng.int(4, 6);
    for (let i = 0; i < count; i++) {
      const value = spec.gen((n) => c.rng.int(0, n - 1));
      switch (spec.shape) {
        case 'pem':
          placePem(c, family, value);
          break;
        case 'sa-json':
          placeServiceAccount(c, value, i);
          break;
        case 'header':
          placeHeader(c, family, value);
          break;
        case 'url':
          placeToken(c, family, value, urlSensitive(value));
          break;
        case 'token':
          if (family === 'stripe-live' && i === 0) minifiedWithSecret(c, family, value);
          else placeToken(c, family, value, [value]);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Decoys.

const sha = (alg: string, n = 16): string => createHash(alg).update(randomBytes(n)).digest('hex');
const b64 = (n: number): string => randomBytes(n).toString('base64');

const PLACEHOLDERS = [
  'changeme',
  'CHANGE_ME',
  '<your-api-key>',
  'your_token_here',
  'REPLACE_WITH_REAL_VALUE',
  'xxxxxxxxxxxxxxxxxxxxxxxx',
  '********',
  'TODO',
  'dummy',
  'example-token',
  'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
  'AKIAXXXXXXXXXXXXXXXX',
  'xoxb-your-bot-token',
  'glpat-xxxxxxxxxxxxxxxxxxxx',
  'npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  'sk-proj-...',
  'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'postgres://user:password@localhost:5432/app',
  'https://user:pass@example.com/',
  'insert-secret-here',
  'none',
];

/** Values that sit under secret-sounding or id-sounding keys and are not secrets. */
function benignAssignment(rng: Rng): { key: string; value: string; kind: string } {
  switch (rng.int(0, 16)) {
    case 0:
      return { key: 'token_url', value: 'https://auth.acme-corp.net/oauth2/token', kind: 'url' };
    case 1:
      return { key: 'secret_name', value: `prod/${rng.pick(['billing', 'ledger', 'auth'])}/db-credentials`, kind: 'name' };
    case 2:
      return { key: 'artifact_sha256', value: sha('sha256'), kind: 'hash' };
    case 3:
      return { key: 'commit_sha', value: sha('sha1'), kind: 'git-sha' };
    case 4:
      return { key: 'request_id', value: randomUUID(), kind: 'uuid' };
    case 5:
      return { key: 'tenant_id', value: randomUUID(), kind: 'uuid' };
    case 6:
      return { key: 'stripe_publishable_key', value: `pk_live_${randFrom(ALNUM, rng.pick([24, 99]))}`, kind: 'publishable' };
    case 7:
      return { key: 'twilio_account_sid', value: `AC${randFrom(HEX, 32)}`, kind: 'identifier' };
    case 8:
      return { key: 'sentry_dsn', value: `https://${randFrom(HEX, 32)}@o${rng.int(100000, 999999)}.ingest.sentry.io/${rng.int(1000000, 9999999)}`, kind: 'public-dsn' };
    case 9:
      return { key: 'role_arn', value: `arn:aws:iam::${rng.int(100000000000, 999999999999)}:role/deploy`, kind: 'arn' };
    case 10:
      return { key: 'image_digest', value: `sha256:${sha('sha256')}`, kind: 'hash' };
    case 11:
      return { key: 'age_recipient', value: agePublicKey(), kind: 'public-key' };
    case 12:
      return { key: 'donation_address', value: bitcoinAddress(), kind: 'public-address' };
    case 13:
      return { key: 'google_client_id', value: `${rng.int(100000000000, 999999999999)}-${randFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32)}.apps.googleusercontent.com`, kind: 'identifier' };
    case 14:
      return { key: 'token_ttl_seconds', value: String(rng.pick([300, 3600, 86400])), kind: 'number' };
    case 15:
      return { key: 'password_min_length', value: String(rng.int(8, 16)), kind: 'number' };
    default:
      return { key: 'cache_key_prefix', value: `v${rng.int(1, 9)}:${sha('md5').slice(0, 12)}`, kind: 'hash' };
  }
}

const SECRET_KEYS = ['api_key', 'db_password', 'secret_key', 'auth_token', 'client_secret', 'github_token', 'stripe_secret_key', 'aws_secret_access_key', 'slack_bot_token', 'openai_api_key'];

function placeAssignmentDecoys(c: Corpus, n: number): void {
  const rng = c.rng;
  for (let i = 0; i < n; i++) {
    const sink = rng.pick([...ASSIGN_SINKS, 'http'] as const);
    const path = rng.pick(POOLS[sink]);
    let line: string;
    let kind: string;
    const roll = rng.int(0, 2);
    if (roll === 0) {
      const key = rng.pick(SECRET_KEYS);
      const ref = envRef(sink, key, rng.int(0, 1));
      line = assign(sink, key, ref.value, ref.quoted);
      kind = 'env-reference';
    } else if (roll === 1) {
      line = assign(sink, rng.pick(SECRET_KEYS), rng.pick(PLACEHOLDERS));
      kind = 'placeholder';
    } else {
      const b = benignAssignment(rng);
      line = assign(sink, b.key, b.value);
      kind = b.kind;
    }
    if (sink === 'md') c.add(path, sink, { lines: ['```bash', line, '```', ''], marks: [decoy(kind, 1)] });
    else c.add(path, sink, { lines: [line], marks: [decoy(kind)] });
  }
}

/** One-character-changed checksummed tokens: invalid, so never findings. */
function placeBrokenChecksums(c: Corpus): string[] {
  const rng = c.rng;
  const testLines: string[] = ["import { describe, expect, it } from 'vitest';", "import { isLiveToken } from '../../src/tokens.js';", '', "describe('token validation', () => {"];
  const marks: { line: number; mark: Mark }[] = [];
  const families = Object.keys(CHECKSUMMED) as ChecksummedFamily[];
  for (const family of families) {
    for (let i = 0; i < 4; i++) {
      const bad = oneCharOff(family, FAMILIES[family].gen());
      const where = rng.int(0, 3);
      if (where === 0) {
        // Hard case: a broken token in an ordinary assignment.
        const sink = rng.pick(ASSIGN_SINKS.filter((s) => s !== 'md' && s !== 'ipynb'));
        c.add(rng.pick(POOLS[sink]), sink, { lines: [assign(sink, rng.pick(FAMILIES[family].keys), bad)], marks: [decoy(`bad-checksum:${family}`)] });
      } else if (where === 1) {
        c.add('docs/revoked-credentials.md', 'md', { lines: [`- \`${bad}\` (revoked ${2020 + rng.int(0, 4)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}, checksum mismatch)`], marks: [decoy(`bad-checksum:${family}`)] });
      } else {
        testLines.push(`  it('rejects a mistyped ${family} token #${i}', () => {`);
        testLines.push(`    expect(isLiveToken('${bad}')).toBe(false);`);
        marks.push({ line: testLines.length, mark: decoy(`bad-checksum:${family}`) });
        testLines.push('  });');
      }
    }
  }
  testLines.push('});');
  c.addRawFile('packages/tokens/test/validation.test.ts', testLines, marks);
  return testLines;
}

function lockfiles(c: Corpus): void {
  const rng = c.rng;
  const names = ['react', 'react-dom', 'lodash', 'express', 'zod', 'vite', 'esbuild', 'typescript', 'axios', 'debug', 'ms', 'semver', 'chalk', 'commander', 'yaml', 'picomatch', 'fast-glob', 'undici', 'ws', 'tslib', 'rxjs', 'uuid', 'dotenv', 'jsonwebtoken', 'bcryptjs', 'pino', 'date-fns', 'immer', 'zustand', 'clsx'];
  // package-lock.json
  const lock: string[] = ['{', '  "name": "acme-monorepo",', '  "version": "0.0.0",', '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {'];
  const lockMarks: { line: number; mark: Mark }[] = [];
  names.forEach((n, i) => {
    const v = `${rng.int(1, 18)}.${rng.int(0, 20)}.${rng.int(0, 30)}`;
    lock.push(`    "node_modules/${n}": {`, `      "version": "${v}",`, `      "resolved": "https://registry.npmjs.org/${n}/-/${n}-${v}.tgz",`);
    lock.push(`      "integrity": "sha512-${b64(64)}",`);
    lockMarks.push({ line: lock.length, mark: decoy('npm-integrity') });
    lock.push('      "license": "MIT"', i === names.length - 1 ? '    }' : '    },');
  });
  lock.push('  }', '}');
  c.addRawFile('package-lock.json', lock, lockMarks);

  // yarn.lock
  const yarn: string[] = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', ''];
  const yarnMarks: { line: number; mark: Mark }[] = [];
  for (const n of names.slice(0, 20)) {
    const v = `${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}`;
    yarn.push(`${n}@^${v}:`, `  version "${v}"`);
    yarn.push(`  resolved "https://registry.yarnpkg.com/${n}/-/${n}-${v}.tgz#${sha('sha1')}"`);
    yarnMarks.push({ line: yarn.length, mark: decoy('yarn-resolved-sha1') });
    yarn.push(`  integrity sha512-${b64(64)}`);
    yarnMarks.push({ line: yarn.length, mark: decoy('yarn-integrity') });
    yarn.push('');
  }
  c.addRawFile('apps/admin/yarn.lock', yarn, yarnMarks);

  // pnpm-lock.yaml
  const pnpm: string[] = ["lockfileVersion: '9.0'", '', 'packages:', ''];
  const pnpmMarks: { line: number; mark: Mark }[] = [];
  for (const n of names.slice(10, 25)) {
    pnpm.push(`  ${n}@${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)}:`);
    pnpm.push(`    resolution: {integrity: sha512-${b64(64)}}`);
    pnpmMarks.push({ line: pnpm.length, mark: decoy('pnpm-integrity') });
    pnpm.push('');
  }
  c.addRawFile('apps/web/pnpm-lock.yaml', pnpm, pnpmMarks);

  // go.sum
  const mods = ['github.com/aws/aws-sdk-go-v2', 'github.com/google/uuid', 'golang.org/x/crypto', 'golang.org/x/net', 'github.com/stretchr/testify', 'go.uber.org/zap', 'github.com/spf13/cobra', 'google.golang.org/grpc', 'github.com/hashicorp/vault/api', 'github.com/golang-jwt/jwt/v5'];
  const gosum: string[] = [];
  const goMarks: { line: number; mark: Mark }[] = [];
  for (const m of mods) {
    const v = `v${rng.int(0, 3)}.${rng.int(0, 40)}.${rng.int(0, 9)}`;
    gosum.push(`${m} ${v} h1:${b64(32)}`);
    goMarks.push({ line: gosum.length, mark: decoy('go-sum') });
    gosum.push(`${m} ${v}/go.mod h1:${b64(32)}`);
    goMarks.push({ line: gosum.length, mark: decoy('go-sum') });
  }
  c.addRawFile('services/gateway/go.sum', gosum, goMarks);

  // requirements.txt with hashes
  const req: string[] = ['# This file is autogenerated by pip-compile with Python 3.12', '#    pip-compile --generate-hashes', ''];
  const reqMarks: { line: number; mark: Mark }[] = [];
  for (const p of ['requests', 'urllib3', 'certifi', 'idna', 'pydantic', 'fastapi', 'sqlalchemy', 'boto3']) {
    req.push(`${p}==${rng.int(1, 3)}.${rng.int(0, 30)}.${rng.int(0, 9)} \\`);
    req.push(`    --hash=sha256:${sha('sha256')} \\`);
    reqMarks.push({ line: req.length, mark: decoy('pip-hash') });
    req.push(`    --hash=sha256:${sha('sha256')}`);
    reqMarks.push({ line: req.length, mark: decoy('pip-hash') });
  }
  c.addRawFile('services/auth/requirements.txt', req, reqMarks);

  // Cargo.lock
  const cargo: string[] = ['# This file is automatically @generated by Cargo.', 'version = 3', ''];
  const cargoMarks: { line: number; mark: Mark }[] = [];
  for (const p of ['serde', 'tokio', 'regex', 'anyhow', 'clap', 'ring']) {
    cargo.push('[[package]]', `name = "${p}"`, `version = "1.${rng.int(0, 40)}.${rng.int(0, 9)}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"');
    cargo.push(`checksum = "${sha('sha256')}"`);
    cargoMarks.push({ line: cargo.length, mark: decoy('cargo-checksum') });
    cargo.push('');
  }
  c.addRawFile('tools/sync/Cargo.lock', cargo, cargoMarks);
}

/** A plausible minified bundle fragment with hashes and base64 blobs but no credential. */
function minifiedCode(rng: Rng, parts: number): string {
  const pieces: string[] = [];
  const id = (): string => randFrom('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', rng.int(1, 2));
  for (let i = 0; i < parts; i++) {
    switch (rng.int(0, 5)) {
      case 0:
        pieces.push(`function ${id()}(${id()},${id()}){return ${id()}.call(this,${id()})||${rng.int(0, 99)}}`);
        break;
      case 1:
        pieces.push(`var ${id()}={${rng.int(100, 999)}:"${randFrom(HEX, 20)}",${rng.int(100, 999)}:"${randFrom(HEX, 20)}"};`);
        break;
      case 2:
        pieces.push(`${id()}.exports="data:font/woff2;base64,${b64(rng.int(60, 180))}";`);
        break;
      case 3:
        pieces.push(`const ${id()}="sha384-${b64(48)}";`);
        break;
      case 4:
        pieces.push(`${id()}=${id()}.map(function(${id()}){return ${id()}.id!==${id()}});`);
        break;
      default:
        pieces.push(`${id()}.cacheKey="${sha('md5')}",${id()}.v="${sha('sha1')}",${id()}.chunk="${randFrom(ALNUM, 20)}";`);
    }
  }
  return pieces.join('');
}

function webDecoys(c: Corpus): void {
  const rng = c.rng;
  const html: string[] = ['<!doctype html>', '<html lang="en">', '<head>', '  <meta charset="utf-8">'];
  const marks: { line: number; mark: Mark }[] = [];
  for (const lib of ['react@18.3.1/umd/react.production.min.js', 'react-dom@18.3.1/umd/react-dom.production.min.js', 'bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js']) {
    html.push(`  <script src="https://cdn.jsdelivr.net/npm/${lib}" integrity="sha384-${b64(48)}" crossorigin="anonymous"></script>`);
    marks.push({ line: html.length, mark: decoy('sri') });
  }
  html.push(`  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" integrity="sha512-${b64(64)}" crossorigin="anonymous">`);
  marks.push({ line: html.length, mark: decoy('sri') });
  html.push(`  <script>window.__STRIPE_PK__ = "pk_live_${randFrom(ALNUM, 99)}";</script>`);
  marks.push({ line: html.length, mark: decoy('publishable') });
  html.push('</head>', '<body>');
  for (let i = 0; i < 3; i++) {
    html.push(`  <img alt="logo" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${b64(rng.int(300, 900))}">`);
    marks.push({ line: html.length, mark: decoy('base64-image') });
  }
  html.push('  <div id="root"></div>', '</body>', '</html>');
  c.addRawFile('apps/web/public/index.html', html, marks);

  const vendor = minifiedCode(rng, 400);
  c.addRawFile(`apps/web/dist/assets/vendor-${layoutHex(c.rng)}.js`, [vendor, '//# sourceMappingURL=vendor.js.map'], [{ line: 1, mark: decoy('minified') }]);

  const css = [`.hero{background:url(data:image/svg+xml;base64,${b64(600)})}`, `@font-face{font-family:Inter;src:url(data:font/woff2;base64,${b64(1200)}) format("woff2")}`];
  c.addRawFile('apps/web/dist/assets/app.css', css, [
    { line: 1, mark: decoy('base64-image') },
    { line: 2, mark: decoy('base64-font') },
  ]);
}

function docsDecoys(c: Corpus): void {
  const rng = c.rng;
  const aws = [
    '# Configuring AWS credentials',
    '',
    'Put your keys in `~/.aws/credentials`. The values below are the documentation examples:',
    '',
    '```ini',
    '[default]',
    `aws_access_key_id = ${AWS_DOC_ID}`,
    `aws_secret_access_key = ${AWS_DOC_SECRET}`,
    '```',
    '',
    'Or export them:',
    '',
    '```bash',
    `export AWS_ACCESS_KEY_ID=${AWS_DOC_ID}`,
    `export AWS_SECRET_ACCESS_KEY=${AWS_DOC_SECRET}`,
    'export AWS_DEFAULT_REGION=us-west-2',
    '```',
    '',
    'A JWT looks like this (from the RFC examples site):',
    '',
    `    ${JWT_IO_EXAMPLE}`,
    '',
  ];
  c.addRawFile('docs/aws-setup.md', aws, [7, 8, 14, 15, 21].map((line) => ({ line, mark: decoy('doc-example') })));

  const tests = [
    "import { S3Client } from '@aws-sdk/client-s3';",
    '',
    'const client = new S3Client({',
    "  region: 'us-east-1',",
    `  credentials: { accessKeyId: '${AWS_DOC_ID}', secretAccessKey: '${AWS_DOC_SECRET}' },`,
    '});',
  ];
  c.addRawFile('services/ingest/test/s3-mock.test.ts', tests, [{ line: 5, mark: decoy('doc-example') }]);

  const example: string[] = ['# Copy to .env and fill in real values', ''];
  const exMarks: { line: number; mark: Mark }[] = [];
  const exampleValues: [string, string][] = [
    ['GITHUB_TOKEN', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['STRIPE_SECRET_KEY', ''],
    ['STRIPE_PUBLISHABLE_KEY', `pk_test_${randFrom(ALNUM, 24)}`],
    ['DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app_dev'],
    ['AWS_ACCESS_KEY_ID', AWS_DOC_ID],
    ['AWS_SECRET_ACCESS_KEY', AWS_DOC_SECRET],
    ['OPENAI_API_KEY', 'sk-...'],
    ['SLACK_WEBHOOK_URL', 'https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['JWT_SECRET', 'please-change-me'],
    ['SENDGRID_API_KEY', 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['REDIS_URL', 'redis://localhost:6379/0'],
  ];
  for (const [k, v] of exampleValues) {
    example.push(`${k}=${v}`);
    exMarks.push({ line: example.length, mark: decoy('placeholder') });
  }
  c.addRawFile('apps/web/.env.example', example, exMarks);

  const changelog: string[] = ['# Changelog', ''];
  const clMarks: { line: number; mark: Mark }[] = [];
  for (let i = 0; i < 12; i++) {
    if (i % 4 === 0) changelog.push(`## 1.${12 - i}.0`, '');
    changelog.push(`- ${rng.pick(['Fix retry on 429', 'Rotate signing keys', 'Bump dependencies', 'Add token expiry check', 'Refactor secret loader'])} (${rng.chance(0.5) ? sha('sha1') : sha('sha1').slice(0, 7)})`);
    clMarks.push({ line: changelog.length, mark: decoy('git-sha') });
  }
  c.addRawFile('CHANGELOG.md', changelog, clMarks);

  const blame = ['# Formatting-only commits'];
  for (let i = 0; i < 5; i++) blame.push(sha('sha1'));
  c.addRawFile('.git-blame-ignore-revs', blame, [2, 3, 4, 5, 6].map((line) => ({ line, mark: decoy('git-sha') })));

  const precommit = ['repos:', '  - repo: https://github.com/pre-commit/pre-commit-hooks', `    rev: ${sha('sha1')}  # frozen: v4.6.0`, '    hooks:', '      - id: trailing-whitespace'];
  c.addRawFile('.pre-commit-config.yaml', precommit, [{ line: 3, mark: decoy('git-sha') }]);

  const compose = [
    'services:',
    '  azurite:',
    '    image: mcr.microsoft.com/azure-storage/azurite',
    '    environment:',
    `      AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;"`,
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}',
  ];
  c.addRawFile('docker-compose.dev.yml', compose, [
    { line: 5, mark: decoy('doc-example') },
    { line: 9, mark: decoy('env-reference') },
  ]);
}

function publicKeyDecoys(c: Corpus): void {
  const keys: string[] = [];
  for (let i = 0; i < 5; i++) keys.push(sshPublicKey());
  c.addRawFile('infra/ansible/files/authorized_keys', keys, keys.map((_, i) => ({ line: i + 1, mark: decoy('ssh-public-key') })));
  c.addRawFile('keys/deploy.pub', [sshPublicKey()], [{ line: 1, mark: decoy('ssh-public-key') }]);
  const cert = CERT_PEM.split('\n');
  c.addRawFile('infra/certs/dev-ca.crt', cert, [{ line: 1, mark: decoy('certificate') }]);
  const pub = publicKeyPem().split('\n');
  c.addRawFile('services/auth/keys/jwt-verify.pub.pem', pub, [{ line: 1, mark: decoy('public-key') }]);

  const jsPub = publicKeyPem().split('\n');
  const jsLines = ['// Verifies webhook signatures; the private half lives in the signing service.', `export const WEBHOOK_PUBLIC_KEY = \`${jsPub[0]}`, ...jsPub.slice(1, -1), `${jsPub[jsPub.length - 1]}\`;`];
  c.addRawFile('services/edge/src/webhook-key.ts', jsLines, [{ line: 2, mark: decoy('public-key') }]);

  const caBundle = Buffer.from(`${CERT_PEM}\n`).toString('base64');
  const webhook = [
    'apiVersion: admissionregistration.k8s.io/v1',
    'kind: ValidatingWebhookConfiguration',
    'metadata:',
    '  name: policy-webhook',
    `  uid: ${randomUUID()}`,
    'webhooks:',
    '  - name: policy.acme-corp.net',
    '    clientConfig:',
    `      caBundle: ${caBundle}`,
    '      service:',
    '        name: policy',
    '        namespace: policy-system',
  ];
  c.addRawFile('infra/k8s/prod/webhook.yaml', webhook, [
    { line: 5, mark: decoy('uuid') },
    { line: 9, mark: decoy('ca-bundle') },
  ]);

  const deploy = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', `  uid: ${randomUUID()}`, 'spec:', '  template:', '    spec:', '      containers:', '        - name: api', `          image: ghcr.io/acme/api@sha256:${sha('sha256')}`, '          env:', '            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:', '                  name: api-secrets', '                  key: db-password'];
  c.addRawFile('infra/k8s/prod/deployment.yaml', deploy, [
    { line: 5, mark: decoy('uuid') },
    { line: 11, mark: decoy('hash') },
    { line: 13, mark: decoy('env-reference') },
  ]);

  const sops = ['creation_rules:', '  - path_regex: secrets/.*\\.yaml$', '    age: >-', `      ${agePublicKey()},`, `      ${agePublicKey()}`];
  c.addRawFile('.sops.yaml', sops, [
    { line: 4, mark: decoy('public-key') },
    { line: 5, mark: decoy('public-key') },
  ]);

  const nbImage: Item = { lines: [`@image iVBORw0KGgoAAAANSUhEUgAA${b64(1500)}`], marks: [decoy('base64-image')] };
  c.add(c.rng.pick(POOLS.ipynb), 'ipynb', nbImage);
}

/** Ordinary configuration lines, not marked: any finding on them is a false positive too. */
function filler(c: Corpus, n: number): void {
  const rng = c.rng;
  const plain: [string, () => string][] = [
    ['log_level', () => rng.pick(['info', 'debug', 'warn'])],
    ['region', () => rng.pick(['eu-west-1', 'us-east-1', 'ap-southeast-2'])],
    ['timeout_ms', () => String(rng.int(100, 30000))],
    ['max_connections', () => String(rng.int(5, 200))],
    ['feature_new_checkout', () => rng.pick(['true', 'false'])],
    ['api_base_url', () => `https://api.${rng.pick(['acme-corp.net', 'orbitpay.dev'])}/v${rng.int(1, 3)}`],
    ['bucket_name', () => `acme-${rng.pick(['logs', 'exports', 'media'])}-${rng.int(100, 999)}`],
    ['cron_schedule', () => `${rng.int(0, 59)} ${rng.int(0, 23)} * * *`],
    ['retry_backoff', () => `${rng.int(1, 9)}s`],
    ['otel_service_name', () => rng.pick(['billing', 'gateway', 'notifier'])],
  ];
  for (let i = 0; i < n; i++) {
    const sink = rng.pick(ASSIGN_SINKS.filter((s) => s !== 'md' && s !== 'ipynb'));
    const [key, value] = rng.pick(plain);
    c.add(rng.pick(POOLS[sink]), sink, { lines: [assign(sink, key, value())], marks: [] });
  }
}

export function buildCorpus(dir: string, seed: number): Manifest {
  const c = new Corpus(seededRng(seed));
  placePositives(c);
  placeAssignmentDecoys(c, 320);
  placeBrokenChecksums(c);
  lockfiles(c);
  webDecoys(c);
  docsDecoys(c);
  publicKeyDecoys(c);
  filler(c, 200);
  // The sample notebook and README need at least one item even for unlucky seeds.
  c.add('notebooks/churn-analysis.ipynb', 'ipynb', { lines: ['import pandas as pd', "df = pd.read_parquet('churn.parquet')"], marks: [] });
  return c.write(dir);
}
