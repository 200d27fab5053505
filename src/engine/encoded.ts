// Secrets hidden in base64, hex, percent-encoding or string escapes: find encoded runs, decode
// those that turn into text, and let the engine scan the decoded text (depth-limited by the caller).
// One linear pass over a character table: a `[A-Za-z0-9+/]{20,}` regex restarts inside every long
// identifier and ran at about 6 MB/s on minified code.

import { identifyKeyFile } from '../detectors/key-files.js';

export type Encoding = 'base64' | 'hex' | 'percent' | 'string-escapes';

export interface EncodedRun {
  encoding: Encoding;
  /** Offsets of the encoded run in the scanned text. */
  start: number;
  end: number;
  decoded: string;
  /** The run decodes to a binary key file: `decoded` is its bytes in base64 (Chunk.binary). */
  binary?: true;
}

/** A run must hold >= 15 decoded bytes to carry a credential. */
const MIN_BASE64 = 20;
const MIN_HEX = 32;
/** Decoding attempts per chunk: a minified bundle has many long runs; past this, stop looking. */
const MAX_ATTEMPTS = 20_000;

const B64 = 1; // A-Z a-z 0-9 + / - _
const URL = 4; // characters of a percent-encoded run
const ESCAPED = 8; // characters of a run with string escapes (`https:\/\/…`, `\u0073k_…`)
const table = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) table[c]! |= B64;
  if (/[A-Za-z0-9._~+\-:/?=&@!$*,;%]/.test(ch)) table[c]! |= URL;
  if (/[A-Za-z0-9._~+\-:/?=&@!$*,;%\\]/.test(ch)) table[c]! |= ESCAPED;
}

// Per-character class bits, for judging a run while scanning it.
const DIGIT = 1;
const LOWER = 2;
const UPPER = 4;
const LOWER_NONHEX = 8;
const UPPER_NONHEX = 16;
const SYM_STD = 32; // + /
const SYM_URL = 64; // - _
const kind = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9]/.test(ch)) kind[c] = DIGIT;
  else if (/[a-f]/.test(ch)) kind[c] = LOWER;
  else if (/[g-z]/.test(ch)) kind[c] = LOWER | LOWER_NONHEX;
  else if (/[A-F]/.test(ch)) kind[c] = UPPER;
  else if (/[G-Z]/.test(ch)) kind[c] = UPPER | UPPER_NONHEX;
  else if (ch === '+' || ch === '/') kind[c] = SYM_STD;
  else if (ch === '-' || ch === '_') kind[c] = SYM_URL;
}
// The scan loop's one lookup per character: a base64 character's class bits with a bit of its
// own (never 0), 0 for every other code unit, so the loop needs no range check.
const IN_RUN = 128;
const run = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (table[c]! & B64) run[c] = kind[c]! | IN_RUN;

/** Mostly printable text (a decoded key, a config fragment), not random bytes. */
function isText(s: string): boolean {
  if (s.length < 8) return false;
  let printable = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / s.length > 0.95;
}

/** Shortest encoded key file worth a look: an Ed25519 PKCS#8 key is 48 bytes. */
const MIN_KEY_FILE_BYTES = 48;

/** Decoded text, or a binary key file's bytes (a DER key in an environment variable). */
function decoded(bytes: Buffer): { decoded: string; binary?: true } | undefined {
  const s = bytes.toString('latin1');
  if (isText(s)) return { decoded: s };
  if (bytes.length >= MIN_KEY_FILE_BYTES && identifyKeyFile(bytes)?.secret) return { decoded: bytes.toString('base64'), binary: true };
  return undefined;
}

const WRAP_WIDTHS = new Set([60, 64, 72, 76]);
/** Wrapped base64 is joined up to this many characters (a key store or key file, not a video). */
const MAX_WRAPPED = 256 * 1024;

function isB64(c: number): boolean {
  return c < 128 && (table[c]! & B64) !== 0 && c !== 45 && c !== 95; // std alphabet: no - _
}

/**
 * Lines of `width` base64 characters from the run [start, end), each on the next line (same or
 * any indentation), the last one up to `width` with its `=` padding: their joined body and where
 * the last ends. Undefined when the run is alone on its line's width (no second line).
 */
function readWrapped(text: string, start: number, end: number, width: number): { body: string; end: number } | undefined {
  const parts = [text.slice(start, end)];
  let total = width;
  let p = end;
  let last = end;
  for (;;) {
    if (text.charCodeAt(p) === 13) p++;
    if (text.charCodeAt(p) !== 10) break;
    p++;
    while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
    let q = p;
    while (q < text.length && q - p <= width && isB64(text.charCodeAt(q))) q++;
    const n = q - p;
    if (n === 0 || n > width) break;
    let e = q;
    while (e - q < 2 && text.charCodeAt(e) === 61 /* = */) e++;
    parts.push(text.slice(p, q));
    total += n;
    p = last = e;
    if (n < width || e > q || total > MAX_WRAPPED) break;
  }
  return parts.length > 1 ? { body: parts.join(''), end: last } : undefined;
}

export function findEncoded(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let attempts = 0;
  const n = text.length;
  let i = 0;
  while (i < n && attempts < MAX_ATTEMPTS) {
    if (run[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const start = i;
    // Character classes seen, tracked in the loop so most runs are judged without slicing.
    let seen = 0;
    while (i < n) {
      const k = run[text.charCodeAt(i)]!;
      if (k === 0) break;
      seen |= k;
      i++;
    }
    const len = i - start;
    if (len < MIN_BASE64) continue;
    const allHex = (seen & (UPPER_NONHEX | LOWER_NONHEX | SYM_STD | SYM_URL)) === 0;
    if (allHex) {
      if (len < MIN_HEX || !(seen & DIGIT) || len % 2 === 1) continue;
      attempts++;
      const d = decoded(Buffer.from(text.slice(start, i), 'hex'));
      if (d) runs.push({ encoding: 'hex', start, end: i, ...d });
      continue;
    }
    // A long identifier is not base64: require a digit or + /, both letter cases, one alphabet.
    if (!(seen & (DIGIT | SYM_STD)) || !(seen & LOWER) || !(seen & UPPER)) continue;
    if ((seen & SYM_STD) && (seen & SYM_URL)) continue;
    if (len % 4 === 1) continue;
    attempts++;
    // `base64` wraps at 76 columns, PEM and others at 64: a run that fills its line continues on
    // the next ones (a base64'd key file pasted into YAML or an .env).
    if (WRAP_WIDTHS.has(len) && (seen & SYM_URL) === 0) {
      const wrapped = readWrapped(text, start, i, len);
      if (wrapped) {
        const d = decoded(Buffer.from(wrapped.body, 'base64'));
        if (d) {
          runs.push({ encoding: 'base64', start, end: wrapped.end, ...d });
          i = wrapped.end;
          continue;
        }
      }
    }
    let end = i;
    while (end < n && end - i < 2 && text.charCodeAt(end) === 61 /* = */) end++;
    const d = decoded(Buffer.from(text.slice(start, i), (seen & SYM_URL) !== 0 ? 'base64url' : 'base64'));
    if (d) runs.push({ encoding: 'base64', start, end, ...d });
  }
  if (text.includes('%')) findPercent(text, runs);
  if (text.includes('\\')) findEscaped(text, runs);
  return runs;
}

/**
 * JSON and JavaScript string escapes that hide a credential from the rules: PHP's json_encode
 * writes `https:\/\/deploy:pw@host`, and generated code spells characters as `\u0073`. A run counts
 * when it holds an escaped URL (`:\/\/`) or an escaped ASCII character; `\u00e9` in prose does not.
 */
function findEscaped(text: string, runs: EncodedRun[]): void {
  for (const [a, b] of runsAround(text, '\\', ESCAPED, runs)) {
    const run = text.slice(a, b);
    if (run.length < 12 || !(run.includes(':\\/\\/') || /\\u00[2-7][0-9A-Fa-f]/.test(run))) continue;
    const decoded = run.replace(/\\u([0-9A-Fa-f]{4})|\\([/\\])/g, (_m, hex: string | undefined, ch: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : ch!,
    );
    if (decoded !== run && isText(decoded)) runs.push({ encoding: 'string-escapes', start: a, end: b, decoded });
  }
}

/**
 * Where decoding may start in a run holding a URL with credentials (`scheme://user:p%40ss@host`):
 * after them. Rules read an escaped password where it is; decoded, its `@` would split it anew.
 */
function afterUserinfo(text: string, a: number, b: number): number {
  // Within the run only: a search to the end of the text would cost quadratic time on text
  // full of `%` (minified code).
  let scheme = -1;
  for (let i = a; i + 2 < b; i++) {
    if (text.charCodeAt(i) === 58 /* : */ && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) {
      scheme = i;
      break;
    }
  }
  if (scheme === -1) return a;
  let at = -1;
  for (let i = scheme + 3; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    if (c === 64 /* @ */) at = i;
  }
  return at === -1 ? a : at + 1;
}

/**
 * The maximal runs of `cls` characters around each `mark`, left to right, each once; stops when
 * `runs` holds MAX_ATTEMPTS.
 */
function* runsAround(text: string, mark: string, cls: number, runs: readonly EncodedRun[]): Generator<[number, number]> {
  const inRun = (i: number): boolean => text.charCodeAt(i) < 128 && (table[text.charCodeAt(i)]! & cls) !== 0;
  let from = 0;
  for (let p = text.indexOf(mark, from); p !== -1 && runs.length < MAX_ATTEMPTS; p = text.indexOf(mark, from)) {
    let a = p;
    while (a > 0 && inRun(a - 1)) a--;
    let b = p;
    while (b < text.length && inRun(b)) b++;
    from = b + 1;
    yield [a, b];
  }
}

function findPercent(text: string, runs: EncodedRun[]): void {
  for (const [start, b] of runsAround(text, '%', URL, runs)) {
    const a = afterUserinfo(text, start, b);
    const run = text.slice(a, b);
    if (run.length < 12 || !/%[0-9A-Fa-f]{2}/.test(run)) continue;
    try {
      const decoded = decodeURIComponent(run.replace(/\+/g, ' '));
      if (decoded !== run && isText(decoded)) runs.push({ encoding: 'percent', start: a, end: b, decoded });
    } catch {
      // not valid percent-encoding
    }
  }
}
