// Gitignore-style exclusion for directory walks: nested .gitignore files, .git/info/exclude,
// .keyhoundignore files and config patterns, evaluated with git's precedence.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const GITIGNORE = '.gitignore';
export const KEYHOUNDIGNORE = '.keyhoundignore';

/** Git matches case-insensitively where the file system does (core.ignorecase). */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * One file's (or one directory's) rules. A path is tested as `prefix + rel.slice(strip)`, where
 * `rel` is relative to the scan root: levels inside the root strip their own directory, levels
 * above the root (when scanning a sub-directory of a repository) prepend the way down to it.
 */
interface Level {
  ig: Ignore;
  strip: number;
  prefix: string;
}

function newIgnore(): Ignore {
  return ignore({ ignorecase: IGNORE_CASE });
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // missing or unreadable ignore files are simply absent
  }
}

/** The `.git` directory a `.git` entry points at (a gitfile for worktrees and submodules). */
function gitDirOf(dotGit: string): string | undefined {
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
    return m?.[1] ? join(dirname(dotGit), m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Lines of `info/exclude` for a git dir; a linked worktree shares the common dir's file. */
function readExclude(gitDir: string): string | undefined {
  const own = readIfExists(join(gitDir, 'info', 'exclude'));
  if (own !== undefined) return own;
  const common = readIfExists(join(gitDir, 'commondir'))?.trim();
  return common ? readIfExists(join(gitDir, common, 'info', 'exclude')) : undefined;
}

export interface IgnoreOptions {
  /** Honour .gitignore and .git/info/exclude. */
  gitignore: boolean;
  /** Config patterns, relative to each scan root; they take precedence over ignore files. */
  extraIgnore?: readonly string[] | undefined;
}

/**
 * A stack of rule levels that follows a depth-first walk: `enterDir` pushes the directory's
 * rules, `leaveTo` pops them. Each ignore file is read once, when its directory is entered.
 */
export class IgnoreStack {
  private readonly levels: Level[] = [];
  private readonly extra: Ignore | undefined;

  constructor(private readonly opts: IgnoreOptions) {
    const patterns = opts.extraIgnore?.filter((p) => p.trim() !== '') ?? [];
    this.extra = patterns.length > 0 ? newIgnore().add(patterns) : undefined;
  }

  /** Names of the ignore files this stack reads in each directory. */
  get fileNames(): readonly string[] {
    return this.opts.gitignore ? [GITIGNORE, KEYHOUNDIGNORE] : [KEYHOUNDIGNORE];
  }

  get depth(): number {
    return this.levels.length;
  }

  /**
   * Load rules from the directories above `realRoot` up to the top of its git repository (git
   * applies them to a sub-directory too). If those rules exclude the root itself, they are
   * dropped: the user named the directory explicitly.
   */
  loadAncestors(realRoot: string): void {
    const chain: string[] = [];
    let top: string | undefined;
    for (let dir = realRoot; ; dir = dirname(dir)) {
      chain.push(dir);
      if (gitDirOf(join(dir, '.git')) !== undefined) {
        top = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
    if (top === undefined) return; // not in a repository: only rules inside the root apply
    chain.reverse(); // top first
    const prefixOf = (dir: string): string => {
      const r = relative(dir, realRoot);
      return r === '' ? '' : r.split(sep).join('/') + '/';
    };
    if (this.opts.gitignore) {
      const gitDir = gitDirOf(join(top, '.git'));
      const exclude = gitDir === undefined ? undefined : readExclude(gitDir);
      if (exclude !== undefined) this.push(newIgnore().add(exclude), 0, prefixOf(top));
    }
    // The root's own files are read when the walk enters it.
    for (const dir of chain.slice(0, -1)) this.pushDirFiles(dir, 0, prefixOf(dir));
    if (this.levels.length > 0 && this.ignoredByLevels('', true)) this.levels.length = 0;
  }

  /**
   * Push the rules of directory `absDir` (relative path `relDir` from the root, '' for the root).
   * `names` tells which entries exist, so no file-system call is made for absent ignore files.
   * Returns the depth to hand back to `leaveTo` when the directory is done.
   */
  enterDir(absDir: string, relDir: string, names: ReadonlySet<string>, hasGitDir: boolean): number {
    const before = this.levels.length;
    const strip = relDir === '' ? 0 : relDir.length + 1;
    // info/exclude of a repository nested in the tree ranks below that directory's .gitignore.
    if (this.opts.gitignore && hasGitDir && relDir !== '') {
      const exclude = readExclude(join(absDir, '.git'));
      if (exclude !== undefined) this.push(newIgnore().add(exclude), strip, '');
    }
    if (names.has(GITIGNORE) || names.has(KEYHOUNDIGNORE)) this.pushDirFiles(absDir, strip, '');
    return before;
  }

  leaveTo(depth: number): void {
    this.levels.length = depth;
  }

  /** Is `rel` (relative to the scan root, '/'-separated) excluded? */
  ignores(rel: string, isDir: boolean): boolean {
    if (this.extra !== undefined) {
      const r = this.extra.test(isDir ? rel + '/' : rel);
      if (r.ignored) return true;
      if (r.unignored) return false; // a config negation re-includes what ignore files exclude
    }
    return this.ignoredByLevels(rel, isDir);
  }

  /** Deepest level first; the first level with an opinion decides (git's precedence). */
  private ignoredByLevels(rel: string, isDir: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i]!;
      let p: string;
      if (rel === '') {
        p = level.prefix; // the scan root itself: only levels above it can exclude it
        if (p === '') continue;
      } else {
        p = level.prefix + (level.strip === 0 ? rel : rel.slice(level.strip));
        if (isDir) p += '/';
      }
      const r = level.ig.test(p);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }

  private pushDirFiles(absDir: string, strip: number, prefix: string): void {
    let ig: Ignore | undefined;
    for (const name of this.fileNames) {
      const text = readIfExists(join(absDir, name));
      if (text !== undefined) (ig ??= newIgnore()).add(text);
    }
    if (ig !== undefined) this.push(ig, strip, prefix);
  }

  private push(ig: Ignore, strip: number, prefix: string): void {
    this.levels.push({ ig, strip, prefix });
  }
}

/**
 * For git sources (staged index, history): is a repository-relative path excluded by the
 * work tree's `.keyhoundignore` files? Each directory's file applies below it, deeper files
 * first, as in a directory walk; files are read once. `.gitignore` does not apply here: what
 * is committed is scanned even when it is ignored.
 */
export function keyhoundIgnoreFilter(top: string): (rel: string) => boolean {
  const cache = new Map<string, Ignore | null>();
  const levelOf = (dir: string): Ignore | null => {
    let ig = cache.get(dir);
    if (ig === undefined) {
      const text = readIfExists(join(top, dir, KEYHOUNDIGNORE));
      ig = text === undefined ? null : newIgnore().add(text);
      cache.set(dir, ig);
    }
    return ig;
  };
  return (rel) => {
    const parts = rel.split('/');
    // Deepest directory first; the first file with an opinion decides.
    for (let d = parts.length - 1; d >= 0; d--) {
      const ig = levelOf(parts.slice(0, d).join('/'));
      if (ig === null) continue;
      const sub = parts.slice(d);
      // A pattern may name any directory on the way down (`/rules/`) or the file itself.
      for (let k = 1; k <= sub.length; k++) {
        const p = sub.slice(0, k).join('/') + (k < sub.length ? '/' : '');
        const r = ig.test(p);
        if (r.ignored) return true;
        if (r.unignored && k === sub.length) return false;
      }
    }
    return false;
  };
}
