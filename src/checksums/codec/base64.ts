// Strict base64 helpers. Buffer.from(x, 'base64') silently skips bad characters and accepts
// both alphabets; checksum and structure checks need to know the text really is base64.

export type Base64Alphabet = 'std' | 'url';

const STD_RE = /^[A-Za-z0-9+/]*$/;
const URL_RE = /^[A-Za-z0-9_-]*$/;

/**
 * Decode base64 text in one alphabet. Padding is optional but, when present, must be right.
 * With `canonical`, unused trailing bits must be zero (so one text maps to one byte string).
 */
export function decodeBase64(
  text: string,
  alphabet: Base64Alphabet,
  canonical = false,
): Uint8Array | undefined {
  const body = text.replace(/={1,2}$/, '');
  const pad = text.length - body.length;
  if (pad > 0 && text.length % 4 !== 0) return undefined;
  if (body.length % 4 === 1) return undefined;
  if (!(alphabet === 'std' ? STD_RE : URL_RE).test(body)) return undefined;
  const bytes = Buffer.from(body, alphabet === 'std' ? 'base64' : 'base64url');
  if (canonical && encodeBase64(bytes, alphabet, false) !== body) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Decode text in either alphabet (but not a mix of both). */
export function decodeBase64Any(text: string, canonical = false): Uint8Array | undefined {
  const hasUrl = /[-_]/.test(text);
  return decodeBase64(text, hasUrl ? 'url' : 'std', canonical);
}

export function encodeBase64(bytes: Uint8Array, alphabet: Base64Alphabet, pad: boolean): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(
    alphabet === 'std' ? 'base64' : 'base64url',
  );
  if (alphabet === 'std') return pad ? s : s.replace(/=+$/, '');
  return pad ? s + '='.repeat((4 - (s.length % 4)) % 4) : s;
}
