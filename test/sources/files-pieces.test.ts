import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextPieces, type Piece } from '../../src/sources/files-pieces.js';

function tmpFile(content: string | Buffer): string {
  const p = join(mkdtempSync(join(tmpdir(), 'kh-pieces-')), 'big.txt');
  writeFileSync(p, content);
  return p;
}

function piecesOf(p: string, pieceBytes: number, overlap: number): Piece[] {
  const r = readTextPieces(p, 1 << 30, pieceBytes, overlap);
  if ('skip' in r) throw new Error(r.skip);
  return [...r.pieces];
}

describe('readTextPieces', () => {
  it('reads a small file whole', () => {
    const p = tmpFile('a\nb\n');
    expect(piecesOf(p, 1024, 64)).toEqual([{ text: 'a\nb\n', startLine: 1 }]);
  });

  it('covers every line of a large file, with correct start lines, in bounded pieces', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 50)}`);
    const p = tmpFile(lines.join('\n') + '\n');
    const pieces = piecesOf(p, 8192, 1024);
    expect(pieces.length).toBeGreaterThan(10);
    const seen = new Set<number>();
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(8192 + 1024 + 100);
      piece.text.split('\n').forEach((l, i) => {
        if (l === '') return;
        const n = piece.startLine + i;
        expect(l).toBe(lines[n - 1]); // the line number is right
        seen.add(n);
      });
    }
    expect(seen.size).toBe(lines.length);
  });

  it('keeps a secret that straddles a piece boundary whole in one piece', () => {
    const secret = 'SECRET' + 'Q'.repeat(300) + 'END';
    const filler = 'y'.repeat(8000);
    const p = tmpFile(`${filler}\n${'z'.repeat(150)}${secret}\n${filler}\n${filler}\n`);
    const pieces = piecesOf(p, 8192, 1024);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.some((x) => x.text.includes(secret))).toBe(true);
  });

  it('cuts single-line (minified) files at UTF-8 character boundaries', () => {
    const p = tmpFile('é'.repeat(20000));
    const text = piecesOf(p, 4096, 512).map((x) => x.text);
    for (const t of text) expect(t).not.toContain('\ufffd');
  });
});
