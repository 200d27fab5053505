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
 * written as text. A string opened on an earlier line is not seen.
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
