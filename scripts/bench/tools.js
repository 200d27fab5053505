// External tools the bench compares against: ripgrep (system package) and secretlint (installed
// with npm into .bench/tools, never into the project's own dependencies).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** { bin, version } of ripgrep on PATH, or null. */
export function findRipgrep() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return { bin: 'rg', version: (r.stdout.split('\n')[0] ?? '').trim() };
}

/** The union of the rules' keywords, lower-cased, deduplicated and sorted. */
export function ruleKeywords(rules) {
  const set = new Set();
  for (const r of rules) for (const k of r.keywords ?? []) if (k.length > 0) set.add(k.toLowerCase());
  return [...set].sort();
}

function installedVersion(toolsDir, name) {
  try {
    return JSON.parse(readFileSync(join(toolsDir, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * Install the pinned secretlint packages into `benchDir/tools` unless they are already there.
 * Returns { bin, rc, version } or throws with npm's message.
 */
export function ensureSecretlint(benchDir, pins, log = () => {}) {
  const toolsDir = join(benchDir, 'tools');
  mkdirSync(toolsDir, { recursive: true });
  const bin = join(toolsDir, 'node_modules', '.bin', 'secretlint');
  const ok = existsSync(bin) && Object.entries(pins).every(([n, v]) => installedVersion(toolsDir, n) === v);
  if (!ok) {
    log(`installing ${Object.entries(pins).map(([n, v]) => `${n}@${v}`).join(' ')} into ${toolsDir}`);
    writeFileSync(join(toolsDir, 'package.json'), `${JSON.stringify({ private: true, dependencies: pins }, null, 2)}\n`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], {
      cwd: toolsDir,
      encoding: 'utf8',
    });
    if (r.error || r.status !== 0 || !existsSync(bin)) {
      throw new Error(`npm install of secretlint failed: ${r.error?.message ?? (r.stderr || r.stdout).trim()}`);
    }
  }
  const rc = join(toolsDir, 'secretlintrc.json');
  writeFileSync(rc, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
  return { bin, rc, version: installedVersion(toolsDir, 'secretlint') };
}
