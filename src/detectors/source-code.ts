// Files of program source, where a value written without quotes after `=` or `:` is an
// expression (`password = prompt()`, `key: jax.Array`, `token=n_tokens`), never a literal: a
// literal secret in code is always quoted. Config formats (.env, YAML, INI, properties, shell,
// Dockerfile) are not here: there a bare value is the value.
const SOURCE_EXTENSIONS = new Set([
  'py', 'pyi', 'pyx', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte',
  'java', 'kt', 'kts', 'scala', 'sc', 'groovy', 'gradle', 'go', 'rs', 'rb', 'php', 'cs', 'fs',
  'vb', 'swift', 'm', 'mm', 'c', 'h', 'cc', 'cpp', 'cxx', 'hh', 'hpp', 'hxx', 'dart', 'lua', 'pl',
  'pm', 'r', 'jl', 'ex', 'exs', 'erl', 'hs', 'clj', 'cljs', 'tf', 'hcl', 'zig', 'nim', 'cr',
]);

/** Whether `path` (a file's path, `/`-separated) is program source by its extension. */
export function isSourceCodePath(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return false;
  return SOURCE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

// A line comment up to the name: `# api_key = …`, `// token: …`, ` * password = …` in a block
// comment, `-- password …` (Lua, SQL in strings). The marker is followed by a blank, so a JS
// private field (`#password = x`) is code.
const LINE_COMMENT = /(?:^|[ \t;])(?:#|\/\/|--)[ \t]|^[ \t]*\*[ \t]/;

/**
 * Whether the name at `at` is text inside code: in a line comment, or inside a string literal
 * opened earlier on its line (`"host=db password=…"`, `"…?api_key=…"`), where a bare value is
 * written as text. Strings that span lines are multilineStrings' part.
 */
export function inTextOfCode(text: string, at: number): boolean {
  let a = at;
  while (a > 0 && at - a < 400 && text[a - 1] !== '\n') a--;
  const line = text.slice(a, at);
  if (LINE_COMMENT.test(line)) return true;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return quote !== '';
}

// A heredoc opener at a line's end (Terraform, Ruby, PHP, shell): `<<EOF`, `<<-EOF`, `<<~'SQL'`.
const HEREDOC = /<<[-~]?(["']?)([A-Za-z_]\w*)\1[ \t]*(?=\r?\n)/g;
const OPENERS = ['`', "'''", '"""'] as const;

/**
 * The [start, end) ranges of strings that span lines in program source: a config file or script
 * written into the code (a triple-quoted string assigned to a name, `user_data = <<-EOF … EOF`, a
 * template literal), whose bare values are values. A triple-quoted string that opens its line is
 * a docstring, prose about the code (`:type key: bytes`), and is left out. Openers are found with
 * indexOf, each kept until passed: one native scan per kind, not a regex tried at every character.
 */
export function multilineStrings(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const next = OPENERS.map((o) => text.indexOf(o));
  const heredoc = new RegExp(HEREDOC.source, 'g');
  let doc = heredoc.exec(text);
  let p = 0;
  for (;;) {
    for (let k = 0; k < OPENERS.length; k++) if (next[k]! >= 0 && next[k]! < p) next[k] = text.indexOf(OPENERS[k]!, p);
    if (doc && doc.index < p) {
      heredoc.lastIndex = p;
      doc = heredoc.exec(text);
    }
    let k = -1;
    for (let i = 0; i < OPENERS.length; i++) if (next[i]! >= 0 && (k < 0 || next[i]! < next[k]!)) k = i;
    const at = k >= 0 ? next[k]! : -1;
    if (doc && (at < 0 || doc.index < at)) {
      // A heredoc ends at a line holding only its word (indented for `<<-` and `<<~`).
      const from = doc.index + doc[0].length;
      const close = new RegExp(`\\n[ \\t]*${doc[2]}[ \\t]*(?:\\r?\\n|$)`, 'g');
      close.lastIndex = from;
      const c = close.exec(text);
      // No closing line: a shift (`x<<y`) read as an opener; go on after it.
      if (!c) {
        p = from;
        continue;
      }
      out.push([from, c.index]);
      p = c.index + c[0].length;
      continue;
    }
    if (at < 0) break;
    const opener = OPENERS[k]!;
    const from = at + opener.length;
    const end = opener === '`' ? closingBacktick(text, from) : text.indexOf(opener, from);
    if (end < 0) break;
    // Both checks look no further than the string and its line: a minified bundle is one long
    // line with thousands of template literals.
    const docstring = opener !== '`' && /^[ \t]*[rRbBuUfF]{0,2}$/.test(text.slice(Math.max(0, at - 40), at).replace(/^[^]*\n/, ''));
    if (!docstring && text.slice(from, end).includes('\n')) out.push([from, end]);
    p = end + opener.length;
  }
  return out;
}

/** The closing backtick after `p`, skipping escaped ones. */
function closingBacktick(text: string, p: number): number {
  for (let i = text.indexOf('`', p); i >= 0; i = text.indexOf('`', i + 1)) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/** Whether `at` lies in one of `ranges` (sorted, not overlapping). */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (at < a) hi = mid - 1;
    else if (at >= b) lo = mid + 1;
    else return true;
  }
  return false;
}
