// The bench's pure helpers: statistics, table rendering, manifest rules, secret planting. No
// timing assertions here: timings belong to `npm run bench`, never to tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksums } from '../../src/checksums/registry.js';
import {
  corpusKey,
  isCorpusFile,
  loadManifest,
  packageDirName,
  packFileName,
  selectPackages,
  validateManifest,
} from '../../scripts/bench/manifest.js';
import { parseGnuTimeRss, parseVmHwm, runMeasured } from '../../scripts/bench/measure.js';
import { parseCpuModel } from '../../scripts/bench/machine.js';
import { computeRatios, renderReport } from '../../scripts/bench/report.js';
import { chooseFiles, insertLine, makeRepair, makeRng, recall, SECRET_KINDS } from '../../scripts/bench/secrets.js';
import { fmtSummary, mbPerSec, median, pairedDiffs, range, renderTable, summarize } from '../../scripts/bench/stats.js';
import { findingsDigest, parseRgCounts, parseSecretlintCompact, scanVariants } from '../../scripts/bench/suites.js';
import { ruleKeywords } from '../../scripts/bench/tools.js';

const MANIFEST = new URL('../../scripts/bench/manifest.json', import.meta.url);

describe('stats', () => {
  it('median of odd and even lists, order-independent', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it('range and summarize ignore nothing finite and drop NaN', () => {
    expect(range([3, -1, 9, 2])).toEqual([-1, 9]);
    const s = summarize([10, NaN, 30, 20]);
    expect(s).toMatchObject({ median: 20, min: 10, max: 30, n: 3 });
    expect(summarize([NaN])).toBeNull();
  });

  it('throughput and paired differences', () => {
    expect(mbPerSec(50_000_000, 2000)).toBeCloseTo(25);
    expect(mbPerSec(1, 0)).toBeNaN();
    expect(pairedDiffs([5, 7], [1, 2])).toEqual([4, 5]);
    expect(() => pairedDiffs([1], [1, 2])).toThrow(/length/);
  });

  it('formats a summary as median (min–max)', () => {
    expect(fmtSummary(summarize([1.234, 2.5, 9]), 1)).toBe('2.5 (1.2–9.0)');
    expect(fmtSummary(summarize([4, 4]), 0)).toBe('4');
    expect(fmtSummary(null)).toBe('-');
  });

  it('renders aligned text and Markdown tables', () => {
    const t = renderTable(['tool', 'MB/s'], [['a', '1.5'], ['longer', '12.25']]);
    const lines = t.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1); // right-aligned numbers end together
    expect(lines[2]).toBe('a         1.5');
    const md = renderTable(['tool', 'MB/s'], [['a', '1.5']], { markdown: true });
    expect(md.split('\n')).toEqual(['| tool | MB/s |', '|------|-----:|', '| a    |  1.5 |']);
    expect(() => renderTable(['a', 'b'], [['only one']])).toThrow(/cells/);
  });
});

describe('corpus manifest', () => {
  const m = loadManifest(MANIFEST);

  it('pins exact versions, has a quick subset and about 200 MB worth of packages', () => {
    expect(m.packages.length).toBeGreaterThan(10);
    for (const p of m.packages) expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
    const quick = selectPackages(m, true);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.length).toBeLessThan(m.packages.length);
  });

  it('rejects loose versions, duplicates and a missing quick subset, naming each problem', () => {
    const bad = {
      ...m,
      packages: [
        { name: 'lodash', version: '^4.17.21' },
        { name: 'lodash', version: '4.17.21' },
      ],
    };
    expect(() => validateManifest(bad)).toThrow(/version must be exact[\s\S]*listed twice[\s\S]*quick/);
    expect(() => validateManifest({ ...m, maxFileBytes: 0 })).toThrow(/maxFileBytes/);
  });

  it('keeps text files by extension and size, never maps or dot files', () => {
    expect(isCorpusFile('lib/index.js', 100, m)).toBe(true);
    expect(isCorpusFile('types/index.d.ts', 100, m)).toBe(true);
    expect(isCorpusFile('README.MD', 100, m)).toBe(true);
    expect(isCorpusFile('lib/index.js.map', 100, m)).toBe(false);
    expect(isCorpusFile('font.ttf', 100, m)).toBe(false);
    expect(isCorpusFile('LICENSE', 100, m)).toBe(false);
    expect(isCorpusFile('.eslintrc.json', 100, m)).toBe(false);
    expect(isCorpusFile('a/.cache/x.js', 100, m)).toBe(false);
    expect(isCorpusFile('big.js', m.maxFileBytes + 1, m)).toBe(false);
  });

  it('names tarballs like npm pack and keys the cache on what shapes the corpus', () => {
    expect(packFileName('@babel/core', '7.26.0')).toBe('babel-core-7.26.0.tgz');
    expect(packageDirName('lodash', '4.17.21')).toBe('lodash-4.17.21');
    expect(corpusKey(m, true)).not.toBe(corpusKey(m, false));
    expect(corpusKey(m, false)).toBe(corpusKey(structuredClone(m), false));
    const bumped = structuredClone(m);
    bumped.packages[0].version = '0.0.1';
    expect(corpusKey(bumped, false)).not.toBe(corpusKey(m, false));
  });
});

describe('planted secrets', () => {
  const rules = JSON.parse(readFileSync(new URL('../../rules/../dist/builtin-rules.json', import.meta.url), 'utf8')).rules as Array<{
    id: string;
    pattern: string;
    flags: string;
  }>;

  it('the seeded generator is reproducible', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => makeRng(43)())).not.toEqual(xs.slice(0, 1).concat(xs.slice(0, 4)));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('every kind makes a token its rule pattern matches, with checksums that verify', () => {
    const repair = makeRepair(checksums, rules);
    const rng = makeRng(1);
    for (const kind of SECRET_KINDS) {
      const rule = rules.find((r) => r.id === kind.rule);
      expect(rule, kind.rule).toBeDefined();
      const token = kind.make(rng, repair);
      const re = new RegExp(rule!.pattern, rule!.flags.replace('g', ''));
      expect(re.exec(`const benchValue = "${token}";`)?.groups?.['secret'], kind.rule).toBe(token);
    }
  });

  it('a repaired GitHub token fails once one body character changes', () => {
    const repair = makeRepair(checksums, rules);
    const token = SECRET_KINDS.find((k) => k.rule === 'github-pat-classic')!.make(makeRng(3), repair);
    const p = checksums.crc32.parseParams({ over: ['body'], expect: 'check', encoding: 'base62', width: 6 }, ['secret', 'body', 'check']);
    const spans = { body: [4, 34] as const, check: [34, 40] as const };
    expect(checksums.crc32.verify({ secret: token, spans }, p)).toBe(true);
    const changed = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect(checksums.crc32.verify({ secret: changed, spans }, p)).toBe(false);
  });

  it('inserts a line after the middle newline and reports its line number', () => {
    const { buf, line } = insertLine(Buffer.from('a\nb\nc\nd\n'), 'X');
    expect(buf.toString()).toBe('a\nb\nc\nX\nd\n');
    expect(buf.toString().split('\n')[line - 1]).toBe('X');
    const one = insertLine(Buffer.from('minified();'), 'X');
    expect(one.buf.toString()).toBe('minified();\nX\n');
    expect(one.line).toBe(2);
  });

  it('chooses distinct files spread over the list', () => {
    const files = Array.from({ length: 30 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    for (const seed of [1, 2, 3, 4, 5]) {
      const chosen = chooseFiles(files, 20, makeRng(seed));
      expect(new Set(chosen).size).toBe(20);
    }
    expect(() => chooseFiles(files, 31, makeRng(1))).toThrow(/31 needed/);
  });

  it('recall matches rule, file and line', () => {
    const planted = [
      { file: 'a.js', line: 3, rule: 'r1' },
      { file: 'b.js', line: 9, rule: 'r2' },
    ];
    const r = recall(planted, [
      { file: 'a.js', line: 3, rule: 'r1' },
      { file: 'b.js', line: 9, rule: 'other' },
    ]);
    expect(r.found).toBe(1);
    expect(r.missed).toEqual([planted[1]]);
  });
});

describe('tool output parsing', () => {
  it('reads peak RSS from GNU time and /proc status, and the CPU model', () => {
    expect(parseGnuTimeRss('\tMaximum resident set size (kbytes): 123456\n')).toBe(123456);
    expect(parseGnuTimeRss('nothing')).toBeNull();
    expect(parseVmHwm('VmPeak:\t  9000 kB\nVmHWM:\t   4321 kB\n')).toBe(4321);
    expect(parseCpuModel('processor\t: 0\nmodel name\t: AMD EPYC 7B13\n')).toBe('AMD EPYC 7B13');
  });

  it('stops a command at its timeout and says so; reports exit code and peak RSS otherwise', async () => {
    const cut = await runMeasured(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { method: 'proc', timeoutMs: 300 });
    expect(cut.timedOut).toBe(true);
    expect(cut.code).toBeNull();
    const ok = await runMeasured(process.execPath, ['-e', 'process.exitCode = 3'], { method: 'proc' });
    expect(ok.timedOut).toBe(false);
    expect(ok.code).toBe(3);
  });

  it('sums rg -c counts and parses secretlint compact lines', () => {
    expect(parseRgCounts('./a.js:3\n./dir/b:c.js:4\n\n')).toEqual({ files: 2, lines: 7 });
    const sl = parseSecretlintCompact('/c/x/a.js: line 12, col 5, Error - found (rule)\n\n1 problem\n', '/c/x');
    expect(sl).toEqual([{ file: 'a.js', line: 12 }]);
  });

  it('runs thread variants only when the CLI offers --threads', () => {
    expect(scanVariants('  --format NAME', 2).map((v) => v.label)).toEqual(['keyhound']);
    expect(scanVariants('  --threads N  worker threads', 2).map((v) => v.args)).toEqual([
      ['--threads', '1'],
      ['--threads', '2'],
    ]);
  });

  it('dedupes rule keywords case-insensitively', () => {
    expect(ruleKeywords([{ keywords: ['ghp_', 'AKIA'] }, { keywords: ['akia', ''] }, {}])).toEqual(['akia', 'ghp_']);
  });

  it('findings digest ignores order but not content', () => {
    const a = { rule: 'r', file: 'f', line: 1, column: 2, fingerprint: 'x' };
    const b = { ...a, line: 5 };
    expect(findingsDigest([a, b])).toBe(findingsDigest([b, a]));
    expect(findingsDigest([a])).not.toBe(findingsDigest([b]));
  });
});

describe('report', () => {
  const row = (tool: string, mb: number) => ({ tool, runs: 3, mbPerSec: summarize([mb - 1, mb, mb + 1]) });

  it('compares the fastest keyhound row with every other tool', () => {
    const ratios = computeRatios({
      scan: [row('keyhound --threads 1', 20), row('keyhound --threads 2', 40)],
      rg: [row('rg', 200)],
      secretlint: [row('secretlint', 0.5)],
    });
    expect(ratios.map((r) => [r.keyhound, r.other])).toEqual([
      ['keyhound --threads 2', 'rg'],
      ['keyhound --threads 2', 'secretlint'],
    ]);
    expect(ratios[0]!.ratio).toBeCloseTo(0.2);
    expect(ratios[1]!.ratio).toBeCloseTo(80);
    expect(computeRatios({ rg: [row('rg', 1)] })).toEqual([]);
  });

  it('shows a timed-out tool as bounds and the ratio as a lower bound', () => {
    const slow = { ...row('secretlint', 0.5), timedOut: 1, wallMs: summarize([600_000]), filesPerSec: summarize([3]), peakRssMB: null };
    const fast = { ...row('keyhound', 40), timedOut: 0, wallMs: summarize([5000]), filesPerSec: summarize([900]), peakRssMB: summarize([120]) };
    const res = {
      machine: { cpu: 'CPU', cores: 2, memoryGB: 8, node: 'v20', os: 'linux', loadAverageAtStart: [0, 0, 0] },
      results: { scan: [{ ...fast, findings: 0, recall: { planted: 0, found: 0, missed: [] }, filesScanned: 1, findingsDigest: 'x' }], secretlint: [{ ...slow, findings: null }] },
      skipped: [],
    };
    const ratios = computeRatios(res.results);
    expect(ratios).toEqual([{ keyhound: 'keyhound', other: 'secretlint', ratio: 80, lowerBound: true }]);
    const text = renderReport({ ...res, ratios });
    expect(text).toMatch(/secretlint\s+3\s+> 600\.00\s+< 0\.50/);
    expect(text).toContain('at least 80× the MB/s');
    expect(text).toContain('stopped at the timeout');
  });

  it('renders the machine, the start-up verdict and the fallback note', () => {
    const startup = (overhead: number, mode: string) => ({
      runs: 3,
      stagedMode: mode,
      targetOverheadMs: 120,
      commands: [
        { label: 'node -e 0', ms: summarize([100, 110, 120]), overheadMs: null, pairedOverheadMs: null },
        { label: 'v', ms: summarize([130]), overheadMs: 20, pairedOverheadMs: summarize([20]) },
        { label: 's', ms: summarize([110 + overhead]), overheadMs: overhead, pairedOverheadMs: summarize([overhead]) },
      ],
    });
    const base = {
      machine: { cpu: 'CPU X', cores: 2, memoryGB: 8, node: 'v20', os: 'linux', loadAverageAtStart: [0.5, 0.4, 0.3] },
      results: {},
      skipped: [],
      ratios: [],
    };
    const ok = renderReport({ ...base, results: { startup: startup(90, 'staged') } });
    expect(ok).toContain('CPU X, 2 cores');
    expect(ok).toMatch(/\+90 ms .*: met/);
    const slow = renderReport({ ...base, results: { startup: startup(300, 'files') } });
    expect(slow).toMatch(/NOT met .*no --staged option/);
  });
});
