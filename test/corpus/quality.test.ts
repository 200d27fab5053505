// Precision and recall of the built CLI on a generated monorepo of ~50 credential families and
// hard decoys. Counting is per (file, line): every reported line is either expected or a false
// positive. Failures print which families were missed and which rules fired on decoys, with
// masked context only. KEYHOUND_CORPUS_SEED picks the layout; KEYHOUND_CORPUS_DIR keeps the tree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type ExpectedFinding, type Manifest } from './build.js';
import { scanWithCli, type CliScan } from './scan-cli.js';

const SEED = Number(process.env['KEYHOUND_CORPUS_SEED'] ?? 20240611);
const KEEP = process.env['KEYHOUND_CORPUS_DIR'];
const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.95;

interface Score {
  recall: number;
  precision: number;
  misses: ExpectedFinding[];
  falsePositives: { file: string; line: number; rules: string[]; decoy: string }[];
  reportedLines: number;
}

/** Shows a line with every known secret cut to its first six characters. */
function maskLine(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join(`${s.slice(0, 6)}…`);
  out = out.replace(/[A-Za-z0-9+/_=-]{24,}/g, (m) => `${m.slice(0, 6)}…(${m.length})`);
  return out.length > 160 ? `${out.slice(0, 160)}…` : out;
}

function score(m: Manifest, scan: CliScan): Score {
  const byLine = new Map<string, Set<string>>();
  for (const f of scan.findings) {
    const key = `${f.file}:${f.line}`;
    let rules = byLine.get(key);
    if (!rules) byLine.set(key, (rules = new Set()));
    rules.add(f.rule);
  }
  const expectedLines = new Set<string>();
  const misses: ExpectedFinding[] = [];
  for (const p of m.positives) {
    let found = false;
    for (let l = p.line; l <= p.endLine; l++) {
      expectedLines.add(`${p.file}:${l}`);
      if (byLine.has(`${p.file}:${l}`)) found = true;
    }
    if (!found) misses.push(p);
  }
  const decoyKind = new Map(m.decoys.map((d) => [`${d.file}:${d.line}`, d.kind]));
  const falsePositives: Score['falsePositives'] = [];
  let truePositiveLines = 0;
  for (const [key, rules] of byLine) {
    if (expectedLines.has(key)) {
      truePositiveLines++;
      continue;
    }
    const at = key.lastIndexOf(':');
    falsePositives.push({
      file: key.slice(0, at),
      line: Number(key.slice(at + 1)),
      rules: [...rules].sort(),
      decoy: decoyKind.get(key) ?? 'unlabelled line',
    });
  }
  return {
    recall: (m.positives.length - misses.length) / m.positives.length,
    precision: byLine.size === 0 ? 0 : truePositiveLines / byLine.size,
    misses,
    falsePositives: falsePositives.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1)),
    reportedLines: byLine.size,
  };
}

function table(m: Manifest, s: Score, dir: string): string {
  const secrets = m.positives.flatMap((p) => p.sensitive.filter((x) => !x.includes('\n')));
  const lineText = (file: string, line: number): string => {
    try {
      return maskLine(readFileSync(join(dir, file), 'utf8').split('\n')[line - 1] ?? '', secrets);
    } catch {
      return '';
    }
  };
  const out: string[] = [];
  out.push(`corpus seed ${SEED}: ${m.positives.length} expected findings, ${m.decoys.length} labelled decoy lines, ${m.files.length} files`);
  out.push(`recall ${(s.recall * 100).toFixed(1)}%  precision ${(s.precision * 100).toFixed(1)}% (${s.reportedLines} reported lines)`);
  out.push('', 'family                   expected  found  recall');
  const families = [...new Set(m.positives.map((p) => p.family))].sort();
  for (const fam of families) {
    const n = m.positives.filter((p) => p.family === fam).length;
    const missed = s.misses.filter((p) => p.family === fam).length;
    out.push(`${fam.padEnd(24)} ${String(n).padStart(8)} ${String(n - missed).padStart(6)}  ${(((n - missed) / n) * 100).toFixed(0).padStart(5)}%`);
  }
  if (s.misses.length > 0) {
    out.push('', `misses (${s.misses.length}):`);
    for (const p of s.misses) out.push(`  ${p.family.padEnd(22)} ${p.file}:${p.line}  ${lineText(p.file, p.line)}`);
  }
  if (s.falsePositives.length > 0) {
    const byRule = new Map<string, number>();
    for (const fp of s.falsePositives) for (const r of fp.rules) byRule.set(r, (byRule.get(r) ?? 0) + 1);
    out.push('', `false positives (${s.falsePositives.length} lines) by rule: ${[...byRule].map(([r, n]) => `${r}=${n}`).join(', ')}`);
    for (const fp of s.falsePositives) {
      out.push(`  ${fp.rules.join(',').padEnd(30)} ${fp.file}:${fp.line} [${fp.decoy}]  ${lineText(fp.file, fp.line)}`);
    }
  }
  return out.join('\n');
}

describe('precision and recall on a generated monorepo', () => {
  let dir: string;
  let manifest: Manifest;
  let scan: CliScan;
  let s: Score;

  beforeAll(() => {
    if (KEEP) {
      rmSync(KEEP, { recursive: true, force: true });
      mkdirSync(KEEP, { recursive: true });
      dir = KEEP;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'keyhound-quality-'));
    }
    manifest = buildCorpus(dir, SEED);
    scan = scanWithCli(dir);
    s = score(manifest, scan);
    console.log(table(manifest, s, dir));
  }, 300_000);

  afterAll(() => {
    if (!KEEP && dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 because there are findings', () => {
    expect(scan.status, scan.stderr.slice(0, 500)).toBe(1);
  });

  it('never prints a raw secret without --unmask', () => {
    const leaked = manifest.positives.filter((p) =>
      p.sensitive.some((x) => x.length >= 8 && (scan.stdout.includes(x) || scan.stderr.includes(x))),
    );
    expect(leaked.map((p) => `${p.family} ${p.file}:${p.line}`)).toEqual([]);
  });

  it(`finds at least ${MIN_RECALL * 100}% of the planted secrets`, () => {
    expect(s.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`reports at most ${((1 - MIN_PRECISION) * 100).toFixed(0)}% false-positive lines`, () => {
    expect(s.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  });
});
