// A push parser for `git diff -U0` / `git log -p -U0` output: which new-file lines each file added.
// Fed one line at a time, so a history of any size streams through in bounded memory.

/** A file section with text hunks (binary files and deletions never reach the handler). */
export interface DiffFile {
  /** Path in the new tree, relative to the repository root, `/` separated. */
  path: string;
  /** New blob id from the `index` line (full with --full-index); undefined for pure renames. */
  sha: string | undefined;
  /** The blob it replaces (all zeros for a new file; the first parent's in a merge). */
  oldSha?: string;
  /** New file mode (100644, 100755, 120000 symlink, 160000 submodule), when git printed it. */
  mode: string | undefined;
}

export interface DiffHandler {
  /** A line that starts with the commit marker (history mode). */
  commit?(line: string): void;
  file(f: DiffFile): void;
  /**
   * A hunk of `count` new-file lines from line `start`. In a plain diff all of them are added;
   * in a merge's combined diff some may come from a parent (only `added` tells which are new).
   */
  hunk(start: number, count: number): void;
  /**
   * One added line (without its markers) and its new-file line number. In a combined diff only
   * lines new to every parent count (`++`): a line taken from one parent was added in that parent.
   */
  added?(text: string, line: number): void;
  /** A file git shows only as `Binary files … differ` (no hunks; its blob has the content). */
  binary?(f: DiffFile): void;
}

/** Lines starting with this character are commit headers (see the history source's --format). */
export const COMMIT_MARKER = '\x1e';

const HUNK = /^(@@+) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,(\d+))? @@/;

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undo git's C-style quoting of a path (`"b/\303\274.txt"`): octal escapes are UTF-8 bytes. */
export function unquotePath(raw: string): string {
  let s = raw;
  if (!s.startsWith('"')) return s.endsWith('\t') ? s.slice(0, -1) : s;
  s = s.replace(/\t$/, '');
  const bytes: number[] = [];
  for (let i = 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') break;
    if (c !== '\\') {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
      continue;
    }
    const n = s[++i] ?? '';
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[n] ?? n.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(p: string): string {
  return p.startsWith('b/') ? p.slice(2) : p;
}

/**
 * The new path of `Binary files A and B differ` (A and B as given: `/dev/null`, `a/P`, `"b/…"`).
 * A path may itself hold ` and `, so the split uses what A must be: `/dev/null` for a new file,
 * or the same path as B (`a/P and b/P`); a renamed binary falls back to the last ` and `.
 * Undefined for a deletion.
 */
export function binaryPath(pair: string): string | undefined {
  let b: string | undefined;
  if (pair.startsWith('/dev/null and ')) b = pair.slice(14);
  else {
    const half = (pair.length - 5) / 2;
    const a = pair.slice(0, half);
    const rest = pair.slice(half);
    if (Number.isInteger(half) && rest.startsWith(' and ') && unquotePath(a).slice(2) === unquotePath(rest.slice(5)).slice(2)) b = rest.slice(5);
    else b = pair.slice(pair.lastIndexOf(' and ') + 5);
  }
  if (b === '/dev/null') return undefined;
  return stripPrefix(unquotePath(b));
}

export class DiffParser {
  private inHunks = false;
  private sha: string | undefined;
  private oldSha: string | undefined;
  private mode: string | undefined;
  private active = false;
  private line = 0;
  /** Parents the current hunk compares with: 1 in a plain diff, 2+ in a merge's combined diff. */
  private parents = 1;

  constructor(private readonly handler: DiffHandler) {}

  push(line: string): void {
    const c = line.charCodeAt(0);
    if (this.inHunks) {
      if (this.parents > 1 && (c === 43 || c === 45 || c === 32)) {
        this.combinedLine(line);
        return;
      }
      // Inside hunks every content line starts with + - space or backslash.
      if (c === 43 /* + */) {
        if (this.active) this.handler.added?.(line.slice(1), this.line++);
        return;
      }
      if (c === 45 /* - */ || c === 32 || c === 92 /* \ */) return;
      if (c === 64 /* @ */) {
        this.startHunk(line);
        return;
      }
    }
    if (line.startsWith(COMMIT_MARKER)) {
      this.reset();
      this.handler.commit?.(line);
    } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.reset();
    } else if (line.startsWith('new file mode ') || line.startsWith('new mode ')) {
      this.mode = line.slice(line.lastIndexOf(' ') + 1);
    } else if (line.startsWith('mode ')) {
      // A combined diff's mode change: `mode 100644,100644..120000`.
      this.mode = line.slice(line.lastIndexOf('.') + 1);
    } else if (line.startsWith('index ')) {
      const m = /^index ([0-9a-f]+)[0-9a-f,]*\.\.([0-9a-f]+)(?: (\d+))?/.exec(line);
      if (m) {
        this.oldSha = m[1];
        this.sha = m[2];
        if (m[3]) this.mode = m[3];
      }
    } else if (line.startsWith('+++ ')) {
      const raw = line.slice(4);
      this.active = raw !== '/dev/null';
      if (this.active) this.handler.file({ path: stripPrefix(unquotePath(raw)), sha: this.sha, mode: this.mode });
    } else if (c === 64 /* @ */) {
      this.startHunk(line);
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      const path = binaryPath(line.slice(13, -7));
      if (path !== undefined) this.handler.binary?.({ path, sha: this.sha, mode: this.mode, ...(this.oldSha ? { oldSha: this.oldSha } : {}) });
    }
  }

  /**
   * A combined-diff line: one marker column per parent. A `-` in any column means the line is not
   * in the result; otherwise it is result line `this.line`, new only when every column is `+`.
   */
  private combinedLine(line: string): void {
    const n = this.parents;
    let plus = 0;
    for (let i = 0; i < n; i++) {
      const m = line.charCodeAt(i);
      if (m === 45 /* - */) return;
      if (m === 43 /* + */) plus++;
    }
    const at = this.line++;
    if (plus === n && this.active) this.handler.added?.(line.slice(n), at);
  }

  private startHunk(line: string): void {
    const m = HUNK.exec(line);
    if (!m) return;
    this.inHunks = true;
    this.parents = m[1]!.length - 1;
    this.line = Number(m[2]);
    const count = m[3] === undefined ? 1 : Number(m[3]);
    if (this.active && count > 0) this.handler.hunk(this.line, count);
  }

  private reset(): void {
    this.inHunks = false;
    this.parents = 1;
    this.active = false;
    this.sha = undefined;
    this.oldSha = undefined;
    this.mode = undefined;
  }
}
