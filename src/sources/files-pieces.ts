// Large files are read in bounded pieces that overlap, so a 1 GB file needs no 1 GB of memory and a
// secret across a piece boundary is still whole in one piece. Duplicates found twice in an overlap
// are removed by the engine (same path, line, column and rule).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeText, detectEncoding, isUtf16, looksBinary } from './decode.js';
import { readTextFile, type ReadResult } from './files-read.js';

export interface Piece {
  text: string;
  /** 1-based line of the piece's first character in the file. */
  startLine: number;
  /** UTF-16 column offset of the first character in its line, when the piece starts mid-line. */
  startColumn?: number;
}

export type PiecesResult = { bytes: number; pieces: Iterable<Piece> } | Extract<ReadResult, { skip: unknown }>;

/** Files above this size are read in pieces (only UTF-8 ones; UTF-16 files are read whole). */
export const PIECE_BYTES = 4 * 1024 * 1024;
/** Bytes repeated from the end of one piece at the start of the next: longer than any secret. */
export const OVERLAP_BYTES = 64 * 1024;

export function readTextPieces(abs: string, maxFileSize: number, pieceBytes = PIECE_BYTES, overlapBytes = OVERLAP_BYTES): PiecesResult {
  let size = -1;
  let head: Buffer | undefined;
  try {
    const fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const st = fstatSync(fd);
      if (st.isFile()) {
        size = st.size;
        if (size > 2 * pieceBytes && size <= maxFileSize) {
          head = Buffer.alloc(8192);
          head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
        }
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    // readTextFile below reports the reason
  }
  const enc = head ? detectEncoding(head) : undefined;
  if (!head || looksBinary(head) || (enc !== undefined && isUtf16(enc))) {
    const r = readTextFile(abs, maxFileSize);
    return 'skip' in r ? r : { bytes: r.bytes, pieces: [{ text: r.text, startLine: 1 }] };
  }
  return { bytes: size, pieces: pieces(abs, size, pieceBytes, overlapBytes) };
}

function* pieces(abs: string, size: number, pieceBytes: number, overlapBytes: number): Generator<Piece> {
  const fd = openSync(abs, constants.O_RDONLY);
  try {
    let carry: Buffer = Buffer.alloc(0);
    let startLine = 1;
    let startColumn = 0;
    let pos = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(pieceBytes);
      const n = readSync(fd, buf, 0, pieceBytes, pos);
      pos += n;
      const eof = n === 0 || pos >= size;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      // Cut after the last newline so lines (and UTF-8 characters) stay whole; a piece with no
      // newline at all (minified) is cut at a UTF-8 character boundary.
      let cut = data.length;
      if (!eof) {
        const nl = data.lastIndexOf(10);
        cut = nl > data.length - pieceBytes / 2 ? nl + 1 : utf8Boundary(data, data.length);
      }
      const piece = data.subarray(0, cut);
      // Only the first piece can hold a byte-order mark.
      const first = startLine === 1 && pos <= pieceBytes;
      yield { text: first ? decodeText(piece) : piece.toString('utf8'), startLine, ...(startColumn ? { startColumn } : {}) };
      if (eof) return;
      // Next piece starts `overlapBytes` back, at a line start when one is near.
      let from = Math.max(0, cut - overlapBytes);
      const nl = piece.indexOf(10, from);
      if (nl !== -1 && nl + 1 < cut) from = nl + 1;
      else from = utf8Boundary(piece, from);
      startLine += countNewlines(piece, 0, from);
      // Column of `from` in its line, in UTF-16 units as the engine counts (a BOM is not text).
      const lastNl = from > 0 ? piece.lastIndexOf(10, from - 1) : -1;
      const bom = first && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf ? 3 : 0;
      startColumn = lastNl >= 0 ? piece.subarray(lastNl + 1, from).toString('utf8').length : startColumn + piece.subarray(bom, from).toString('utf8').length;
      carry = Buffer.from(data.subarray(from));
    }
  } finally {
    closeSync(fd);
  }
}

/** The largest offset <= i that does not split a UTF-8 sequence. */
function utf8Boundary(b: Buffer, i: number): number {
  let j = Math.min(i, b.length);
  while (j > 0 && j < b.length && (b[j]! & 0xc0) === 0x80) j--;
  return j;
}

function countNewlines(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(10, from); i !== -1 && i < to; i = b.indexOf(10, i + 1)) n++;
  return n;
}
