// Path globs for allowlists. Separators are normalised first, so `docs\a.md` and `docs/a.md`
// give the same answer on every platform (a backslash is never an escape here).

/** `.\docs\a.md` -> `docs/a.md`: forward slashes, no leading `./`, no trailing `/`. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

export interface PathGlob {
  source: string;
  test(path: string): boolean;
}

/**
 * Compile a glob. A pattern without `/` matches a file or directory name at any depth (`*.md`,
 * `fixtures`); one with `/` is anchored at the base directory (`docs/**`, `/build`). A pattern
 * also matches everything below a directory it matches (`docs` covers `docs/a/b.md`).
 * Syntax: `**` any number of directories, `*` and `?` within one name, `[a-z]`, `{a,b}`.
 */
export function compileGlob(pattern: string): PathGlob {
  let p = normalizePath(pattern.trim());
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const body = globToRegex(p);
  const re = new RegExp(anchored ? `^${body}(?:/.*)?$` : `(?:^|/)${body}(?:/.*)?$`);
  return { source: pattern, test: (path) => re.test(normalizePath(path)) };
}

function globToRegex(p: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const atEnd = i + 2 === p.length || p[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches zero or more directories; a final `**` matches anything.
          if (i + 2 < p.length) {
            out += '(?:[^/]*/)*';
            i += 2; // also consume the '/'
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
        i += 1; // `a**b` behaves like `a*b`
      }
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = p.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let cls = p.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls}]`;
        i = close;
      }
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += ch.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  return out + ')'.repeat(braces);
}
