import { describe, expect, it } from 'vitest';
import { csv, csvCell } from '../../src/report/csv.js';
import { fixtureContext, SECRETS, WEIRD_PATH } from './fixtures.js';

/** A strict RFC 4180 parser: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

describe('csv reporter', () => {
  it('writes a header and one row per finding that parse back exactly', () => {
    const rows = parseCsv(csv.render(fixtureContext()));
    expect(rows[0]).toEqual(['rule', 'name', 'severity', 'file', 'line', 'column', 'end_line', 'end_column', 'masked', 'fingerprint', 'source', 'commit', 'author', 'email', 'date', 'notes']);
    expect(rows).toHaveLength(7);
    for (const r of rows) expect(r).toHaveLength(16);
    const weird = rows.find((r) => r[4] === '2')!;
    expect(weird[3]).toBe(WEIRD_PATH);
    expect(weird[15]).toBe('note with "quotes", commas, and\nnewline');
    expect(rows[3]!.slice(10, 15)).toEqual(['commit', '3f1c2b9a8e7d6c5b4a3928171615141312111009', 'Ada Lovelace', 'ada@example.org', '2024-03-05T10:20:30+01:00']);
  });

  it('adds a secret column only with --unmask, and status columns only when listing suppressed', () => {
    const unmasked = parseCsv(csv.render(fixtureContext({ unmask: true })));
    expect(unmasked[0]!.at(-1)).toBe('secret');
    expect(unmasked.map((r) => r.at(-1))).toContain(SECRETS.pat);
    const shown = parseCsv(csv.render(fixtureContext({ showSuppressed: true })));
    expect(shown[0]!.slice(-2)).toEqual(['status', 'suppression']);
    expect(shown.at(-1)!.slice(-2)).toEqual(['suppressed', 'allowlisted: test fixture']);
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('plain')).toBe('plain');
    const ctx = fixtureContext();
    const evil = { ...ctx.findings[0]!, origin: { kind: 'file' as const, path: '=cmd|" /C calc"!A0' } };
    const rows = parseCsv(csv.render({ ...ctx, findings: [evil] }));
    expect(rows[1]![3]).toBe(`'=cmd|" /C calc"!A0`);
  });
});
