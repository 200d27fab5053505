// Start-up and pre-commit cost: `node -e 0` against keyhound --version and a staged scan of a
// 10-file commit, run interleaved so machine noise lands on every command alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeSync } from './measure.js';
import { makeRng } from './secrets.js';
import { pairedDiffs, summarize } from './stats.js';

export const STAGED_FILES = 10;

function git(cwd, args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Ordinary-looking source text (deterministic), `lines` lines long. */
export function sourceText(rng, lines) {
  const words = ['value', 'index', 'result', 'options', 'items', 'count', 'config', 'handler', 'state', 'buffer'];
  const w = () => words[Math.floor(rng() * words.length)];
  const out = [];
  for (let i = 0; i < lines; i++) {
    out.push(i % 12 === 0 ? `export function ${w()}${i}(${w()}, ${w()}) {` : i % 12 === 11 ? '}' : `  const ${w()}${i} = ${w()}.${w()} + ${Math.floor(rng() * 1000)};`);
  }
  return `${out.join('\n')}\n`;
}

/** A temp git repository with one commit and STAGED_FILES modified, staged files. */
export function makeStagedRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-repo-'));
  const rng = makeRng(7);
  git(dir, ['init', '-q']);
  git(dir, ['config', 'user.email', 'bench@example.invalid']);
  git(dir, ['config', 'user.name', 'bench']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  git(dir, ['config', 'core.hooksPath', '/dev/null']);
  mkdirSync(join(dir, 'src'));
  const files = [];
  for (let i = 0; i < STAGED_FILES; i++) {
    const f = `src/module-${i}.js`;
    files.push(f);
    writeFileSync(join(dir, f), sourceText(rng, 200));
  }
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'initial']);
  for (const f of files) writeFileSync(join(dir, f), sourceText(rng, 230));
  git(dir, ['add', '.']);
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Commands to compare; the staged scan falls back to scanning the files when --staged is absent. */
export function startupCommands(root, hasStaged, files) {
  const bin = join(root, 'bin', 'keyhound.js');
  return [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'keyhound --version', args: [bin, '--version'] },
    hasStaged
      ? { label: `keyhound scan --staged (${files.length} files)`, args: [bin, 'scan', '--staged', '--no-config'] }
      : { label: `keyhound scan <${files.length} files> (no --staged yet)`, args: [bin, 'scan', '--no-config', ...files] },
  ];
}

export function runStartup({ root, runs, hasStaged, targetMs, log }) {
  const repo = makeStagedRepo();
  try {
    const cmds = startupCommands(root, hasStaged, repo.files);
    const env = { ...process.env, NO_COLOR: '1' };
    // Warm the file cache and check every command works before timing anything.
    for (const c of cmds) {
      for (let w = 0; w < 2; w++) {
        const r = timeSync(process.execPath, c.args, { cwd: repo.dir, env });
        if (r.code !== 0) throw new Error(`${c.label} exited ${r.code} in the start-up repo:\n${(r.stderr || r.stdout).trim().slice(0, 2000)}`);
      }
    }
    const times = cmds.map(() => []);
    for (let i = 0; i < runs; i++) {
      if (i % 5 === 0) log(`  start-up: round ${i + 1}/${runs}`);
      cmds.forEach((c, k) => times[k].push(timeSync(process.execPath, c.args, { cwd: repo.dir, env }).ms));
    }
    const base = summarize(times[0]);
    return {
      runs,
      stagedMode: hasStaged ? 'staged' : 'files',
      targetOverheadMs: targetMs,
      commands: cmds.map((c, k) => {
        const s = summarize(times[k]);
        const diffs = k === 0 ? null : summarize(pairedDiffs(times[k], times[0]));
        return { label: c.label, ms: s, overheadMs: k === 0 ? null : s.median - base.median, pairedOverheadMs: diffs };
      }),
    };
  } finally {
    repo.cleanup();
  }
}
