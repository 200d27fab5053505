// Shape tests for assigned values: identifiers, English, paths, base64-wrapped text.
import { splitWords } from './placeholder.js';
import { ENGLISH_WORDS, segmentsIntoWords } from './words.js';

// Short technical abbreviations common in identifiers.
const ABBREVIATIONS = new Set([
  'id', 'db', 'url', 'uri', 'api', 'jwt', 'xml', 'json', 'yaml', 'http', 'https', 'tcp', 'sql', 'env',
  'cfg', 'conf', 'ctx', 'req', 'res', 'resp', 'msg', 'err', 'src', 'dst', 'tmp', 'idx', 'len', 'num',
  'str', 'obj', 'arr', 'fn', 'cb', 'ui', 'io', 'os', 'fs', 'aws', 'gcp', 'ssh', 'ssl', 'tls', 'rsa',
  'sha', 'md', 'iam', 'kms', 'sso', 'oidc', 'saml', 'ldap', 'smtp', 'imap', 'dns', 'cdn', 'sdk', 'cli',
  'app', 'dev', 'prod', 'mgr', 'svc', 'util', 'org', 'repo', 'ci', 'cd', 'vm', 'k8s', 'gh', 'npm',
  'pwd', 'pw', 'pass', 'auth', 'oauth', 'cred', 'creds', 'otp', 'totp', 'mfa', 'pin', 'sig', 'key', 'js', 'ts', 'py', 'rb', 'go', 'md', 'css', 'html', 'dom', 'xhr', 'rpc', 'grpc', 'jwk', 'jwks', 'pkcs', 'hsm', 'hkdf', 'ecdh', 'ecdsa', 'btn', 'ctrl', 'cmd', 'pkg', 'lib', 'bin', 'std', 'gpu', 'cpu', 'ws', 'wss', 'db2', 'sftp', 'ftp', 'scp', 'vpn', 'ssid', 'wifi', 'pdf', 'png', 'jpg', 'svg', 'csv', 'xls', 'jsx', 'tsx', 'ast', 'dto', 'url', 'nfc', 'rgb',
]);

const VOWEL = /[aeiouy]/;

// Consonant pairs common inside English words. Random letters produce other pairs (`qk`, `zx`,
// `jh`) in almost every run of four or more letters; real identifier words rarely do.
const COMMON_CC = new Set(
  (
    'bl br bs bt ch ck cl cr cs ct dd dg dl dm dn dr ds dw ff fl fr fs ft gg gh gl gm gn gr gs ht kl kn ks ld lf lg ' +
    'lk ll lm ln lp ls lt lv mb mm mn mp ms nc nd nf ng nk nl nm nn ns nt nv nx ph pl pm pp pr ps pt rb rc rd rf ' +
    'rg rh rk rl rm rn rp rr rs rt rv rw sc sh sk sl sm sn sp sq ss st sw sv th tl tm tn tr ts tt tw tz wh wk wl ' +
    'wn wr ws xp xt zz gt kt dt pd cm nj rq sf hn hr hm hl hs mt tc bj dj cq lc lb kb db kg tf tp tb nb nh xc ' +
    'wd rj sb sd fg bd'
  ).split(' '),
);

function rareConsonantPairs(w: string): number {
  let rare = 0;
  for (let i = 1; i < w.length; i++) {
    const a = w[i - 1]!;
    const b = w[i]!;
    if (!'aeiouy'.includes(a) && !'aeiouy'.includes(b) && !COMMON_CC.has(a + b)) rare++;
  }
  return rare;
}

/**
 * Made of word-like pieces: camelCase / snake_case / kebab-case / dotted identifiers and
 * type names (`userPasswordField`, `SECRET_KEY_NAME`, `NodeJS.ArrayBufferView`), URL-encoded
 * prose. Random tokens fail: their case changes and digits cut them into short, vowel-poor
 * pieces, and a single-case run without separators must split into dictionary words.
 */
export function isIdentifierLike(v: string): boolean {
  if (v.length > 200) return false;
  // The articles `a` and `I` between separators (`typed_on_a_terminal`) are words, not random letters.
  const words = splitWords(v).filter((w, i, all) => !(w === 'a' || w === 'i') || !standaloneLetter(v, all, i));
  let letters = 0;
  let vowels = 0;
  let alnum = 0;
  let digitWords = 0;
  let letterWords = 0;
  for (const w of words) {
    alnum += w.length;
    if (/^[0-9]+$/.test(w)) {
      if (++digitWords > 2 || w.length > 4) return false;
      continue;
    }
    letterWords++;
    const abbreviation = ABBREVIATIONS.has(w);
    if (!abbreviation && !ENGLISH_WORDS.has(w)) {
      // A piece that is no word: the whole may still be words around acronyms and single letters.
      if (w.length === 1 || (w.length >= 3 && !VOWEL.test(w))) return coveredByWords(words);
      if (/[^aeiouy]{5}/.test(w)) return false;
      if (rareConsonantPairs(w) > (w.length >= 7 ? 1 : 0)) return coveredByWords(words);
    }
    const v = w.replace(/[^aeiouy]/g, '').length;
    letters += w.length;
    vowels += abbreviation ? Math.max(1, v) : v;
  }
  if (letterWords === 0 || letters < 0.7 * alnum) return false;
  if (letters < 3.5 * letterWords || vowels < 0.2 * letters) return coveredByWords(words);
  // Single-case runs without separators (`nextbraceisclass`, `jepc2jhkvery`) have no word
  // boundaries to judge: only dictionary words count there.
  if (!/[._-]/.test(v) && (!/[A-Z]/.test(v) || !/[a-z]/.test(v))) {
    return words.every((w) => /^[0-9]+$/.test(w) || w.length < 4 || ENGLISH_WORDS.has(w) || ABBREVIATIONS.has(w) || segmentsIntoWords(w));
  }
  return true;
}

/** A dictionary or pronounceable word, or a technical abbreviation (`kms`, `pkcs`, `http`). */
export function isWordOrAbbreviation(w: string): boolean {
  const lower = w.toLowerCase();
  return ABBREVIATIONS.has(lower) || wordLike(lower);
}

/** A pronounceable or dictionary word of four letters or more (`peering`, `cidr`, `stencil`). */
export function wordLike(w: string): boolean {
  if (ENGLISH_WORDS.has(w)) return true;
  if (w.length < 4 || !/^[a-z]+$/.test(w) || /[^aeiouy]{4}/.test(w)) return false;
  const vowels = w.replace(/[^aeiouy]/g, '').length;
  if (vowels < 0.25 * w.length || vowels > 0.6 * w.length || /[aeiouy]{3}/.test(w) || /q(?!u)/.test(w)) return false;
  return rareConsonantPairs(w) === 0 || segmentsIntoWords(w);
}

/**
 * Identifiers with short acronyms and single letters between real words (`KeyArnOrKeyAliasType`,
 * `VpcPeeringConnections`, `stencilZPass`, `x-amz-server-side-encryption-customer-key-MD5`): at
 * least two long word-like pieces (or one dictionary word) hold 70% of the characters and the rest
 * are pieces of at most four characters. Random tokens break into short pieces and rarely hold
 * such words.
 */
function coveredByWords(words: readonly string[]): boolean {
  let total = 0;
  let covered = 0;
  let long = 0;
  let dictionary = 0;
  for (const w of words) {
    total += w.length;
    if (w.length >= 4 && wordLike(w)) {
      covered += w.length;
      long++;
      if (ENGLISH_WORDS.has(w) || segmentsIntoWords(w)) dictionary++;
    } else if (w.length > 4) {
      return false;
    } else if (ENGLISH_WORDS.has(w) || ABBREVIATIONS.has(w)) {
      covered += w.length;
    }
  }
  // One word is enough when it is a dictionary word (`SmbPassword`, `aoPassMap`).
  return (long >= 2 || dictionary >= 1) && covered >= 0.7 * total;
}

/** Whether the i-th split word (one letter) stands between separators or the ends in `v`. */
function standaloneLetter(v: string, words: readonly string[], i: number): boolean {
  if (!/[._-]/.test(v) || words.length < 3) return false;
  const parts = v.toLowerCase().split(/[._-]+/);
  return parts.includes(words[i]!);
}


/** Plain English: words separated by spaces/punctuation, or smushed lower-case words. */
export function isEnglishLike(v: string): boolean {
  const lower = v.toLowerCase();
  if (/^[a-z]+$/.test(lower)) return segmentsIntoWords(lower);
  const parts = lower.split(/[^a-z]+/).filter((p) => p.length > 0);
  return parts.length >= 2 && parts.every((p) => ENGLISH_WORDS.has(p) || segmentsIntoWords(p));
}

// Names of ciphers, modes, hashes and key-derivation schemes, as configuration spells them.
const CRYPTO_WORDS = new Set([
  'aes', 'des', 'ede', 'ede3', '3des', 'tripledes', 'desede', 'camellia', 'aria', 'seed', 'sm4', 'blowfish', 'twofish',
  'rc2', 'rc4', 'chacha', 'chacha20', 'xchacha20', 'salsa20', 'xsalsa20', 'poly1305', 'rsa', 'dsa', 'ecdsa', 'ecdh',
  'ed25519', 'x25519', 'pbe', 'pbes2', 'pbkdf2', 'scrypt', 'bcrypt', 'argon2', 'argon2i', 'argon2id', 'scram', 'hmac',
  'sha', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3', 'md5', 'mgf1', 'oaep', 'pkcs1', 'pkcs5', 'pkcs7',
  'padding', 'nopadding', 'pkcs5padding', 'pkcs7padding', 'with', 'and', 'gcm', 'cbc', 'ctr', 'ecb', 'ofb', 'cfb',
  'cfb8', 'xts', 'ccm', 'siv', 'ocb', 'kw', 'wrap', 'aeswrap', 'hs256', 'hs384', 'hs512', 'rs256', 'es256',
  'a128', 'a192', 'a256', 'a128kw', 'a192kw', 'a256kw', 'a128gcm', 'a192gcm', 'a256gcm', 'a128gcmkw', 'a256gcmkw', 'dir', 'none',
]);

/**
 * The name of a cipher or hash scheme (`AES-256-GCM`, `RSA/ECB/OAEPWithSHA-256AndMGF1Padding`,
 * `PBEWithHmacSHA256AndAES_256`): every piece a crypto word or a number, at least one a cipher or
 * hash word. Configuration puts these under `password_encryption:` and the like.
 */
export function isAlgorithmName(v: string): boolean {
  const pieces = v
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_/+ ]+/)
    .filter((p) => p.length > 0);
  if (pieces.length < 2) return false;
  let named = 0;
  for (const p of pieces) {
    if (/^[0-9]+$/.test(p)) continue;
    if (!CRYPTO_WORDS.has(p)) return false;
    if (p !== 'with' && p !== 'and' && p !== 'padding') named++;
  }
  return named > 0;
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
    if (stem === '' || isIdentifierLike(stem)) return true;
    // Lower-case file names such as `id_rsa`, `ssl`, `prod-2`: only on paths that look like paths.
    return (rooted || hasExt) && /^[a-z0-9_-]{1,24}$/.test(stem) && (stem.length <= 4 || /[aeiou]/.test(stem));
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

/**
 * Whether text (a value with its name's words taken out, say) holds a run of 8 or more letters
 * and digits that is not words (`Xk9vR4qL`): a random part, not a name or a phrase.
 */
export function hasRandomRun(text: string): boolean {
  // A single-case run of letters (`identitytoolkit`) is words run together; random text mixes
  // case or holds digits.
  return text
    .split(/[^A-Za-z0-9]+/)
    .some((run) => run.length >= 8 && /[A-Za-z]/.test(run) && (/[0-9]/.test(run) || /[a-z][A-Z]/.test(run)) && !isEnglishLike(run) && !isIdentifierLike(run));
}
