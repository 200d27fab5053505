// Shape tests for assigned values: identifiers, English, paths, base64-wrapped text.
import { splitWords } from './placeholder.js';
import { ENGLISH_WORDS } from './words.js';

// Short technical abbreviations common in identifiers.
const ABBREVIATIONS = new Set([
  'id', 'db', 'url', 'uri', 'api', 'jwt', 'xml', 'json', 'yaml', 'http', 'https', 'tcp', 'sql', 'env',
  'cfg', 'conf', 'ctx', 'req', 'res', 'resp', 'msg', 'err', 'src', 'dst', 'tmp', 'idx', 'len', 'num',
  'str', 'obj', 'arr', 'fn', 'cb', 'ui', 'io', 'os', 'fs', 'aws', 'gcp', 'ssh', 'ssl', 'tls', 'rsa',
  'sha', 'md', 'iam', 'kms', 'sso', 'oidc', 'saml', 'ldap', 'smtp', 'imap', 'dns', 'cdn', 'sdk', 'cli',
  'app', 'dev', 'prod', 'mgr', 'svc', 'util', 'org', 'repo', 'ci', 'cd', 'vm', 'k8s', 'gh', 'npm',
  'pwd', 'pw', 'pass', 'auth', 'oauth', 'cred', 'creds', 'otp', 'totp', 'mfa', 'pin', 'sig', 'key',
]);

const VOWEL = /[aeiouy]/;

/**
 * camelCase / snake_case / kebab-case / dotted identifiers made of real-looking words
 * (`userPasswordField`, `SECRET_KEY_NAME`, `config.apiKey`), as opposed to random tokens.
 */
export function isIdentifierLike(v: string): boolean {
  if (v.length > 100 || !/^[A-Za-z_$][\w$.-]*$/.test(v)) return false;
  const words = splitWords(v);
  let letters = 0;
  let known = 0;
  let digitWords = 0;
  for (const w of words) {
    if (/^[0-9]+$/.test(w)) {
      if (++digitWords > 2 || w.length > 4) return false;
      continue;
    }
    if (w.length === 1) return false;
    if (w.length >= 4 && !VOWEL.test(w)) return false;
    if (/[^aeiouy]{5}/.test(w)) return false;
    letters += w.length;
    if (ENGLISH_WORDS.has(w) || ABBREVIATIONS.has(w) || segmentsIntoWords(w)) known += w.length;
  }
  // Most letters must belong to known words; short names must be entirely known words.
  const letterWords = words.length - digitWords;
  return letters > 0 && (letterWords <= 2 ? known === letters : known * 3 >= letters * 2);
}

/** Lower-case run of letters that splits fully into common English words (`mysupersecretvalue`). */
export function segmentsIntoWords(w: string): boolean {
  const n = w.length;
  if (n < 2 || n > 64) return false;
  const ok = new Uint8Array(n + 1);
  ok[0] = 1;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 16); j <= i - 2 && !ok[i]; j++) {
      if (ok[j] && ENGLISH_WORDS.has(w.slice(j, i))) ok[i] = 1;
    }
  }
  return ok[n] === 1;
}

/** Plain English: words separated by spaces/punctuation, or smushed lower-case words. */
export function isEnglishLike(v: string): boolean {
  const lower = v.toLowerCase();
  if (/^[a-z]+$/.test(lower)) return segmentsIntoWords(lower);
  const parts = lower.split(/[^a-z]+/).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => ENGLISH_WORDS.has(p) || segmentsIntoWords(p));
}

/** `/etc/app/secret.pem`, `./keys/id_rsa`, `C:\keys\app.pfx`, `secrets/prod.json`. */
export function isPathLike(v: string): boolean {
  if (/^[A-Za-z]:\\|^\\\\/.test(v)) return true;
  if (!/[/\\]/.test(v) || !/^[\w.~/\\-]+$/.test(v)) return false;
  const rooted = /^(?:\/|\.{1,2}[/\\]|~[/\\])/.test(v);
  const segs = v.split(/[/\\]+/).filter((s) => s.length > 0 && s !== '.' && s !== '..' && s !== '~');
  if (segs.length === 0) return true;
  if (!rooted && segs.length < 2) return false;
  const hasExt = /\.[a-z][a-z0-9]{0,4}$/.test(v);
  return segs.every((s) => {
    const stem = s.replace(/\.[A-Za-z0-9]{1,5}$/, '');
    if (isIdentifierLike(stem)) return true;
    // Lower-case file names such as `id_rsa`, `prod-2`: only on paths that look like paths.
    return (rooted || hasExt) && /^[a-z0-9_-]{1,24}$/.test(stem) && /[aeiou]/.test(stem);
  });
}

/** Decodes standard or URL-safe base64 to text when every byte is printable ASCII. */
export function base64Text(v: string): string | undefined {
  if (v.length < 8 || v.length > 200 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return undefined;
  const body = v.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  const buf = Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (buf.length === 0) return undefined;
  for (const b of buf) if (b < 0x20 || b > 0x7e) return undefined;
  return buf.toString('latin1');
}
