// Bytes -> text for scanning. Never throws: a scanner must read whatever is on disk.

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'utf16le-bare' | 'utf16be-bare';

/** How many leading bytes binary sniffing looks at. */
export const SNIFF_BYTES = 8192;

/** Whether an encoding is UTF-16 (with its BOM or recognised without one). */
export function isUtf16(enc: TextEncoding): boolean {
  return enc !== 'utf8' && enc !== 'utf8-bom';
}

/**
 * Which encoding the leading bytes announce: a BOM, or UTF-16 without one (see bareUtf16);
 * anything else is UTF-8.
 */
export function detectEncoding(buf: Uint8Array): TextEncoding {
  const b0 = buf[0];
  const b1 = buf[1];
  if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf16be';
  return bareUtf16(buf) ?? 'utf8';
}

/** Fewest leading bytes that can show UTF-16 without a BOM: 16 characters. */
const MIN_BARE_UTF16 = 32;

/**
 * UTF-16 written without a BOM (.NET's Encoding.Unicode, some Windows exports): in the sniffed
 * bytes every other byte is NUL, as the high byte of Latin text, and the bytes between are text
 * (printable ASCII, tab, CR, LF or Latin-1 letters), never NUL. A binary file with a NUL in every
 * other byte (16-bit samples) fails the second test; CJK text without a BOM is not recognised.
 */
function bareUtf16(buf: Uint8Array): 'utf16le-bare' | 'utf16be-bare' | undefined {
  const n = Math.min(buf.length, SNIFF_BYTES) & ~1;
  // Text has no NUL: most files leave here after one native search.
  if (n < MIN_BARE_UTF16 || buf.subarray(0, n).indexOf(0) === -1) return undefined;
  const pairs = n / 2;
  let lowNul = 0;
  let highNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) lowNul++;
    if (buf[i + 1] === 0) highNul++;
  }
  // Little-endian puts the character's low byte first; the NULs are then at odd offsets.
  const le = highNul >= pairs * 0.9 && lowNul === 0;
  const be = lowNul >= pairs * 0.9 && highNul === 0;
  if (!le && !be) return undefined;
  let text = 0;
  for (let i = le ? 0 : 1; i < n; i += 2) {
    const c = buf[i]!;
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || c >= 0xa0) text++;
  }
  if (text < pairs * 0.95) return undefined;
  return le ? 'utf16le-bare' : 'utf16be-bare';
}

/**
 * Decode file bytes. A UTF-8 BOM is dropped (editors do not count it as a column);
 * UTF-16 with a BOM or recognised without one is decoded as such; invalid UTF-8 becomes U+FFFD
 * one bad sequence at a time, so every valid character keeps its place relative to its
 * neighbours. CRLF is kept.
 */
export function decodeText(buf: Buffer): string {
  switch (detectEncoding(buf)) {
    case 'utf8-bom':
      return buf.toString('utf8', 3);
    case 'utf16le':
      return decodeUtf16le(buf.subarray(2));
    case 'utf16le-bare':
      return decodeUtf16le(buf);
    case 'utf16be':
      return decodeUtf16be(buf.subarray(2));
    case 'utf16be-bare':
      return decodeUtf16be(buf);
    default:
      return buf.toString('utf8');
  }
}

function decodeUtf16be(body: Buffer): string {
  // Swap into a copy: the caller's buffer stays untouched.
  const swapped = Buffer.from(body.subarray(0, body.length & ~1));
  swapped.swap16();
  return decodeUtf16le(swapped, body.length % 2 === 1);
}

function decodeUtf16le(body: Buffer, forceDangling = false): string {
  const even = body.length & ~1;
  const text = body.toString('utf16le', 0, even);
  // A dangling odd byte is a truncated character: mark it rather than drop it silently.
  return forceDangling || even !== body.length ? text + '\ufffd' : text;
}

/**
 * True when the content looks binary: a NUL byte in the first 8 KB. UTF-16 text (which is full
 * of NULs) is recognised first, by its BOM or its shape, and never counts as binary.
 */
export function looksBinary(buf: Uint8Array): boolean {
  if (isUtf16(detectEncoding(buf))) return false;
  return buf.subarray(0, SNIFF_BYTES).indexOf(0) !== -1;
}
