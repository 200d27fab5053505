// Directory walk: depth-first, one readdir per directory, ignore rules applied per level so
// ignored directories are never entered. Entries come out sorted (by path segment, code-unit
// order), so reports are stable.
import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { IgnoreStack } from './ignore-files.js';

export type SkipReason = 'binary' | 'too-large' | 'unreadable' | 'symlink-outside' | 'special';

export interface FileSourceOptions {
  /** Files or directories to scan, absolute or relative to the working directory. */
  roots: readonly string[];
  /** Bytes; larger files are skipped and counted. */
  maxFileSize: number;
  /** Archive layers opened (binary-files.ts); default DEFAULT_MAX_ARCHIVE_DEPTH. */
  maxArchiveDepth?: number;
  /** Honour .gitignore files (nested) and .git/info/exclude. .keyhoundignore always applies. */
  gitignore: boolean;
  /** Base for relative roots and for shown paths (default: the process working directory). */
  cwd?: string | undefined;
  /** Gitignore-style patterns from config, relative to each root; they beat ignore files. */
  extraIgnore?: readonly string[] | undefined;
  onSkip?: ((path: string, reason: SkipReason, detail?: string) => void) | undefined;
}

export interface WalkEntry {
  /** Path to read (for a symlink, its resolved target). */
  abs: string;
  /** Relative to the root it was found under, '/'-separated. A root file: its base name. */
  rel: string;
  /** The root as an absolute path. */
  root: string;
  /** The path to show: relative to cwd when inside it, else the root as given + `rel`; '/'-separated. */
  path: string;
}

type Walk = Pick<FileSourceOptions, 'gitignore' | 'extraIgnore' | 'onSkip'>;

const toSlash = sep === '/' ? (p: string) => p : (p: string) => p.split(sep).join('/');

/**
 * How paths under a root are shown: relative to cwd when the root is inside it (so `.`,
 * `./src/` and `/abs/cwd/src` all give `src/...`), otherwise the root as given, normalized.
 */
function displayPrefix(cwd: string, abs: string, given: string): string {
  const r = relative(cwd, abs);
  if (r === '') return '';
  if (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r)) return toSlash(r);
  return toSlash(isAbsolute(given) ? abs : normalize(given).replace(/[\\/]+$/, ''));
}

function joinGiven(prefix: string, rel: string): string {
  if (prefix === '') return rel;
  return prefix.endsWith('/') ? prefix + rel : `${prefix}/${rel}`;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? String(e);
}

/**
 * List the files to scan under each root. A root that does not exist is a usage error; a root
 * that is a file is yielded as is (ignore rules do not apply to what the user named).
 */
export function* walkFiles(opts: FileSourceOptions): Generator<WalkEntry> {
  // With overlapping roots (`. src`) a file is listed once, under the first root that reaches it.
  const seen = opts.roots.length > 1 ? new Set<string>() : undefined;
  const cwd = resolve(opts.cwd ?? process.cwd());
  for (const root of opts.roots) {
    const abs = resolve(cwd, root);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new UsageError(`cannot scan ${root}: ${errCode(e)}`, 'pass an existing file or directory');
    }
    const prefix = displayPrefix(cwd, abs, root);
    if (st.isFile()) {
      const real = seen ? realpathSync(abs) : abs;
      if (seen?.has(real)) continue;
      seen?.add(real);
      yield { abs, rel: basename(abs), root: abs, path: prefix };
    } else if (st.isDirectory()) {
      for (const e of walkDir(abs, prefix, opts)) {
        if (seen) {
          const real = e.abs;
          if (seen.has(real)) continue;
          seen.add(real);
        }
        yield e;
      }
    } else {
      opts.onSkip?.(prefix, 'special', 'not a regular file or directory');
    }
  }
}

interface Frame {
  absDir: string;
  relDir: string;
  entries: Dirent[];
  i: number;
  ignoreDepth: number;
}

function* walkDir(rootAbs: string, prefix: string, opts: Walk): Generator<WalkEntry> {
  const realRoot = realpathSync(rootAbs);
  const ignores = new IgnoreStack({ gitignore: opts.gitignore, extraIgnore: opts.extraIgnore });
  ignores.loadAncestors(realRoot);
  const onSkip = opts.onSkip;
  // Regular files get listed under realRoot + rel (no directory link is ever followed), so
  // their rels identify them; symlinks are settled after the walk against this set.
  const listed = new Set<string>();
  const links: { abs: string; rel: string }[] = [];

  const stack: Frame[] = [];
  const open = (absDir: string, relDir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (e) {
      onSkip?.(joinGiven(prefix, relDir) || '.', 'unreadable', errCode(e));
      return;
    }
    entries.sort(byName);
    const names = new Set<string>();
    let hasGit = false;
    for (const d of entries) {
      names.add(d.name);
      if (d.name === '.git') hasGit = true;
    }
    const ignoreDepth = ignores.enterDir(absDir, relDir, names, hasGit);
    stack.push({ absDir, relDir, entries, i: 0, ignoreDepth });
  };

  open(realRoot, '');
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const d = f.entries[f.i++];
    if (d === undefined) {
      stack.pop();
      ignores.leaveTo(f.ignoreDepth);
      continue;
    }
    const name = d.name;
    if (name === '.git') continue; // repository data (a directory, or a gitfile pointer)
    const rel = f.relDir === '' ? name : `${f.relDir}/${name}`;
    const abs = join(f.absDir, name);
    let kind = direntKind(d);
    if (kind === 'unknown') {
      try {
        kind = statKind(lstatSync(abs));
      } catch (e) {
        if (!ignores.ignores(rel, false)) onSkip?.(joinGiven(prefix, rel), 'unreadable', errCode(e));
        continue;
      }
    }
    if (kind === 'dir') {
      if (!ignores.ignores(rel, true)) open(abs, rel);
      continue;
    }
    if (ignores.ignores(rel, false)) continue;
    if (kind === 'file') {
      listed.add(rel);
      yield { abs, rel, root: rootAbs, path: joinGiven(prefix, rel) };
    } else if (kind === 'link') {
      links.push({ abs, rel });
    } else {
      onSkip?.(joinGiven(prefix, rel), 'special', kind);
    }
  }

  // A link to a file inside the root is read once: not at all when the target is listed under
  // its own name, otherwise once under the first link's name. Links to directories are never
  // followed (no loops, no double scans); links leading outside the root are skipped.
  const linkedTargets = new Set<string>();
  for (const { abs, rel } of links) {
    const shown = joinGiven(prefix, rel);
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (e) {
      onSkip?.(shown, 'unreadable', `broken symlink (${errCode(e)})`);
      continue;
    }
    const targetRel = relative(realRoot, target);
    if (targetRel === '') continue; // a link to the root directory itself
    if (targetRel === '..' || targetRel.startsWith(`..${sep}`) || isAbsolute(targetRel)) {
      onSkip?.(shown, 'symlink-outside', `points to ${target}`);
      continue;
    }
    let st;
    try {
      st = statSync(target);
    } catch (e) {
      onSkip?.(shown, 'unreadable', errCode(e));
      continue;
    }
    if (st.isDirectory()) continue;
    if (!st.isFile()) {
      onSkip?.(shown, 'special', statKind(st));
      continue;
    }
    const key = toSlash(targetRel);
    if (listed.has(key) || linkedTargets.has(key)) continue;
    linkedTargets.add(key);
    yield { abs: target, rel, root: rootAbs, path: shown };
  }
}

type Kind = 'file' | 'dir' | 'link' | 'FIFO' | 'socket' | 'device' | 'unknown';

function direntKind(d: Dirent): Kind {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'dir';
  if (d.isSymbolicLink()) return 'link';
  if (d.isFIFO()) return 'FIFO';
  if (d.isSocket()) return 'socket';
  if (d.isCharacterDevice() || d.isBlockDevice()) return 'device';
  return 'unknown';
}

function statKind(st: {
  isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean;
}): Kind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'link';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  return 'device';
}
