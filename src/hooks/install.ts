// `keyhound init` / `keyhound uninstall`: add or remove the pre-commit scan, touching only our part.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeyhoundError } from '../errors.js';
import { gitSync } from '../sources/git-run.js';

/** Marks every line or file keyhound manages; uninstall removes only what carries it. */
export const MARK = 'keyhound-managed';
export const CHAINED_SUFFIX = '.keyhound-chained';
export const HUSKY_LINE = `keyhound scan --staged # ${MARK}: remove with \`keyhound uninstall\`; bypass: git commit --no-verify`;

export interface InstallOptions {
  cwd: string;
  /** Install into .husky/pre-commit even if husky is not detected. */
  husky?: boolean;
  /** Install a plain git hook even if husky is present. */
  gitHook?: boolean;
  /** Replace a leftover chained hook from an earlier install. */
  force?: boolean;
}

export type InstallAction = 'installed' | 'updated' | 'unchanged' | 'chained';

export interface InstallResult {
  kind: 'husky' | 'git';
  path: string;
  action: InstallAction;
  notes: string[];
}

export interface UninstallResult {
  /** Files changed or removed, and a chained hook put back. */
  changed: string[];
  restored: string | undefined;
}

function repoTop(cwd: string): string {
  return gitSync(['rev-parse', '--show-toplevel'], cwd).stdout.trim();
}

/** The hooks directory git runs: honours core.hooksPath and worktrees. */
export function hooksDir(cwd: string): string {
  return resolve(cwd, gitSync(['rev-parse', '--git-path', 'hooks'], cwd).stdout.trim());
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function hasHuskyDep(dir: string): boolean {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg) return false;
  return ['devDependencies', 'dependencies'].some((k) => {
    const deps = pkg[k];
    return typeof deps === 'object' && deps !== null && 'husky' in deps;
  });
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The directory holding `.husky/` (or that should), when the project uses husky. */
export function huskyProject(cwd: string, top: string): string | undefined {
  for (const dir of cwd === top ? [cwd] : [cwd, top]) if (isDir(join(dir, '.husky'))) return dir;
  for (const dir of cwd === top ? [cwd] : [cwd, top]) if (hasHuskyDep(dir)) return dir;
  return undefined;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The plain git hook. It runs a chained foreign hook first, then the staged scan. */
export function gitHookScript(fallbackBin: string): string {
  return `#!/bin/sh
# ${MARK} pre-commit hook: written by \`keyhound init\`, removed by \`keyhound uninstall\`.
# Blocks commits that add secrets. Bypass once, knowingly: git commit --no-verify (or KEYHOUND_SKIP=1).
chained="$(dirname "$0")/pre-commit${CHAINED_SUFFIX}"
if [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi
[ "$KEYHOUND_SKIP" = 1 ] && { echo "keyhound: KEYHOUND_SKIP=1: staged scan skipped" >&2; exit 0; }
if [ -x ./node_modules/.bin/keyhound ]; then
  ./node_modules/.bin/keyhound scan --staged
elif command -v keyhound >/dev/null 2>&1; then
  keyhound scan --staged
else
  node ${shellQuote(fallbackBin)} scan --staged
fi
status=$?
if [ "$status" -ge 2 ]; then
  echo "keyhound: the secret scan could not run (exit $status), so the commit is blocked." >&2
  echo "  Fix the error above, or bypass once, knowingly: git commit --no-verify" >&2
fi
exit "$status"
`;
}

/** Absolute path of this package's bin, for hooks where keyhound is neither local nor on PATH. */
export function ownBin(): string {
  return fileURLToPath(new URL('../../bin/keyhound.js', import.meta.url));
}

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

function installHusky(dir: string, cwd: string): InstallResult {
  const huskyDir = join(dir, '.husky');
  mkdirSync(huskyDir, { recursive: true });
  const path = join(huskyDir, 'pre-commit');
  const notes: string[] = [];
  let action: InstallAction;
  if (!existsSync(path)) {
    writeExecutable(path, `${HUSKY_LINE}\n`);
    action = 'installed';
  } else {
    const old = readFileSync(path, 'utf8');
    const lines = old.split('\n');
    const at = lines.findIndex((l) => l.includes(MARK));
    if (at === -1) {
      writeExecutable(path, `${old}${old === '' || old.endsWith('\n') ? '' : '\n'}${HUSKY_LINE}\n`);
      action = 'installed';
    } else if (lines[at] === HUSKY_LINE) {
      action = 'unchanged';
    } else {
      lines[at] = HUSKY_LINE;
      writeExecutable(path, lines.join('\n'));
      action = 'updated';
    }
  }
  const hooksPath = gitSync(['config', '--get', 'core.hooksPath'], cwd, { allowFail: true }).stdout.trim();
  if (!hooksPath.includes('.husky')) {
    notes.push('husky is not active in this clone yet: run `npx husky` (or `npm install`, whose prepare script runs it)');
  }
  notes.push('keyhound must be installed in this project (`npm install --save-dev keyhound`) or on PATH');
  return { kind: 'husky', path, action, notes };
}

function installGitHook(cwd: string, force: boolean): InstallResult {
  const dir = hooksDir(cwd);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'pre-commit');
  const chained = path + CHAINED_SUFFIX;
  const script = gitHookScript(ownBin());
  const notes: string[] = [];
  if (!existsSync(path)) {
    writeExecutable(path, script);
    return { kind: 'git', path, action: 'installed', notes };
  }
  const old = readFileSync(path, 'utf8');
  if (old.includes(MARK)) {
    if (old === script) return { kind: 'git', path, action: 'unchanged', notes };
    writeExecutable(path, script);
    return { kind: 'git', path, action: 'updated', notes };
  }
  // A foreign hook: keep it and run it first, never overwrite it.
  if (existsSync(chained) && !force) {
    throw new KeyhoundError(`${path} is not keyhound's hook and ${chained} already exists, so it cannot be chained`,
      'merge the two hooks by hand, or run `keyhound init --force` to replace the older chained hook');
  }
  renameSync(path, chained);
  writeExecutable(path, script);
  notes.push(`your existing hook was kept as ${chained} and runs before the scan`);
  return { kind: 'git', path, action: 'chained', notes };
}

export function installHook(opts: InstallOptions): InstallResult {
  const cwd = resolve(opts.cwd);
  const top = repoTop(cwd);
  if (!opts.gitHook) {
    const dir = opts.husky ? (huskyProject(cwd, top) ?? top) : huskyProject(cwd, top);
    if (dir) return installHusky(dir, cwd);
  }
  return installGitHook(cwd, opts.force ?? false);
}

/** Remove keyhound's line from .husky/pre-commit and its own git hook (restoring a chained one). */
export function uninstallHook(opts: { cwd: string }): UninstallResult {
  const cwd = resolve(opts.cwd);
  const top = repoTop(cwd);
  const changed: string[] = [];
  let restored: string | undefined;
  for (const dir of new Set([cwd, top])) {
    const path = join(dir, '.husky', 'pre-commit');
    if (!existsSync(path)) continue;
    const old = readFileSync(path, 'utf8');
    if (!old.includes(MARK)) continue;
    const kept = old.split('\n').filter((l) => !l.includes(MARK)).join('\n');
    if (kept.trim() === '') rmSync(path);
    else writeFileSync(path, kept);
    changed.push(path);
  }
  const path = join(hooksDir(cwd), 'pre-commit');
  const chained = path + CHAINED_SUFFIX;
  if (existsSync(path) && readFileSync(path, 'utf8').includes(MARK)) {
    rmSync(path);
    changed.push(path);
    if (existsSync(chained)) {
      renameSync(chained, path);
      restored = path;
    }
  }
  return { changed, restored };
}
