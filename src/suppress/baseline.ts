// The baseline: accepted secrets, one per line `fingerprint  rule  path`, sorted, with no line
// numbers, timestamps or secrets, so it diffs and merges cleanly. An entry matches a finding
// with the same fingerprint (rule + secret) in the same file, wherever in the file it moves.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Finding } from '../engine/types.js';
import { KeyhoundError } from '../errors.js';
import { writeFileAtomic } from '../cli/write-file.js';
import { normalizePath } from './glob.js';

export const BASELINE_NAME = '.keyhound-baseline';
export const BASELINE_HEADER =
  '# keyhound baseline: accepted secrets, one per line as "fingerprint  rule  path". Regenerate with `keyhound baseline`.';
/** The .gitattributes line that lets git merge two branches' additions without a conflict. */
export const UNION_ATTRIBUTE = `${BASELINE_NAME} merge=union`;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** Relative to the baseline file's directory, `/`-separated. */
  path: string;
}

const LINE = /^([0-9a-f]{16,64}) {2}(\S+) {2}(.+)$/;

export function entryKey(e: BaselineEntry): string {
  return `${e.fingerprint}  ${e.rule}  ${e.path}`;
}

export function parseBaseline(text: string, display: string): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) {
      const conflict = /^(<{7}|={7}|>{7})/.test(line);
      throw new KeyhoundError(
        conflict ? 'merge conflict marker in the baseline' : 'malformed baseline line',
        conflict
          ? 'keep both sides\' lines, or run `keyhound baseline` to regenerate it (and add `.keyhound-baseline merge=union` to .gitattributes)'
          : 'each line is `fingerprint  rule  path` (two spaces); regenerate with `keyhound baseline`',
        `${display}:${i + 1}`,
      );
    }
    out.push({ fingerprint: m[1]!, rule: m[2]!, path: m[3]! });
  }
  return out;
}

/** Sorted, de-duplicated, one entry per line, with a constant header. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = [...new Set(entries.map(entryKey))].sort();
  return `${BASELINE_HEADER}\n${lines.map((l) => `${l}\n`).join('')}`;
}

export class Baseline {
  private readonly keys: Set<string>;

  constructor(
    /** Absolute path of the file. */
    readonly file: string,
    readonly entries: readonly BaselineEntry[],
    /** The directory finding paths are relative to. */
    private readonly pathBase: string,
  ) {
    this.keys = new Set(entries.map(entryKey));
  }

  get dir(): string {
    return dirname(this.file);
  }

  static read(file: string, cwd: string, pathBase = cwd): Baseline {
    const display = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new KeyhoundError(`cannot read baseline: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        'check the --baseline path, or create one with `keyhound baseline`', display);
    }
    return new Baseline(file, parseBaseline(text, display), pathBase);
  }

  /** The entry a finding (or a candidate with this rule, fingerprint and origin path) would have. */
  entryFor(f: Pick<Finding, 'ruleId' | 'fingerprint'> & { origin: { path: string } }): BaselineEntry {
    const path = normalizePath(relative(this.dir, resolve(this.pathBase, f.origin.path)));
    return { fingerprint: f.fingerprint, rule: f.ruleId, path };
  }

  has(f: Pick<Finding, 'ruleId' | 'fingerprint'> & { origin: { path: string } }): boolean {
    return this.keys.has(entryKey(this.entryFor(f)));
  }
}

/**
 * The baseline a scan uses by default: `.keyhound-baseline` in the scan root, else in the nearest
 * directory above it up to (and including) the repository root or `stopAt`.
 */
export function findBaseline(scanRoot: string, stopAt?: string): string | undefined {
  let dir = scanRoot;
  for (;;) {
    const p = join(dir, BASELINE_NAME);
    if (existsSync(p)) return p;
    if (dir === stopAt || existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  writeFileAtomic(file, formatBaseline(entries));
}

/** The work tree root above `dir`, if it is in a git repository. */
export function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; ) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * Add `.keyhound-baseline merge=union` to the .gitattributes next to the baseline, unless a
 * line already sets attributes for it. Returns true when the file was changed.
 */
export function ensureUnionMerge(baselineFile: string): boolean {
  const dir = dirname(baselineFile);
  const attrs = join(dir, '.gitattributes');
  const name = relative(dir, baselineFile).split('\\').join('/');
  let text = '';
  try {
    text = readFileSync(attrs, 'utf8');
  } catch {
    // no .gitattributes yet
  }
  const already = text.split('\n').some((l) => {
    const pattern = l.trim().split(/\s+/)[0] ?? '';
    return pattern.replace(/^\//, '') === name || pattern === `**/${name}`;
  });
  if (already) return false;
  const line = name === BASELINE_NAME ? UNION_ATTRIBUTE : `/${name} merge=union`;
  writeFileAtomic(attrs, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
  return true;
}
