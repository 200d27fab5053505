// Bytes -> text for scanning. Never throws: a scanner must read whatever is on disk.

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

/** Which encoding the leading bytes announce (no BOM means UTF-8). */
export function detectEncoding(buf: Uint8Array): TextEncoding {
  const b0 = buf[0];
  const b1 = buf[1];
  if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) return 'utf8-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf16be';
  return 'utf8';
}

/**
 * Decode file bytes. A UTF-8 BOM is dropped (editors do not count it as a column);
 * UTF-16 with a BOM is decoded as such; invalid UTF-8 becomes U+FFFD one bad sequence at a
 * time, so every valid character keeps its place relative to its neighbours. CRLF is kept.
 */
export function decodeText(buf: Buffer): string {
  switch (detectEncoding(buf)) {
    case 'utf8-bom':
      return buf.toString('utf8', 3);
    case 'utf16le':
      return decodeUtf16le(buf.subarray(2));
    case 'utf16be': {
      // Swap into a copy: the caller's buffer stays untouched.
      const body = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
      body.swap16();
      return decodeUtf16le(body, (buf.length - 2) % 2 === 1);
    }
    default:
      return buf.toString('utf8');
  }
}

function decodeUtf16le(body: Buffer, forceDangling = false): string {
  const even = body.length & ~1;
  const text = body.toString('utf16le', 0, even);
  // A dangling odd byte is a truncated character: mark it rather than drop it silently.
  return forceDangling || even !== body.length ? text + '\ufffd' : text;
}

/** How many leading bytes binary sniffing looks at. */
export const SNIFF_BYTES = 8192;

/**
 * True when the content looks binary: a NUL byte in the first 8 KB. UTF-16 text (which is full
 * of NULs) is recognised by its BOM first and never counts as binary.
 */
export function looksBinary(buf: Uint8Array): boolean {
  const enc = detectEncoding(buf);
  if (enc === 'utf16le' || enc === 'utf16be') return false;
  return buf.subarray(0, SNIFF_BYTES).indexOf(0) !== -1;
}
