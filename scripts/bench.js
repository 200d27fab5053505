#!/usr/bin/env node
// npm run bench [-- --quick] [--runs N] [--only scan|archive|rg|secretlint|startup]
// Reproducible benchmark: keyhound directory scan vs ripgrep (keyword floor) vs secretlint on a
// pinned corpus of npm package sources, plus start-up / pre-commit cost. Writes .bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus } from './bench/corpus.js';
import { machineInfo } from './bench/machine.js';
import { loadManifest } from './bench/manifest.js';
import { killActive, rssMethod } from './bench/measure.js';
import { computeRatios, renderReport } from './bench/report.js';
import { makeRepair } from './bench/secrets.js';
import { runStartup } from './bench/startup.js';
import { runKeyhoundArchive, runKeyhoundScan, runRipgrep, runSecretlint, scanVariants } from './bench/suites.js';
import { ensureSecretlint, findRipgrep, ruleKeywords } from './bench/tools.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = join(ROOT, '.bench');
const SUITES = ['scan', 'archive', 'rg', 'secretlint', 'startup'];
const TARGET_OVERHEAD_MS = 120;

const HELP = `Usage: npm run bench -- [options]

  --runs N            runs per measurement (default 5)
  --secretlint-runs N runs for secretlint, which is slow (default: min(runs, 3))
  --secretlint-timeout S  stop a secretlint run after S seconds and report a bound (default 900)
  --startup-runs N    interleaved rounds for start-up timings (default 15)
  --quick             use the small corpus (packages marked "quick" in scripts/bench/manifest.json)
  --only LIST         run only these suites (comma-separated or repeated): ${SUITES.join(', ')}
  --markdown          also print the tables as Markdown (for the README)
  -h, --help          show this help

Results: a table on stdout and .bench/results.json. Progress goes to stderr.`;

function fail(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}

function posInt(name, v, dflt) {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} needs a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string' },
        'secretlint-runs': { type: 'string' },
        'startup-runs': { type: 'string' },
        'secretlint-timeout': { type: 'string' },
        quick: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        markdown: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail(`${e.message}\n\n${HELP}`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const only = (v.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of only) if (!SUITES.includes(s)) fail(`--only: unknown suite "${s}" (choose from ${SUITES.join(', ')})`);
  const runs = posInt('runs', v.runs, 5);
  return {
    runs,
    secretlintRuns: posInt('secretlint-runs', v['secretlint-runs'], Math.min(runs, 3)),
    startupRuns: posInt('startup-runs', v['startup-runs'], 15),
    secretlintTimeoutS: posInt('secretlint-timeout', v['secretlint-timeout'], 900),
    quick: v.quick,
    suites: only.length > 0 ? SUITES.filter((s) => only.includes(s)) : SUITES,
    markdown: v.markdown,
  };
}

function requireBuild() {
  const needed = ['dist/cli/main.js', 'dist/builtin-rules.json', 'dist/checksums/registry.js', 'bin/keyhound.js'];
  const missing = needed.filter((p) => !existsSync(join(ROOT, p)));
  if (missing.length > 0) fail(`missing ${missing.join(', ')}: run npm run build first`);
}

function keyhoundHelp(args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'keyhound.js'), ...args], { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

const log = (msg) => process.stderr.write(`${msg}\n`);

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  requireBuild();
  mkdirSync(BENCH_DIR, { recursive: true });
  const rules = JSON.parse(readFileSync(join(ROOT, 'dist', 'builtin-rules.json'), 'utf8')).rules;
  const manifest = loadManifest(join(ROOT, 'scripts', 'bench', 'manifest.json'));
  const method = rssMethod();
  if (method !== 'gnu-time') {
    log(method === 'proc'
      ? 'note: /usr/bin/time not found (apt-get install time); peak RSS is sampled from /proc/<pid>/status VmHWM instead'
      : 'note: neither /usr/bin/time nor /proc is available: peak RSS will not be measured (apt-get install time)');
  }
  const machine = machineInfo();
  const res = {
    date: new Date().toISOString(),
    machine,
    options: opts,
    rssMethod: method,
    corpus: null,
    results: {},
    skipped: [],
    ratios: [],
  };

  const needsCorpus = opts.suites.some((s) => s !== 'startup');
  let corpus = null;
  if (needsCorpus) {
    const { checksums } = await import(pathToFileURL(join(ROOT, 'dist', 'checksums', 'registry.js')).href);
    corpus = ensureCorpus({
      benchDir: BENCH_DIR,
      manifest,
      quick: opts.quick,
      makeRepairFn: () => makeRepair(checksums, rules),
      log,
    });
    if (corpus.reused) log(`re-using the ${opts.quick ? 'quick' : 'full'} corpus in ${corpus.dir}`);
    res.corpus = { ...corpus };
  }

  if (opts.suites.includes('scan')) {
    const variants = scanVariants(keyhoundHelp(['scan', '--help']), machine.cores);
    log(`keyhound directory scan (${variants.map((v) => v.label).join(', ')})`);
    res.results.scan = await runKeyhoundScan({ root: ROOT, corpus, runs: opts.runs, method, variants, log });
  }
  if (opts.suites.includes('archive')) {
    log('keyhound on the corpus as one .tar.gz');
    res.results.archive = await runKeyhoundArchive({ root: ROOT, corpus, runs: opts.runs, method, log });
  }
  if (opts.suites.includes('rg')) {
    const rg = findRipgrep();
    if (!rg) {
      res.skipped.push({ suite: 'rg', reason: 'ripgrep (rg) not found on PATH: apt-get install ripgrep' });
    } else {
      log(`ripgrep keyword floor (${rg.version})`);
      res.results.rg = await runRipgrep({ rg, keywords: ruleKeywords(rules), corpus, benchDir: BENCH_DIR, runs: opts.runs, method, cores: machine.cores, log });
    }
  }
  if (opts.suites.includes('secretlint')) {
    let tool = null;
    try {
      tool = ensureSecretlint(BENCH_DIR, manifest.tools, log);
    } catch (e) {
      res.skipped.push({ suite: 'secretlint', reason: e.message });
    }
    if (tool) {
      log(`secretlint ${tool.version} (${opts.secretlintRuns} runs)`);
      res.results.secretlint = await runSecretlint({ tool, corpus, runs: opts.secretlintRuns, timeoutMs: opts.secretlintTimeoutS * 1000, method, log });
    }
  }
  if (opts.suites.includes('startup')) {
    const hasStaged = /--staged\b/.test(keyhoundHelp(['scan', '--help']));
    log(`start-up (${opts.startupRuns} interleaved rounds)`);
    res.results.startup = runStartup({ root: ROOT, runs: opts.startupRuns, hasStaged, targetMs: TARGET_OVERHEAD_MS, log });
  }

  res.ratios = computeRatios(res.results);
  const out = join(BENCH_DIR, 'results.json');
  writeFileSync(out, `${JSON.stringify(res, null, 2)}\n`);
  process.stdout.write(`${renderReport(res)}\n`);
  if (opts.markdown) process.stdout.write(`\n--- Markdown ---\n${renderReport(res, { markdown: true })}\n`);
  process.stdout.write(`\nresults: ${out}\n`);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killActive();
    process.stderr.write(`bench: interrupted (${sig})\n`);
    process.exit(130);
  });
}

main().catch((e) => fail(e?.stack ?? String(e)));
