// Recognises values that are obviously not real secrets: template syntax, documentation
// examples, masked values, keyboard walks. Shared by the generic detector and by provider
// rules (`placeholder_filter: true`). Every check is tuned so that random base62/hex/base64
// strings of 16+ characters practically never match (see the tests).
import { PLACEHOLDER_WORDS, segmentsIntoWords } from './words.js';

export type PlaceholderReason =
  | 'empty'
  | 'template'
  | 'masked'
  | 'example-marker'
  | 'placeholder-words'
  | 'known-test-value'
  | 'known-example'
  | 'repeated'
  | 'sequential'
  | 'tiny-alphabet';

// Interpolation and template syntaxes of shells, CI systems, template engines and config loaders.
const TEMPLATE_ANYWHERE: readonly RegExp[] = [
  /\$\{[^}\n]{0,200}\}/g, // ${VAR}, ${{ secrets.X }}
  /\{\{[^}\n]{0,200}\}\}/g, // {{ var }}
  /%\([\w.-]{1,64}\)[sdrif]/g, // %(name)s
  /#\{[^}\n]{0,200}\}/g, // #{var} (Ruby, Octopus)
  /<%[^\n]{0,200}%>/g, // <%= erb %>
  /<[A-Za-z_][\w .:-]{1,64}>/g, // <YOUR_KEY>, <api key>
  /\$\([^)\n]{0,200}\)/g, // $(command) / $(VAR)
];

/**
 * A template expression is well formed: its brackets pair up. A password full of symbols
 * (`m{{h}o)p${e]nob(ody[…}`) can contain `${…}` by chance, hardly ever a balanced one.
 */
export function balanced(expr: string): boolean {
  const stack: string[] = [];
  for (const c of expr) {
    const o = '([{'.indexOf(c);
    if (o >= 0) stack.push(')]}'[o]!);
    else if (')]}'.includes(c) && stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

function hasTemplate(v: string): boolean {
  for (const re of TEMPLATE_ANYWHERE) {
    for (const m of v.matchAll(re)) if (balanced(m[0])) return true;
  }
  return false;
}
// A variable name as people write them: `DB_PASSWORD`, `dbPassword`, `db_password2`, `APPDATA`.
// Random text with mixed case and digits inside (`PMHggAza68ah8iG7`) is not one.
// Each further word starts at `_` or a capital, so the pattern has one way to split a name.
const VAR = String.raw`(?:[A-Z_][A-Z0-9_]*|[A-Za-z][a-z]*(?:_?[A-Z][a-z]*|_[a-z]+)*_?[0-9]{0,2})`;
const TEMPLATE_WHOLE: readonly RegExp[] = [
  new RegExp(String.raw`^\$${VAR}$`), // $VAR
  /^\$\{[A-Za-z_][\w]*:?-.*\}?$/, // ${VAR:-default} without the closing brace captured
  new RegExp(String.raw`^%${VAR}%$`), // %VAR% (Windows)
  new RegExp(String.raw`^@${VAR}@$`), // @VAR@ (autoconf)
  new RegExp(String.raw`^__${VAR}__$`), // __VAR__
  // {env:X}, {password}, {DB_PASSWORD}: a name in braces, not base64 in braces (Maven's `{…}` ciphertext).
  new RegExp(String.raw`^\{${VAR}(?:[.:-][\w.:-]*)?\}$`),
  /^\[[A-Za-z_][\w .-]*\]$/, // [YOUR_KEY]
  /^\{\{.*\}\}$/, // {{ … }} around the whole value, whatever is inside
  /^<\|[\w.-]{1,60}\|>$/, // <|endoftext|>, <|unused_12|>: a language model's special token
  /^<[^<>]*[<{][^\n]*>$/, // <…> around the whole value with markup inside
];

// Substrings that mark documentation values. Matched only in lower, UPPER or Capitalized form so
// that mixed-case random text (where `dUmMy` could occur) is never taken for a marker.
const MARKERS = [
  'exampl', 'changeme', 'change_me', 'change-me', 'changeit', 'placeholder', 'redacted', 'replaceme',
  'replace_me', 'replace-me', 'notasecret', 'not_a_secret', 'not-a-secret', 'notreal', 'not_real', 'not_a_real', 'not-a-real', 'notareal',
  'dummy', 'sample', 'your_', 'your-', 'yourkey', 'yoursecret', 'yourtoken', 'yourpassword', 'insert_',
  'insert-', 'fake_', 'fake-', '_fake', '-fake', 'mock_', '_mock', 'todo_', 'fixme', 'xxxxxx',
  'notakey', 'not_a_key', 'not-a-key', 'notatoken', 'not_a_token', 'not-a-token',
  // `redis-password-goes-here`, `<token>_goes_here`.
  'goes-here', 'goes_here', 'goeshere',
  // A token's parts named instead of filled in: `eyJ….payload.signature`.
  '.payload', '.signature',
];
// A marker of five characters that starts with a letter (`dummy`, `fixme`, `your_`) counts only at
// the start of the value or after a non-alphanumeric: random base62 spells one of them somewhere in
// a 40-character token about once in 10^5 (`…IFixmene4…`), at a boundary thirty times less often.
const MARKER_RE = new RegExp(
  MARKERS.flatMap((m) => [m, m.toUpperCase(), m[0]!.toUpperCase() + m.slice(1)])
    .map((m) => {
      const re = m.replace(/[-_.]/g, (c) => `\\${c}`);
      return m.length <= 5 && /^[a-z]/i.test(m) ? `(?<![A-Za-z0-9])${re}` : re;
    })
    .join('|'),
);

// A UUID whose first group spells a test word (`test6b44-4c54-…`): typed by hand, not issued.
const TEST_UUID = /^(?:test|demo|fake)[0-9a-f]{0,4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Well-known test vectors and magic numbers.
const KNOWN_TEST = /deadbeef|cafebabe|feedface|0123456789abcdef|fedcba9876543210|abcdef0123456789/i;
// The AES-128, -192 and -256 keys of NIST SP 800-38A (and FIPS-197's AES-128 example), in the
// test suite of nearly every crypto library and in countless tutorials.
const KNOWN_TEST_VECTORS = /2b7e151628aed2a6abf7158809cf4f3c|8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b|603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4/i;

/**
 * Published example and emulator credentials: documented in public, accepted by nothing real.
 * The one place for such values; every rule with `placeholder_filter` and the generic detector
 * consult it. Values whose rule captures only a body (`sk_test_` + body) match by substring.
 */
export const KNOWN_EXAMPLES: ReadonlySet<string> = new Set([
  // Azurite storage emulator account key (account devstoreaccount1).
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  // Azure Cosmos DB emulator key.
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
  // The base32 TOTP secret of Google Authenticator's key URI documentation and countless tests.
  'JBSWY3DPEHPK3PXP',
  // Stripe API reference test key.
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  // reCAPTCHA v2 test secret key (always passes verification).
  '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
  // Hardhat / Anvil default account #0 private key.
  'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  // Bitcoin wiki "Wallet import format" example key: hex, uncompressed and compressed WIF.
  '0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d',
  '5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ',
  'KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617',
  // Laravel's user factory hash (bcrypt of "password"), copied into countless seeders and tests.
  '$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi',
  // OAuth example values: RFC 6749 (access, refresh, code, client secret), RFC 6750, RFC 5849
  // (consumer keys and secrets, tokens, verifier), and the oauthlib / requests-oauthlib docstrings
  // that every vendored copy of those libraries carries.
  '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'SplxlOBeZQQYbYS6WxSbIA', '7Fjfp0ZBr1KtDRbnfVdmIw',
  'gX1fBat3bV',
  'mF_9.B5f-4.1JqM',
  'dpf43f3p2l4k3l03', 'kd94hf93k423kf44', 'hh5s93j4hdidpola', 'hdhd0244k9j7ao03', 'hfdp7dh39dks9884',
  'nnch734d00sl2jdk', 'pfkkdhi9sl3r4s00', '9djdj82h48djs9d2', 'kkk9d7dh3k39sjv7', '0685bd9184jfhq22',
  'ad180jjd733klru7',
  'sdf0o9823sjdfsdf', '2kjshdfp92i34asdasd', 'lsdkfol23w54jlksdef', 'qwe089234lkjsdf', '45ghiukldjahdnhzdauz',
  // The MongoDB manual's example password, as written in its connection strings and unescaped.
  'D1fficultP%40ssw0rd', 'D1fficultP@ssw0rd',
  // The example UUID of the UUID Wikipedia article and countless docs.
  '550e8400-e29b-41d4-a716-446655440000',
  // PhonePe's sandbox (UAT) salt keys, published for its test merchants PGTESTPAYUAT and
  // PGTESTPAYUAT86 and copied into countless integration samples.
  '099eb0cd-02cf-4e2a-8aca-3e6c6aff0399', '96434309-7796-489d-8924-ab56988a6076',
  // Telegram bot token shown by the Bot API documentation (BotFather section).
  '110201543:AAHdqTcvCH1vGWJxfSe1ofSAs0K5PALDsaw',
  // Google API key format examples in the Firebase SDKs' own tests (isValidApiKeyFormat); they
  // appear in every vendored copy of those SDKs and grant nothing.
  'AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs',
  'AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM',
  'AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU',
  'AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0',
  'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A',
  'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c',
  'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4',
  'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY',
  'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM',
  'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ',
  'AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g',
  'AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU',
  'AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw',
  'AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE',
  'AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY',
]);
const KNOWN_EXAMPLE_LIST = [...KNOWN_EXAMPLES];

/**
 * Openings of documentation examples that docs and tests edit by hand (`…bPxRfiCYEXAMPLEKEY`
 * becomes `…bPxRfiCYESATESTKEY`): the AWS secret access key and access key id examples, and the
 * Docker Swarm join tokens of Docker's documentation (its two example swarms' CA digests, with
 * the worker or manager secret after them), copied into countless tutorials.
 */
const KNOWN_EXAMPLE_STEMS = [
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCY',
  'AKIAIOSFODNN7',
  'ASIAIOSFODNN7',
  'SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-',
  'SWMTKN-1-49nj1cmql0jkz5s954yi3oex3nedyz0fb0xx14ie39trti4wxv-',
];

/**
 * The jwt.io debugger token (any algorithm or signature): payload `sub` 1234567890 with the
 * debugger's `name` John Doe or its `iat` 1516239022 (docs edit the name and keep the rest).
 */
function isJwtIoExample(v: string): boolean {
  const m = /^eyJ[\w-]*\.(eyJ[\w-]{8,400})\./.exec(v);
  if (!m) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null) return false;
    const p = payload as Record<string, unknown>;
    return p['sub'] === '1234567890' && (p['name'] === 'John Doe' || p['iat'] === 1516239022);
  } catch {
    return false;
  }
}

/** A published example or emulator credential (exactly, as the body of one, or the jwt.io token). */
export function isKnownExample(value: string): boolean {
  const v = value.replace(/^0x/i, '');
  if (KNOWN_EXAMPLES.has(v)) return true;
  if (v.length >= 16 && KNOWN_EXAMPLE_LIST.some((k) => k.includes(v))) return true;
  return isJwtIoExample(v);
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POS = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, r) => [...row].forEach((c, i) => KEY_POS.set(c, [r, i])));

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };

/**
 * Returns why `value` is obviously not a real secret, or undefined when it may be one.
 * `context.line` (the line the value sits on) lets template delimiters outside the value count.
 */
export function isPlaceholder(value: string, context?: { line?: string }): PlaceholderReason | undefined {
  // A token wrapped over lines (a JWT broken after its dots) is judged joined; PEM lines have spaces.
  const v = value.includes('\n') && /^\s*\S+(?:\s*\n\s*\S+)+\s*$/.test(value) ? value.replace(/\s+/g, '') : value.trim();
  if (v.length === 0) return 'empty';
  if (TEMPLATE_WHOLE.some((re) => re.test(v)) || hasTemplate(v)) return 'template';
  if (context?.line !== undefined && wrappedInTemplate(v, context.line)) return 'template';
  if (isKnownExample(v)) return 'known-example';
  if (isMasked(v)) return 'masked';
  if (MARKER_RE.test(v)) return 'example-marker';
  if (KNOWN_EXAMPLE_STEMS.some((s) => v.startsWith(s))) return 'known-example';
  if (KNOWN_TEST.test(v) || KNOWN_TEST_VECTORS.test(v) || TEST_UUID.test(v)) return 'known-test-value';
  // Checks on the value and on its body without a short vendor prefix (`sk_live_`, `ghp_`).
  const body = stripPrefix(v);
  for (const s of body === v ? [v] : [v, body]) {
    const r = shapeReason(s);
    if (r) return r;
  }
  if (plantedWords(v)) return 'placeholder-words';
  // Leetspeak and case games on placeholder words: `P@ssw0rd`, `PaSsW0Rd`.
  if (madeOfPlaceholderWords(v) || madeOfPlaceholderWords(deLeet(v.toLowerCase()))) return 'placeholder-words';
  return undefined;
}

function wrappedInTemplate(v: string, line: string): boolean {
  const i = line.indexOf(v);
  if (i < 0) return false;
  const before = line.slice(Math.max(0, i - 3), i);
  const after = line.slice(i + v.length, i + v.length + 3);
  return (
    (/\$\{\s*$|\{\{\s*$|#\{\s*$/.test(before) && /^\s*[}:|]/.test(after)) ||
    (/<$/.test(before) && /^>/.test(after)) ||
    /\$$/.test(before) ||
    /%\($/.test(before)
  );
}

function isMasked(v: string): boolean {
  if (/\*{4,}|•{2,}|·{3,}|…/.test(v)) return true;
  // A JWT cut after its header (`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.`): the claims and signature are gone.
  if (/^eyJ[A-Za-z0-9_-]{10,}\.?$/.test(v) && /^\{\s*"(?:alg|typ|kid)"/.test(Buffer.from(v.replace(/\.$/, ''), 'base64url').toString('latin1'))) return true;
  // Elided: `sk-proj-...`, `...a1b2`, `ghp_abcd...wxyz` (shown in docs and logs, never usable).
  if (/^\.{3}|\.{3}$/.test(v) || /^[^.]{1,16}\.{3,}[^.]{1,16}$/.test(v)) return true;
  let masked = 0;
  let total = 0;
  for (const c of v) {
    if (c === '_' || c === '-' || /\s/.test(c)) continue;
    total++;
    if (c === 'x' || c === 'X' || c === '#') masked++;
  }
  return total >= 4 && masked * 2 > total;
}

function stripPrefix(v: string): string {
  const m = /^(?:[A-Za-z][A-Za-z0-9]{0,7}[_-]){1,3}(?=.{8})/.exec(v);
  return m ? v.slice(m[0].length) : v;
}

/** Repetition, keyboard/alphabet walks and tiny alphabets. */
function shapeReason(s: string): PlaceholderReason | undefined {
  const cps = [...s];
  const n = cps.length;
  const distinct = new Set(cps).size;
  if (n >= 2 && distinct === 1) return 'repeated';
  if (hasFillerRun(s, n)) return 'repeated';
  // Hex with its first digits zeroed out: how IBM Cloud's and other documentation redact a key
  // (`00000ed850cd…`); random hex starts with five zeros about once in 10^6.
  if (n >= 20 && ZEROED_HEX.test(s)) return 'repeated';
  for (let p = 2; p <= 8 && p * 2 <= n; p++) {
    let periodic = true;
    for (let i = p; i < n; i++) {
      if (cps[i] !== cps[i - p]) {
        periodic = false;
        break;
      }
    }
    if (periodic) return 'repeated';
  }
  if (isSequential(s) || interleavedWalks(s) || hasLongWalk(s) || countsBytes(s)) return 'sequential';
  if (handTypedHex(s)) return 'repeated';
  if ((n >= 8 && distinct <= 3) || (n >= 16 && distinct <= 4)) return 'tiny-alphabet';
  if (n >= 16 && n <= 64 && repeatsPiece(s, 5, 3, FILLER_PIECE)) return 'repeated';
  if (n >= 24 && n <= 100 && repeatsPiece(s, 10, 2, PASTED_PIECE)) return 'repeated';
  return undefined;
}

/**
 * A piece of `size` characters at least `times` times without overlap, where `counts` accepts it:
 * filler or a value pasted together. The callers choose sizes that random text of their lengths
 * repeats about once in 10^7 or less.
 */
function repeatsPiece(s: string, size: number, times: number, counts: (piece: string) => boolean): boolean {
  const seen = new Map<string, { count: number; last: number }>();
  for (let i = 0; i + size <= s.length; i++) {
    const g = s.slice(i, i + size);
    if (!counts(g)) continue;
    const e = seen.get(g);
    if (!e) seen.set(g, { count: 1, last: i });
    else if (i - e.last >= size) {
      e.count++;
      e.last = i;
      if (e.count >= times) return true;
    }
  }
  return false;
}

// `12e45678-12e4-12e4-12e4-…`: a 5-character piece three times in a value of up to 64 characters
// (random hex does that about once in 10^7; 4-character pieces caught one random 64-hex value in
// 10^4). A run of one character does not count: base64 of binary keys repeats `AAAAA`.
const FILLER_PIECE = (g: string): boolean => /^[\w-]{5}$/.test(g) && !/^(.)\1{4}$/.test(g);
// A 10-character piece twice in up to 100 characters (`HGM724ngha9785NGKbb…ngha9785NGKbb…`): about
// once in 10^9 for random hex. Ids in structured tokens repeat digits (`xoxp-2413351231-2413351233-…`),
// so the piece needs two letters.
const PASTED_PIECE = (g: string): boolean => !/^(.)\1+$/.test(g) && /[A-Za-z].*[A-Za-z]/.test(g);

/**
 * Letters and digits that are each a walk, interleaved: `aB12cD34eF56gH78`, `a1b2c3d4e5f6`,
 * `Ab3-Cd4_Ef5Gh6Jk7Mn8Pq9`. The letters of random text of this length are never mostly
 * one step apart (see isSequential), so this costs no real key.
 */
function interleavedWalks(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, '');
  const digits = s.replace(/[^0-9]/g, '');
  if (letters.length < 8 || digits.length < 4 || letters.length + digits.length < 16) return false;
  return isSequential(letters) && isSequential(digits);
}

/** `abcdefgh`, `12345678`, `qwertyuiop`, `abc123`: most neighbours one step apart. */
function isSequential(s: string): boolean {
  const t = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  // A walk is spelled in letters and digits: four of them among symbols (`!?+W*xcB`, the tail of
  // a random password after a `WGepccT-` prefix was cut) are chance, not a walk.
  if (t.length < 4 || t.length * 2 <= s.length) return false;
  let steps = 0;
  for (let i = 1; i < t.length; i++) {
    const a = t.charCodeAt(i - 1);
    const b = t.charCodeAt(i);
    const pa = KEY_POS.get(t[i - 1]!);
    const pb = KEY_POS.get(t[i]!);
    if (Math.abs(a - b) === 1 || (pa && pb && pa[0] === pb[0] && Math.abs(pa[1] - pb[1]) === 1)) steps++;
  }
  // Long values made of runs (`abcdef456ghijkl789…`, `LTAI1234567890ABCDEFG123asd`) count too:
  // a neighbour pair is a step about one time in ten, so random text of 32+ characters stays far
  // below 60% steps (at most ~45% in a million samples) and 70% of 15+ pairs is about 1 in 10^8.
  const share = t.length >= 32 ? 0.6 : t.length >= 16 ? 0.7 : 0.8;
  return steps >= share * (t.length - 1);
}

const ZEROED_HEX = /^0{5,}[0-9a-f]+$/i;

/**
 * Hex whose bytes count up or down (`000102030405060708090a0b0c0d0e0f`, `f0f1f2…`): the key, IV
 * and nonce of test vectors. Eight or more bytes; random hex does it about once in 10^17.
 */
function countsBytes(s: string): boolean {
  if (s.length < 16 || s.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(s)) return false;
  const step = (parseInt(s.slice(2, 4), 16) - parseInt(s.slice(0, 2), 16) + 256) % 256;
  if (step !== 1 && step !== 255) return false;
  for (let i = 4; i < s.length; i += 2) {
    if ((parseInt(s.slice(i, i + 2), 16) - parseInt(s.slice(i - 2, i), 16) + 256) % 256 !== step) return false;
  }
  return true;
}

/**
 * Ten of one character in a row. Long base64 of binary data repeats `A`, `/` and `+` (AWS session
 * tokens hold `//////////`), so those runs count only in short values.
 */
function hasFillerRun(s: string, n: number): boolean {
  for (const m of s.matchAll(/(.)\1{9,}/gu)) {
    if (n < 64 || !'A/+'.includes(m[1]!)) return true;
  }
  return false;
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** An ascending run of 8 (`1234567890`, `abcdefgh`) inside a value: 64 random hex digits hold one about once in 10^7. */
function hasLongWalk(s: string): boolean {
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    const a = s.charCodeAt(i - 1);
    const b = s.charCodeAt(i);
    const step = b === a + 1 || (a === 57 && b === 48); // …8 9 0
    run = step && isAlnumCode(b) ? run + 1 : 1;
    if (run >= 8) return true;
  }
  return false;
}

/**
 * Hex typed by hand: eight of one digit in a row (`aaaaaaaa-1111-…`) or six leading zeros
 * (`000000b952…`). 64 random hex digits do either about once in 10^7. A short vendor prefix
 * (`dapi`, `amzn.mws.`) is not part of the hex. (One digit filling a third of the value looked
 * hand-made too, but 24 random digits do that about once in 10^5.)
 */
function handTypedHex(value: string): boolean {
  const s = value.replace(/^[A-Za-z]{0,4}[G-Zg-z](?=[0-9a-f])/, '').replace(/^[a-z]{2,5}\.[a-z]{2,5}\./, '');
  if (!/^[0-9a-f-]+$/i.test(s) || s.replace(/-/g, '').length < 24) return false;
  return /^0{6}|([0-9a-f])\1{7}/i.test(s);
}

/** Leetspeak read back as letters: `D1fficultP@ssw0rd` spells words. */
export function deLeet(v: string): string {
  return v.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
}

/** Splits an identifier-ish string into lower-case words: `YOUR_API-key`, `myApiKey`, `APIKey2`. */
export function splitWords(v: string): string[] {
  return v
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

// Words a person types into a made-up token to mark it (`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`,
// a test suite's checksum-valid fixture). Three in one token, one of them not spelled in hex, is
// about one in 10^12 for random base62, and never for hex, where `dead` and `beef` are common.
const PLANTED = /test|fake|dummy|sample|example|mock|dead|beef/gi;
const PLANTED_NOT_HEX = /test|fake|dummy|sample|example|mock/i;

function plantedWords(v: string): boolean {
  if (v.length < 20) return false;
  const words = v.match(PLANTED);
  return words !== null && words.length >= 3 && words.some((w) => PLANTED_NOT_HEX.test(w));
}

/** `YOUR_API_KEY_HERE`, `test123`, `my-secret-token`, `P@ssw0rd`: only placeholder words and short digits. */
function madeOfPlaceholderWords(v: string): boolean {
  if (v.length > 80) return false;
  const words = splitWords(v);
  let longWord = false;
  for (const w of words) {
    if (/^[0-9]+$/.test(w)) {
      if (w.length > 4 && !isSequential(w) && new Set(w).size > 2) return false;
      continue;
    }
    // Words run together count too: `mypassword`, `thisismysecret`.
    if (!PLACEHOLDER_WORDS.has(w) && !(/^[a-z]+$/.test(w) && segmentsIntoWords(w, PLACEHOLDER_WORDS))) return false;
    if (w.length >= 3) longWord = true;
  }
  return longWord;
}
