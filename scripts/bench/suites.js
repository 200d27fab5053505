// The measured suites: keyhound directory scan, ripgrep keyword floor, secretlint. Each returns
// plain result records; stats.js and report.js turn them into numbers and tables.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured } from './measure.js';
import { recall } from './secrets.js';
import { mbPerSec, perSec, summarize } from './stats.js';

function summarizeRuns(runs, corpus) {
  return {
    runs: runs.length,
    // Timed-out runs count at the time they were stopped: wall time is then a lower bound.
    timedOut: runs.filter((r) => r.timedOut).length,
    wallMs: summarize(runs.map((r) => r.ms)),
    mbPerSec: summarize(runs.map((r) => mbPerSec(corpus.bytes, r.ms))),
    filesPerSec: summarize(runs.map((r) => perSec(corpus.files, r.ms))),
    peakRssMB: summarize(runs.map((r) => (r.rssKB === null ? NaN : r.rssKB / 1024))),
  };
}

/** Sorted identity of a keyhound JSON report's findings, to compare thread counts. */
export function findingsDigest(findings) {
  const lines = findings.map((f) => `${f.rule}\t${f.file}\t${f.line}\t${f.column}\t${f.fingerprint}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Thread variants to run: per-thread-count when the CLI has --threads, else the default. */
export function scanVariants(helpText, cores) {
  if (!/--threads\b/.test(helpText)) return [{ label: 'keyhound', args: [] }];
  const counts = [...new Set([1, Math.max(2, cores)])];
  return counts.map((n) => ({ label: `keyhound --threads ${n}`, args: ['--threads', String(n)] }));
}

export async function runKeyhoundScan({ root, corpus, runs, method, variants, log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'kh-bench-scan-'));
  const out = join(tmp, 'report.json');
  const results = [];
  try {
    for (const v of variants) {
      const samples = [];
      let report = null;
      for (let i = 0; i < runs; i++) {
        log(`  ${v.label}: run ${i + 1}/${runs}`);
        rmSync(out, { force: true });
        const args = [join(root, 'bin', 'keyhound.js'), 'scan', corpus.dir, '--no-config', '--no-gitignore', '--format', 'json', '-o', out, ...v.args];
        const r = await runMeasured(process.execPath, args, { cwd: root, method, env: { ...process.env, NO_COLOR: '1' } });
        if (r.code !== 0 && r.code !== 1) {
          throw new Error(`keyhound scan exited ${r.code ?? r.signal}:\n${r.stderr.trim().slice(0, 2000)}`);
        }
        samples.push(r);
        if (i === 0) report = JSON.parse(readFileSync(out, 'utf8'));
      }
      const findings = report.findings ?? [];
      results.push({
        tool: v.label,
        command: `keyhound scan <corpus> --no-config --no-gitignore --format json -o <file> ${v.args.join(' ')}`.trim(),
        ...summarizeRuns(samples, corpus),
        filesScanned: report.stats?.files_scanned ?? null,
        bytesScanned: report.stats?.bytes_scanned ?? null,
        skipped: report.stats?.skipped ?? null,
        findings: findings.length,
        findingsDigest: findingsDigest(findings),
        recall: recall(corpus.planted, findings),
      });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

/**
 * The same corpus as one .tar.gz (made with the system's tar): keyhound reads its entries from
 * memory. Findings are mapped back to corpus paths, so recall and the findings digest compare
 * with the directory scan.
 */
export async function runKeyhoundArchive({ root, corpus, runs, method, log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'kh-bench-archive-'));
  const dir = join(tmp, 'in');
  const out = join(tmp, 'report.json');
  try {
    mkdirSync(dir);
    const tar = spawnSync('tar', ['-czf', join(dir, 'corpus.tar.gz'), '-C', corpus.dir, '.'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
    const archiveBytes = statSync(join(dir, 'corpus.tar.gz')).size;
    // The archive, its entries and its total under one limit: large enough for the whole corpus.
    const limit = `${Math.ceil((2 * corpus.bytes) / 1024 / 1024)}MB`;
    const samples = [];
    let report = null;
    for (let i = 0; i < runs; i++) {
      log(`  keyhound on corpus.tar.gz: run ${i + 1}/${runs}`);
      rmSync(out, { force: true });
      const args = [join(root, 'bin', 'keyhound.js'), 'scan', dir, '--no-config', '--no-gitignore', '--max-file-size', limit, '--format', 'json', '-o', out];
      const r = await runMeasured(process.execPath, args, { cwd: root, method, env: { ...process.env, NO_COLOR: '1' } });
      if (r.code !== 0 && r.code !== 1) throw new Error(`keyhound scan exited ${r.code ?? r.signal}:\n${r.stderr.trim().slice(0, 2000)}`);
      samples.push(r);
      if (i === 0) report = JSON.parse(readFileSync(out, 'utf8'));
    }
    const findings = (report.findings ?? []).map((f) => ({ ...f, file: f.file.replace(/^corpus\.tar\.gz!\/(?:\.\/)?/, '') }));
    return [{
      tool: 'keyhound on corpus.tar.gz',
      command: `keyhound scan <dir with corpus.tar.gz> --no-config --no-gitignore --max-file-size ${limit} --format json -o <file>`,
      archiveMB: archiveBytes / 1024 / 1024,
      ...summarizeRuns(samples, corpus),
      findings: findings.length,
      findingsDigest: findingsDigest(findings),
      recall: recall(corpus.planted, findings),
    }];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Sum of `path:count` lines from `rg -c`: { files, lines }. */
export function parseRgCounts(stdout) {
  let files = 0;
  let lines = 0;
  for (const l of stdout.split('\n')) {
    const m = /:(\d+)$/.exec(l);
    if (!m) continue;
    files++;
    lines += Number(m[1]);
  }
  return { files, lines };
}

export async function runRipgrep({ rg, keywords, corpus, benchDir, runs, method, cores, log }) {
  const kwFile = join(benchDir, 'keywords.txt');
  writeFileSync(kwFile, `${keywords.join('\n')}\n`);
  const results = [];
  const threadCounts = [...new Set([1, Math.max(2, cores)])];
  for (const j of threadCounts) {
    const label = `rg keywords -j${j}`;
    const args = ['-i', '-F', '-c', '-f', kwFile, '--no-ignore', '--hidden', '-g', '!.git', '-j', String(j), '.'];
    const samples = [];
    let counts = null;
    for (let i = 0; i < runs; i++) {
      log(`  ${label}: run ${i + 1}/${runs}`);
      const r = await runMeasured(rg.bin, args, { cwd: corpus.dir, method });
      if (r.code !== 0 && r.code !== 1) throw new Error(`rg exited ${r.code ?? r.signal}: ${r.stderr.trim().slice(0, 2000)}`);
      samples.push(r);
      counts ??= parseRgCounts(r.stdout);
    }
    results.push({
      tool: label,
      command: `rg ${args.join(' ').replace(kwFile, 'keywords.txt')}  (${keywords.length} keywords)`,
      ...summarizeRuns(samples, corpus),
      matchedFiles: counts.files,
      matchedLines: counts.lines,
    });
  }
  return results;
}

/** Findings from secretlint's `compact` output: [{ file (relative to `dir`), line }]. */
export function parseSecretlintCompact(text, dir) {
  const out = [];
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  for (const l of text.split('\n')) {
    const m = /^(.+?): line (\d+), col \d+, /.exec(l);
    if (!m) continue;
    const file = m[1].startsWith(prefix) ? m[1].slice(prefix.length) : m[1];
    out.push({ file, line: Number(m[2]) });
  }
  return out;
}

export async function runSecretlint({ tool, corpus, runs, timeoutMs, method, log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'kh-bench-sl-'));
  const out = join(tmp, 'report.txt');
  const samples = [];
  let found = null;
  try {
    for (let i = 0; i < runs; i++) {
      log(`  secretlint: run ${i + 1}/${runs}`);
      rmSync(out, { force: true });
      // Run from the corpus root with a relative glob: secretlint requires files under its cwd.
      const args = ['--secretlintrc', tool.rc, '--format', 'compact', '--no-color', '--output', out, '**/*'];
      const r = await runMeasured(tool.bin, args, { cwd: corpus.dir, method, timeoutMs });
      samples.push(r);
      if (r.timedOut) {
        // Another run would only hit the same wall: report the bound instead.
        log(`  secretlint: stopped at the ${Math.round(timeoutMs / 1000)} s timeout`);
        break;
      }
      if (r.code !== 0 && r.code !== 1) throw new Error(`secretlint exited ${r.code ?? r.signal}: ${r.stderr.trim().slice(0, 2000)}`);
      if (i === 0) found = parseSecretlintCompact(readFileSync(out, 'utf8'), corpus.dir);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // secretlint names its own rules, so recall here matches planted secrets by file and line only.
  const keys = new Set((found ?? []).map((f) => `${f.file}\u0000${f.line}`));
  const foundPlanted = found ? corpus.planted.filter((p) => keys.has(`${p.file}\u0000${p.line}`)).length : null;
  return [
    {
      tool: `secretlint ${tool.version}`,
      command: 'secretlint --secretlintrc <preset-recommend> --format compact --output <file> "**/*"',
      ...summarizeRuns(samples, corpus),
      findings: found ? found.length : null,
      recall: { planted: corpus.planted.length, found: foundPlanted },
    },
  ];
}
