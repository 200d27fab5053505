// Credentials in SQL data: `INSERT INTO users (id, login, password) VALUES (1, 'ana', '…'), …` in
// a dump, a seed file or a migration. The column list names the secret column; the value at the
// same place in each row is judged like a cell of a table column (table-columns.ts). A value
// hashed by the statement itself (`MD5('…')`, `PASSWORD('…')`, `crypt('…', gen_salt('bf'))`)
// is the plaintext password all the same.
import type { DetectorHit } from './registry.js';
import { judgeCell, secretColumn, type Column } from './table-columns.js';

// From `INSERT` to the column list; the table may be schema-qualified and quoted.
const INSERT_HEAD = /INSERT[ \t\r\n]+(?:IGNORE[ \t\r\n]+)?INTO[ \t\r\n]+(?:[`"[]?[\w$]+[`"\]]?\.)?[`"[]?[\w$]+[`"\]]?[ \t\r\n]*\(([^()]{1,4000})\)[ \t\r\n]*VALUES[ \t\r\n]*/iy;
const MAX_ROWS = 100_000;
const MAX_VALUE = 8192;

/** `keywordHits`: where the prefilter found `insert` (null: look for it here). */
export function findSqlInsertSecrets(text: string, keywordHits: readonly number[] | null = null): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const at = keywordHits ?? [...text.matchAll(/insert/gi)].map((m) => m.index);
  let done = 0;
  for (const k of at) {
    if (k < done) continue;
    INSERT_HEAD.lastIndex = k;
    const head = INSERT_HEAD.exec(text);
    if (!head) continue;
    const names = head[1]!.split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
    const columns = names.map((n, i) => secretColumn(n, i)).filter((c): c is Column => c !== undefined);
    // Most INSERTs name no secret column: their rows are not read at all.
    if (columns.length === 0) continue;
    let p = INSERT_HEAD.lastIndex;
    for (let rows = 0; rows < MAX_ROWS && text[p] === '('; rows++) {
      const row = readRow(text, p + 1);
      if (!row.ok) {
        // Not SQL we can read; later INSERTs inside what it ran over are not read either, so a
        // malformed file costs linear time.
        p = row.next;
        break;
      }
      if (row.values.length === names.length) {
        for (const col of columns) {
          const v = row.values[col.index];
          if (v) judgeCell(text, v[0], v[1], col, hits);
        }
      }
      p = skipSpace(text, row.next);
      if (text[p] !== ',') break;
      p = skipSpace(text, p + 1);
    }
    done = p;
  }
  return hits;
}

/** How many blanks end the value that ends at `p`. */
function trailingSpace(text: string, p: number): number {
  let n = 0;
  while (p - n - 1 >= 0 && (text[p - n - 1] === ' ' || text[p - n - 1] === '\t' || text[p - n - 1] === '\n' || text[p - n - 1] === '\r')) n++;
  return n;
}

function skipSpace(text: string, p: number): number {
  while (p < text.length && (text[p] === ' ' || text[p] === '\t' || text[p] === '\n' || text[p] === '\r')) p++;
  return p;
}

/**
 * The end of the quoted string whose opening quote is at `p - 1` (`''` and `\'` escape it), or -1
 * past MAX_VALUE: an unterminated quote must not send every INSERT after it to the end of the text.
 */
function stringEnd(text: string, p: number, q: string): number {
  const stop = Math.min(text.length, p + MAX_VALUE);
  while (p < stop) {
    const c = text[p];
    if (c === '\\') p += 2;
    else if (c === q && text[p + 1] === q) p += 2;
    else if (c === q) return p;
    else p++;
  }
  return -1;
}

/**
 * The values of a row from just past its `(`: a string literal's content, a call's first string
 * argument (`MD5('…')`), or null for anything else (numbers, NULL, expressions).
 */
function readRow(text: string, p: number): { ok: boolean; values: Array<[number, number] | null>; next: number } {
  const values: Array<[number, number] | null> = [];
  for (;;) {
    p = skipSpace(text, p);
    const start = p;
    let literal: [number, number] | null = null;
    let strings = 0;
    let depth = 0;
    // One value: up to a `,` or `)` outside quotes and parentheses.
    while (p < text.length) {
      const c = text[p];
      if (c === "'" || c === '"') {
        const end = stringEnd(text, p + 1, c);
        if (end < 0) return { ok: false, values, next: Math.min(text.length, p + MAX_VALUE) };
        if (c === "'" && strings++ === 0) literal = [p + 1, end];
        p = end + 1;
      } else if (c === '(') {
        depth++;
        p++;
      } else if (c === ')' && depth > 0) {
        depth--;
        p++;
      } else if ((c === ',' && depth === 0) || c === ')') {
        break;
      } else if (c === ';' && depth === 0) {
        return { ok: false, values, next: p };
      } else p++;
      if (p - start > MAX_VALUE) return { ok: false, values, next: p };
    }
    if (p >= text.length) return { ok: false, values, next: p };
    // A literal counts when it is the whole value (`'…'`) or a call's first argument (`MD5('…')`,
    // `crypt('…', gen_salt('bf'))`).
    const whole = strings === 1 && literal !== null && literal[0] === start + 1 && literal[1] === p - 1 - trailingSpace(text, p);
    const hashed = literal !== null && /^[\w.]+[ \t]*\([ \t]*'$/.test(text.slice(start, literal[0]));
    values.push(whole || hashed ? literal : null);
    if (text[p] === ')') return { ok: true, values, next: p + 1 };
    p++;
  }
}
