// The diff parser on generated `git log -p -U0` text: what was rendered is what is parsed back,
// whatever the paths (quoting) and line contents (lines that look like headers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMIT_MARKER, DiffParser, unquotePath } from '../../src/sources/git-diff-parse.js';

interface Hunk {
  oldStart: number;
  removed: string[];
  start: number;
  added: string[];
}
interface FileModel {
  path: string;
  sha: string;
  mode: '100644' | '100755';
  isNew: boolean;
  hunks: Hunk[];
}
interface CommitModel {
  id: string;
  files: FileModel[];
}

/** git's path quoting (core.quotePath): C escapes, octal bytes for non-ASCII. */
function quote(p: string): string {
  if (!/[^\x20-\x7e]|["\\]/.test(p)) return p;
  let out = '"';
  for (const b of Buffer.from(p, 'utf8')) {
    const c = String.fromCharCode(b);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (b === 9) out += '\\t';
    else if (b === 10) out += '\\n';
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function side(prefix: string, p: string): string {
  const q = quote(prefix + p);
  return q.includes(' ') && !q.startsWith('"') ? `${q}\t` : q;
}

function render(commits: CommitModel[]): string[] {
  const lines: string[] = [];
  for (const c of commits) {
    lines.push(`${COMMIT_MARKER}${c.id}\x1fAuthor\x1fa@example.com\x1f2024-01-01T00:00:00Z`, '');
    for (const f of c.files) {
      lines.push(`diff --git ${quote(`a/${f.path}`)} ${quote(`b/${f.path}`)}`);
      if (f.isNew) lines.push(`new file mode ${f.mode}`, `index 0000000..${f.sha}`);
      else lines.push(`index 1111111..${f.sha} ${f.mode}`);
      lines.push(f.isNew ? '--- /dev/null' : `--- ${side('a/', f.path)}`, `+++ ${side('b/', f.path)}`);
      for (const h of f.hunks) {
        lines.push(`@@ -${h.oldStart},${h.removed.length} +${h.start},${h.added.length} @@ optional context`);
        for (const r of h.removed) lines.push(`-${r}`);
        if (h.removed.length && h.added.length % 2) lines.push('\\ No newline at end of file');
        for (const a of h.added) lines.push(`+${a}`);
      }
    }
  }
  return lines;
}

// Content that looks like structure: the parser must keep it as content.
const content = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.constantFrom('+++ b/evil', '--- a/evil', 'diff --git a/x b/x', '@@ -1 +1 @@', `${COMMIT_MARKER}fake`, 'index 123..456', '', '\\ No newline'),
);
const pathArb = fc
  .array(fc.oneof(fc.stringMatching(/^[a-z0-9._-]{1,8}$/), fc.constantFrom('sp ace', 'ünï', '日本', 'q"uote', 'back\\slash', 'tab\tx', 'new\nline')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'))
  .filter((p) => !p.split('/').some((s) => s === '.' || s === '..'));
const hunkArb = fc.record({
  oldStart: fc.integer({ min: 0, max: 500 }),
  removed: fc.array(content, { maxLength: 3 }),
  start: fc.integer({ min: 1, max: 500 }),
  added: fc.array(content, { maxLength: 4 }),
});
const fileArb = fc.record({
  path: pathArb,
  sha: fc.stringMatching(/^[0-9a-f]{40}$/),
  mode: fc.constantFrom<'100644' | '100755'>('100644', '100755'),
  isNew: fc.boolean(),
  hunks: fc.array(hunkArb, { minLength: 1, maxLength: 3 }),
});
const commitsArb = fc.array(fc.record({ id: fc.stringMatching(/^[0-9a-f]{40}$/), files: fc.array(fileArb, { maxLength: 3 }) }), { minLength: 1, maxLength: 3 });

describe('diff parser round trip', () => {
  it('recovers commits, paths, blob ids, modes, hunks and added lines with their line numbers', () => {
    fc.assert(
      fc.property(commitsArb, (commits) => {
        const got: Array<{ commit: string; files: Array<{ path: string; sha?: string; mode?: string; hunks: Array<[number, number]>; added: Array<[number, string]> }> }> = [];
        const p = new DiffParser({
          commit: (l) => got.push({ commit: l.slice(1).split('\x1f')[0]!, files: [] }),
          file: (f) => got.at(-1)!.files.push({ path: f.path, ...(f.sha ? { sha: f.sha } : {}), ...(f.mode ? { mode: f.mode } : {}), hunks: [], added: [] }),
          hunk: (s, n) => got.at(-1)!.files.at(-1)!.hunks.push([s, n]),
          added: (t, l) => got.at(-1)!.files.at(-1)!.added.push([l, t]),
        });
        for (const l of render(commits)) p.push(l);
        const want = commits.map((c) => ({
          commit: c.id,
          files: c.files.map((f) => ({
            path: f.path,
            sha: f.sha,
            mode: f.mode,
            hunks: f.hunks.filter((h) => h.added.length > 0).map((h): [number, number] => [h.start, h.added.length]),
            added: f.hunks.flatMap((h) => h.added.map((a, i): [number, string] => [h.start + i, a])),
          })),
        }));
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('unquotePath inverts git quoting for any path', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (s) => {
      expect(unquotePath(quote(s))).toBe(s);
    }), { numRuns: 1000 });
  });
});
