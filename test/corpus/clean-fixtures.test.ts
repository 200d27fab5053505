// Committed decoy-only trees (fixtures/clean-*): documentation example keys, lockfiles, public
// keys, placeholders, hashes and one-character-changed checksummed tokens. Scanning each must
// report nothing and exit 0. A sweep also proves no committed token has a valid checksum.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scanWithCli } from './scan-cli.js';
import { checksumValid, type ChecksummedFamily } from './tokens.js';

const FIXTURES = join(ROOT, 'fixtures');
const cleanDirs = readdirSync(FIXTURES)
  .filter((d) => d.startsWith('clean-') && statSync(join(FIXTURES, d)).isDirectory())
  .sort();

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Shapes of checksummed families, loose enough to catch any committed look-alike. */
const SHAPES: [ChecksummedFamily, RegExp][] = [
  ['github-pat', /\bgh[pousr]_[A-Za-z0-9]{36}\b/g],
  ['npm', /\bnpm_[A-Za-z0-9]{36}\b/g],
  ['grafana-sa', /\bglsa_[A-Za-z0-9]{32}_[0-9a-f]{8}\b/g],
  ['atlassian', /ATATT3xFfGF0[A-Za-z0-9_-]{171}=[0-9A-F]{8}/g],
  ['gitlab-routable', /glpat-[A-Za-z0-9_-]{27,300}\.01\.[0-9a-z]{9}/g],
  ['age', /AGE-SECRET-KEY-1[0-9A-Z]{58}/g],
  ['bitcoin-wif', /\b[5KL][1-9A-HJ-NP-Za-km-z]{50,51}\b/g],
  ['azure-cask', /[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{26}/g],
  ['azure-storage', /[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{6}==/g],
];

describe('clean fixtures', () => {
  it('exist', () => {
    expect(cleanDirs.length).toBeGreaterThanOrEqual(4);
  });

  it('hold no token with a valid checksum (look-alikes only)', () => {
    let lookalikes = 0;
    const valid: string[] = [];
    for (const dir of cleanDirs) {
      for (const file of walk(join(FIXTURES, dir))) {
        const text = readFileSync(file, 'utf8');
        for (const [family, re] of SHAPES) {
          for (const m of text.matchAll(re)) {
            lookalikes++;
            if (checksumValid(family, m[0])) valid.push(`${family} in ${relative(ROOT, file)}`);
          }
        }
      }
    }
    expect(valid).toEqual([]);
    expect(lookalikes).toBeGreaterThanOrEqual(30);
  });

  it.each(cleanDirs)('%s: no findings, exit 0', (dir) => {
    const scan = scanWithCli(join(FIXTURES, dir));
    expect(scan.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([]);
    expect(scan.status, scan.stderr.slice(0, 500)).toBe(0);
  });
});
