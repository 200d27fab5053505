#!/usr/bin/env node
// Detection quality on a held-out set of labelled examples.
//
//   node scripts/heldout-eval.js <examples.jsonl> [--misses] [--json]
//
// Each line of the JSONL file is {project, rule, kind: "positive"|"negative", text, name?}. The
// file carries the data; this script carries none. Every example is written to its own folder in
// a temporary directory, as `name` when given (a format known by its file name: `.npmrc`,
// `id_rsa`, `credentials.json`) or `example.txt`; the built CLI scans that directory once, and an
// example counts as found when its file has any finding.
//
// Positives in a checksummed format whose checksum keyhound rejects (hand-made look-alikes in
// other projects' rule files) are not counted: each missed positive is scanned alone and
// excluded when that scan reports stats.rejected["bad-checksum"] > 0.
//
// Prints recall on positives, the flagged rate on negatives, a per-project breakdown and, with
// --misses, every missed positive and every flagged negative. Exit code 0 (it measures; it
// does not judge).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'keyhound.js');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const showMisses = args.includes('--misses');
const asJson = args.includes('--json');
if (!file) {
  console.error('usage: node scripts/heldout-eval.js <examples.jsonl> [--misses] [--json]');
  process.exit(2);
}

const examples = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l, i) => {
    const e = JSON.parse(l);
    if (e.kind !== 'positive' && e.kind !== 'negative') throw new Error(`line ${i + 1}: bad kind`);
    if (typeof e.text !== 'string') throw new Error(`line ${i + 1}: no text`);
    const name = typeof e.name === 'string' && /^[^/\\]+$/.test(e.name) && e.name !== '..' ? e.name : 'example.txt';
    return { ...e, index: i, dir: `ex-${String(i).padStart(5, '0')}`, name };
  });

function scan(dir) {
  const r = spawnSync(
    process.execPath,
    [cli, 'scan', dir, '--format', 'json', '--no-config', '--no-gitignore'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000 },
  );
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`scan failed (exit ${r.status}): ${r.stderr}`);
  }
  return JSON.parse(r.stdout);
}

const work = mkdtempSync(join(tmpdir(), 'keyhound-heldout-'));
try {
  const all = join(work, 'all');
  mkdirSync(all);
  for (const e of examples) {
    mkdirSync(join(all, e.dir));
    writeFileSync(join(all, e.dir, e.name), e.text + '\n');
  }
  const report = scan(all);
  const rulesByDir = new Map();
  for (const f of report.findings) {
    const dir = f.file.split(/[\\/]/).find((p) => /^ex-\d+$/.test(p));
    if (!rulesByDir.has(dir)) rulesByDir.set(dir, new Set());
    rulesByDir.get(dir).add(f.rule);
  }
  for (const e of examples) {
    e.found = rulesByDir.has(e.dir);
    e.rules = [...(rulesByDir.get(e.dir) ?? [])];
  }

  // Missed positives: a checksum rejection alone excludes the example.
  for (const e of examples) {
    if (e.kind !== 'positive' || e.found) continue;
    const one = join(work, `one-${e.index}`);
    mkdirSync(join(one, e.dir), { recursive: true });
    writeFileSync(join(one, e.dir, e.name), e.text + '\n');
    const r = scan(one);
    e.badChecksum = (r.stats?.rejected?.['bad-checksum'] ?? 0) > 0;
    e.dropped = Object.keys(r.stats?.rejected ?? {}).filter((k) => r.stats.rejected[k] > 0);
  }

  const projects = [...new Set(examples.map((e) => e.project))].sort();
  const tally = (list) => {
    const pos = list.filter((e) => e.kind === 'positive');
    const excluded = pos.filter((e) => e.badChecksum).length;
    const counted = pos.filter((e) => !e.badChecksum);
    const found = counted.filter((e) => e.found).length;
    const neg = list.filter((e) => e.kind === 'negative');
    const flagged = neg.filter((e) => e.found).length;
    return {
      positives: counted.length,
      found,
      recall: counted.length ? found / counted.length : null,
      excluded_bad_checksum: excluded,
      negatives: neg.length,
      flagged,
      flagged_rate: neg.length ? flagged / neg.length : null,
    };
  };
  const total = tally(examples);
  const perProject = Object.fromEntries(projects.map((p) => [p, tally(examples.filter((e) => e.project === p))]));
  const misses = examples.filter((e) => e.kind === 'positive' && !e.found && !e.badChecksum);
  const flaggedNegatives = examples.filter((e) => e.kind === 'negative' && e.found);

  if (asJson) {
    const slim = (e) => ({ project: e.project, rule: e.rule, line: e.index + 1, rules: e.rules, dropped: e.dropped ?? [] });
    console.log(JSON.stringify({ total, perProject, misses: misses.map(slim), flagged: flaggedNegatives.map(slim) }, null, 2));
  } else {
    const pct = (x) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
    const row = (name, t) =>
      `${name.padEnd(14)} recall ${pct(t.recall).padStart(6)} (${t.found}/${t.positives}, ${t.excluded_bad_checksum} excluded: bad checksum)   flagged negatives ${pct(t.flagged_rate).padStart(6)} (${t.flagged}/${t.negatives})`;
    console.log(`examples: ${examples.length} (${file})`);
    for (const p of projects) console.log(row(p, perProject[p]));
    console.log(row('TOTAL', total));
    // Why the missed positives were missed: matched and then dropped as a look-alike, or never matched.
    const reasons = {};
    for (const e of misses) for (const k of e.dropped?.length ? e.dropped : ['no match']) reasons[k] = (reasons[k] ?? 0) + 1;
    console.log(`missed positives by cause: ${Object.entries(reasons).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    // The same recall with positives keyhound recognised and dropped as placeholders left out
    // (`sk_live_AAAA…`, `abcd1234abcd1234…`): how it does on values that look real.
    const ph = misses.filter((e) => e.dropped?.includes('placeholder')).length;
    if (ph > 0) {
      const n = total.positives - ph;
      console.log(`recall without the ${ph} placeholder positives: ${pct(n ? total.found / n : null)} (${total.found}/${n})`);
    }
    if (showMisses) {
      const clip = (s) => JSON.stringify(s.length > 160 ? s.slice(0, 160) + '…' : s);
      console.log(`\nmissed positives (${misses.length}):`);
      for (const e of misses) {
        const why = e.dropped?.length ? ` (dropped as ${e.dropped.join(', ')})` : '';
        console.log(`  [${e.project} ${e.rule}] line ${e.index + 1}${why}: ${clip(e.text)}`);
      }
      console.log(`\nflagged negatives (${flaggedNegatives.length}):`);
      for (const e of flaggedNegatives) {
        console.log(`  [${e.project} ${e.rule}] line ${e.index + 1} by ${e.rules.join(',')}: ${clip(e.text)}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
