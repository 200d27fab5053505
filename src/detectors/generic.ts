// Generic secret detector: high-entropy literals assigned to secret-like names in code and
// configuration (`.env`, YAML, JSON, INI/properties, TOML, HCL, shell, Dockerfile, XML, flags).
//
// No regex scans the whole text except one literal keyword alternation; everything after a
// keyword hit is a bounded hand-written scan (name <= 80, value <= 512 characters), so a
// multi-megabyte minified line costs linear time.
import { charClasses, charsetOf, shannonEntropy, type Charset } from './entropy.js';
import { balanced, isPlaceholder } from './placeholder.js';
import { inRanges, inTextOfCode, multilineStrings } from './source-code.js';
import { classifyName, FOREIGN_PASSWORD_KEYWORDS, nameWords, type NameClass, type SecretKind } from './secret-names.js';
import { base64Text, hasRandomRun, isAlgorithmName, isEnglishLike, isIdentifierLike, isPathLike, isWordOrAbbreviation, wordLike } from './value-shape.js';

// Looked for anywhere in a name (`stripeSecretKey`, `DBPASSWORD`).
const WORD_KEYWORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred'];
// `pw`, `psw` and `pswd` are too short to look for inside words (base64 spells them every few
// hundred characters): only as a piece of a name (`DB_PW`, `client.pw`, `service-psw`, `DB_PSWD`).
const SHORT_NAME = '(?<![a-z])ps?wd?(?![a-z])';

/**
 * Literals whose every occurrence the scan below looks at: each generic rule lists all of them
 * among its prefilter keywords, so the prefilter's hits can stand in for the scan's own regex
 * pass (findGenericSecretsAtHits) and give the same result.
 */
export const SCAN_KEYWORDS: readonly string[] = [...WORD_KEYWORDS, 'pw', 'psw'];

/**
 * Lower-case literals for the prefilter: every secret-like name contains one of them. "Password"
 * in other languages (`senhaBanco`) is among them, but the scan below does not look for it: each
 * more word slows it on every file, and those names are rare. The engine's prefilter finds them
 * and hands their offsets to findGenericSecretsAt.
 */
export const GENERIC_KEYWORDS: string[] = [...SCAN_KEYWORDS, ...FOREIGN_PASSWORD_KEYWORDS];

const FOREIGN_AT = new RegExp(FOREIGN_PASSWORD_KEYWORDS.join('|'), 'iy');

/** Offsets among `offsets` where a foreign password word starts (prefilter hits of the rule). */
export function foreignPasswordWordsAt(text: string, offsets: readonly number[]): number[] {
  return offsets.filter((i) => {
    // Most hits are the rule's own `pass`, `pwd`, `pw`: no foreign word starts with p.
    if ((text.charCodeAt(i) | 32) === 112) return false;
    FOREIGN_AT.lastIndex = i;
    return FOREIGN_AT.test(text);
  });
}

export interface GenericHit {
  /** The assignment target as written (`DB_PASSWORD`, `stripeSecretKey`). */
  name: string;
  value: string;
  /** Offsets of the value in the text, quotes excluded. */
  start: number;
  end: number;
  charset: Charset;
  entropy: number;
  kind: SecretKind;
  /** Set (only with `keepPlaceholders`) when the value is secret-shaped but a placeholder. */
  dropped?: 'placeholder';
}

export interface GenericOptions {
  /** Also return placeholder values (marked `dropped`), so a scan can count and list them. */
  keepPlaceholders?: boolean;
  /**
   * The text is program source (isSourceCodePath): a value without quotes is an expression, so
   * only quoted values count, but for text in a line comment or inside a string.
   */
  code?: boolean;
}

const MAX_NAME = 80;
const MAX_VALUE = 512;
// Quoted values end at their quote: long tokens (JWTs, session tokens) fit.
const MAX_QUOTED = 4096;
const KEYWORD_SOURCE = `${WORD_KEYWORDS.join('|')}|${SHORT_NAME}`;

export function findGenericSecrets(text: string, opts: GenericOptions = {}): GenericHit[] {
  const hits: GenericHit[] = [];
  const re = new RegExp(KEYWORD_SOURCE, 'gi');
  const memo: Memo = { names: new Map(), values: new Map() };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const next = examineAt(text, m.index, m[0].length, memo, opts, hits);
    re.lastIndex = next;
  }
  return hits;
}

// Whether the scan's keyword alternation matches at an offset (`pw` inside `pwn` does not).
const KEYWORD_AT = new RegExp(KEYWORD_SOURCE, 'iy');

/**
 * findGenericSecrets without its regex pass over the whole text: `hits` are the prefilter's
 * offsets of every SCAN_KEYWORDS occurrence (sorted; other keywords' hits may be among them).
 * The prefilter has read the text already, and the pass cost about a tenth of a scan.
 */
export function findGenericSecretsAtHits(text: string, hits: readonly number[], opts: GenericOptions = {}): GenericHit[] {
  const offsets = hits.filter((k) => {
    KEYWORD_AT.lastIndex = k;
    return KEYWORD_AT.test(text);
  });
  return findGenericSecretsAt(text, offsets, opts);
}

/**
 * The same look at names holding a keyword at each of `offsets` (sorted), for keywords the scan
 * above does not look for itself (see GENERIC_KEYWORDS).
 */
export function findGenericSecretsAt(text: string, offsets: readonly number[], opts: GenericOptions = {}): GenericHit[] {
  const hits: GenericHit[] = [];
  const memo: Memo = { names: new Map(), values: new Map() };
  let from = 0;
  for (const k of offsets) if (k >= from) from = examineAt(text, k, 1, memo, opts, hits);
  return hits;
}

/** Looks at the name around a keyword at `k`; returns where the scan goes on. */
function examineAt(text: string, k: number, length: number, memo: Memo, opts: GenericOptions, hits: GenericHit[]): number {
  let ns = k;
  while (ns > 0 && k - ns <= MAX_NAME && isNameCode(text.charCodeAt(ns - 1))) ns--;
  let ne = k + length;
  while (ne < text.length && ne - ns <= MAX_NAME && isNameCode(text.charCodeAt(ne))) ne++;
  // One look per name, however many keywords it holds (`secret_token_key`).
  if (ne - ns > MAX_NAME) {
    // Not a name: skip the whole run so long identifier-ish runs cost linear time.
    while (ne < text.length && isNameCode(text.charCodeAt(ne))) ne++;
    return ne;
  }
  const hit = examine(text, ns, ne, memo, opts.keepPlaceholders ?? false, opts.code ?? false);
  if (!hit) return ne;
  hits.push(hit);
  return Math.max(ne, hit.end);
}

function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function skipBlank(text: string, p: number): number {
  while (isBlank(text[p])) p++;
  return p;
}

function isQuote(c: string | undefined): c is '"' | "'" | '`' {
  return c === '"' || c === "'" || c === '`';
}

/** How the value was attached to the name; decides whether bare words are literals or code. */
type OpKind = 'assign' | 'colon' | 'xml' | 'space' | 'arg';

interface Assignment {
  valueAt: number;
  op: OpKind;
  /** `NAME=value` with no blank before `=` (.env, properties, shell). */
  tight: boolean;
}

function examine(text: string, ns: number, ne: number, memo: Memo, keepPlaceholders: boolean, code: boolean): GenericHit | undefined {
  let s = ns;
  while (s < ne && (text[s] === '-' || text[s] === '.')) s++;
  if (text[ne - 1] === '.' || text[ne - 1] === '-') return undefined;
  const name = text.slice(s, ne);
  const cls = remember(memo.names, name, () => classifyName(name) ?? null);
  if (!cls) return undefined;
  // A file name in a changelog or diffstat (`src/gpasswd.c: s/a/b/`, `readpassphrase.3 => …`).
  if (FILE_NAME.test(name)) return undefined;
  // Test results (`PASS: <test name>` lines of an Automake or DejaGnu log), not a password.
  if (name === 'PASS' && (memo.testLog ??= (text.match(TEST_RESULT) ?? []).length >= 2)) return undefined;
  const asg = readAssignment(text, ns, s, ne, name) ?? pairedValue(text, ns, ne);
  if (!asg) return undefined;
  // A bare `key` compared with a literal (`elif key == "vdw_correction"`) is a dictionary key.
  if (cls.weak && text[asg.valueAt - 1] === '=' && text[asg.valueAt - 2] === '=') return undefined;
  const val = readValue(text, asg, s);
  if (!val) return undefined;
  // In program source a bare value is an expression (`key: jax.Array`, `pw = max(…)`,
  // `token=n_tokens`). Element text (`<password>…</password>`), comments and the inside of a
  // string (`"host=db password=…"`, a heredoc or a triple-quoted config) are text. A quoted key's
  // own quote does not open a string.
  if (code && !val.quoted && asg.op !== 'xml' && !inTextOfCode(text, isQuote(text[ns - 1]) && text[ne] === text[ns - 1] ? ns - 1 : ns) && !inRanges((memo.strings ??= multilineStrings(text)), ns)) {
    return undefined;
  }
  const literal = val.quoted || asg.op !== 'assign' || asg.tight;
  return judge(text, name, cls, val.start, val.end, val.quoted, literal, memo, keepPlaceholders);
}

const FILE_NAME = /\.(?:c|h|cc|cpp|cxx|hpp|m|mm|py|js|mjs|cjs|ts|tsx|go|rs|java|kt|rb|php|pl|sh|md|txt|rst|in|am|ac|html?|xml|[1-9][a-z]{0,4})$/i;
const TEST_RESULT = /^(?:PASS|FAIL|XFAIL|XPASS|UNSUPPORTED|UNRESOLVED|UNTESTED|SKIP|ERROR): /gm;

// The key is the value of a `name`/`key` field (`- name: DB_PASSWORD`, `{"name": "DB_PASSWORD"`,
// `name = "DB_PASSWORD"`) and its value sits in a `value` field next to it: Kubernetes and ECS
// environment lists, Helm `set` blocks, Terraform `env {}`.
const NAME_FIELD = /(?:^|[\s{,[(])["']?(?:name|key)["']?[ \t]*[:=][ \t]*["']?$/i;
const NEXT_NAME_FIELD = /(?:^|[\s{,])["']?(?:name|key)["']?[ \t]*[:=]/i;
const VALUE_FIELD = /(?:^|[\s{,])["']?value["']?[ \t]*(?::|=(?![=~]))[ \t]*/i;

function pairedValue(text: string, ns: number, ne: number): Assignment | undefined {
  if (!NAME_FIELD.test(text.slice(Math.max(0, ns - 40), ns))) return undefined;
  let p = ne;
  if (isQuote(text[p])) p++;
  // The value field comes within the next three lines, before the next item's name.
  let rest = text.slice(p, p + 300);
  let newlines = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '\n' && ++newlines > 3) {
      rest = rest.slice(0, i);
      break;
    }
  }
  const next = NEXT_NAME_FIELD.exec(rest);
  if (next) rest = rest.slice(0, next.index);
  const v = VALUE_FIELD.exec(rest);
  if (!v) return undefined;
  return { valueAt: p + v.index + v[0].length, op: 'colon', tight: true };
}

function linePrefix(text: string, at: number): string {
  let a = at;
  while (a > 0 && at - a < 60 && text[a - 1] !== '\n') a--;
  return text.slice(a, at);
}

// A quoted directive value closes its line: `api_key "…";` (not prose such as `Pass "x" to y`).
const DIRECTIVE_END = /^[^"'\n]*["'][ \t]*;?[ \t]*(?:\r?\n|$)/;

// The key is the value of a `name` or `key` attribute: `<… name="password" …>`.
const NAME_ATTR = /\b(?:name|key)[ \t]*=[ \t]*["']$/;
// Setter and builder names that take the secret as their argument.
const SETTER = /^(?:set|with)(?:[A-Z]|_[a-z])/;
const SECRET_NOUN = /^(?:api[_-]?key|(?:access|auth)[_-]?token|secret(?:[_-]?key)?|client[_-]?secret|password|token)$/i;
const SOLE_STRING_ARG = /^\([ \t]*(["'`])(?:(?!\1)[^\\\n]|\\.){1,512}\1[ \t]*\)/;

/** The method of `ds.setPassword` or `builder.apiKey` (the name runs through dots). */
function isSetterName(name: string, before: string | undefined): boolean {
  const dot = name.lastIndexOf('.');
  const method = name.slice(dot + 1);
  return SETTER.test(method) || ((dot >= 0 || before === '.') && SECRET_NOUN.test(method));
}

// Android Gradle: `buildConfigField 'String', 'API_KEY', '"…"'` (with or without parentheses).
const BUILD_CONFIG_FIELD = /buildConfigField[ \t]*\(?[ \t]*["'][\w.<>]+["'][ \t]*,[ \t]*["']$/;

function readAssignment(text: string, ns: number, s: number, ne: number, name: string): Assignment | undefined {
  const before = text[ns - 1];
  let p = ne;
  let keyQuoted = isQuote(before) && text[p] === before;
  if (keyQuoted) p++;
  // A key inside a string of JSON: `\"awsSecretKey\":\"...\"`.
  else if (isQuote(before) && text[ns - 2] === '\\' && text[p] === '\\' && text[p + 1] === before) {
    keyQuoted = true;
    p += 2;
  }
  if (text[p] === ']') p++;
  else if (text[p] === '[' && text[p + 1] === ']') p += 2; // PHP `$apikey[] = "..."`
  // <password>value</password>; a `<key>` element holds a name (a property list's key, an S3
  // listing's object name), not a key.
  if (before === '<' && text[p] === '>') return name === 'key' || name === 'Key' ? undefined : { valueAt: p + 1, op: 'xml', tight: true };
  // A property list: `<key>APIKey</key>` then `<string>…</string>` (Info.plist, .mobileconfig).
  if (before === '>' && text.startsWith('</key>', p) && text.slice(ns - 5, ns) === '<key>') {
    const next = PLIST_STRING.exec(text.slice(p, p + 220));
    if (next) return { valueAt: p + next[0].length, op: 'xml', tight: true };
  }
  // <password value="..."/>: an element named by the key holds the value in an attribute.
  if (before === '<') {
    const attr = /^[ \t]+value[ \t]*=[ \t]*(?=["'])/.exec(text.slice(p, p + 40));
    if (attr) return { valueAt: p + attr[0].length, op: 'space', tight: true };
  }
  // <entry name="password">value</entry>, Spring <property name="password" value="..."/>
  if (keyQuoted && NAME_ATTR.test(text.slice(Math.max(0, ns - 12), ns))) {
    // `android:value="…"`: the value attribute may carry a namespace prefix.
    const attr = /^[ \t]*(?:>|(?:[\w-]{1,20}:)?value[ \t]*=[ \t]*(?=["']))/.exec(text.slice(p, p + 60));
    if (attr) return { valueAt: p + attr[0].length, op: attr[0].endsWith('>') ? 'xml' : 'space', tight: true };
    // The value attribute came first: <sometag value="..." name="password"/>.
    // Bounded look-back: an unbounded lastIndexOf would read back to the start of the text per key.
    const from = Math.max(0, ns - 300);
    const at = text.slice(from, ns).lastIndexOf('<');
    if (at >= 0) {
      const tag = from + at;
      const head = text.slice(tag, ns);
      const v = /\bvalue[ \t]*=[ \t]*(?=["'])/.exec(head);
      if (v && !head.includes('\n')) return { valueAt: tag + v.index + v[0].length, op: 'space', tight: true };
    }
  }
  // Terraform: `variable "db_password" {` … `default = "…"`: the block's default is the value.
  if (keyQuoted && before === '"' && TF_VARIABLE.test(linePrefix(text, ns - 1))) {
    const d = TF_DEFAULT.exec(text.slice(p, p + 600));
    if (d) return { valueAt: p + d[0].length, op: 'assign', tight: false };
  }
  const q = skipBlank(text, p);
  const c = text[q];
  const c2 = text[q + 1];
  // CloudFormation / SAM: `DBPassword:` (or `"DBPassword": {`) declares a parameter whose
  // `Default` is the value.
  if (c === ':') {
    // Only a block opens one: a JSON object after a quoted name, a line end after a YAML one.
    const v = text[skipBlank(text, q + 1)];
    if (keyQuoted ? v === '{' : v === '\n' || v === '\r') {
      const at = cfnParameterDefault(text, q + 1, keyQuoted, ns);
      if (at >= 0) return { valueAt: at, op: 'colon', tight: false };
    }
  }
  let opEnd = -1;
  let op: OpKind = 'assign';
  if (c === ':' && c2 === '=') opEnd = q + 2;
  else if (c === '=' && c2 === '>') opEnd = q + 2;
  else if (c === '=' && c2 === '=') opEnd = text[q + 2] === '=' ? q + 3 : q + 2;
  else if ((c === '|' && c2 === '|') || (c === '?' && c2 === '?')) opEnd = text[q + 2] === '=' ? q + 3 : -1;
  else if (c === '?' && c2 === '=') opEnd = q + 2;
  // R: `api_key <- "…"`, `api_key <<- "…"`.
  else if (c === '<' && (c2 === '-' || (c2 === '<' && text[q + 2] === '-')) && q > p) opEnd = c2 === '-' ? q + 2 : q + 3;
  // Appending (`$token .= "…"`, `TOKEN += "…"`) and Make/BNF assignments (`TOKEN ::= "…"`).
  else if ((c === '+' || c === '.') && c2 === '=') opEnd = q + 2;
  else if (c === ':' && c2 === ':' && (text[q + 2] === '=' || (text[q + 2] === ':' && text[q + 3] === '='))) opEnd = text[q + 2] === '=' ? q + 3 : q + 4;
  // Shell default, `${DB_PASSWORD:-value}`: the default is the value.
  else if (c === ':' && c2 === '-' && q === p && text[ns - 1] === '{' && text[ns - 2] === '$') opEnd = q + 2;
  // `=~` is a regex match (`$x =~ /re/`) unless a value is glued to it (`SECRET=~C2U~tDO7…`).
  else if (c === '=' && (c2 !== '~' || (q === p && !isBlank(text[q + 2]) && text[q + 2] !== '/'))) opEnd = q + 1;
  else if (c === ':' && c2 !== ':') {
    // `key:value` with nothing around the colon counts only where a key can start (line start,
    // after a blank, quote or brace): not inside `arn:aws:secretsmanager:region:…`.
    if (q === p && !isBlank(c2) && !isQuote(c2) && !keyQuoted && !/^[\s{,(["'`]?$/.test(before ?? '')) return undefined;
    // A label string, `"Password:"`: the quote after the colon closes the one before the key.
    if (!keyQuoted && isQuote(before) && c2 === before) return undefined;
    opEnd = q + 1;
    op = 'colon';
  } else if (c === ',' && keyQuoted && (text[skipBlankBack(text, ns - 2)] === '(' || BUILD_CONFIG_FIELD.test(linePrefix(text, ns)))) {
    // define('DB_PASSWORD', '...'), setdefault("SECRET_KEY", "..."), Gradle buildConfigField 'String', 'API_KEY', '"..."'
    opEnd = q + 1;
    op = 'arg';
  }
  // A setter or builder call with one string argument: `ds.setPassword("…")`, `.withApiKey("…")`,
  // `builder.apiKey("…")`. Getters and checks (`getPassword("name")`, `hashPassword(pw)`) are not.
  else if (c === '(' && q === p && isSetterName(name, text[s - 1]) && SOLE_STRING_ARG.test(text.slice(q, q + MAX_VALUE + 8))) {
    opEnd = q + 1;
    op = 'arg';
  }
  if (opEnd >= 0) {
    const tight = q === p && op === 'assign' && c === '=' && opEnd === q + 1;
    if (op === 'colon') {
      // Type annotation: `apiKey: string = "..."`, `API_KEY: Final[str] = "..."`, `KEY: &str = "..."`.
      const ann = /^[ \t]*&?(?:'static[ \t]+)?[A-Za-z_][\w.<>[\]|?]{0,30}[ \t]*=[ \t]*(?=["'`])/.exec(text.slice(opEnd, opEnd + 60));
      if (ann) return { valueAt: opEnd + ann[0].length, op: 'assign', tight: false };
    }
    return { valueAt: opEnd, op, tight };
  }
  if (q === p) return undefined;
  const rest = text.slice(q, q + 40);
  // Go: `apiKey string = "..."`
  const goType = /^(?:string|\[\]byte)[ \t]*=[ \t]*(?=["'`])/.exec(rest);
  if (goType) return { valueAt: q + goType[0].length, op: 'assign', tight: false };
  // .NET: <add key="ApiKey" value="..."/>; Kotlin: mapOf("password" to "...")
  if (keyQuoted) {
    const attr = /^(?:value[ \t]*=|to[ \t])[ \t]*(?=["'])/.exec(rest);
    if (attr) return { valueAt: q + attr[0].length, op: 'space', tight: true };
  }
  // Blank as the operator: `--password secret`, Dockerfile `ENV TOKEN x`, `#define KEY "x"`, .netrc, SQL.
  const prefix = linePrefix(text, s);
  const lname = name.toLowerCase();
  // `gh secret set API_TOKEN --body "…"`
  if (GH_SECRET_SET.test(prefix)) {
    const body = /^(?:--body|-b)(?:[ \t]+|=)/.exec(rest);
    return body ? { valueAt: q + body[0].length, op: 'space', tight: true } : undefined;
  }
  if (
    (s - ns === 2 && text[ns] === '-' && text[ns + 1] === '-') ||
    /(?:^|\s)(?:ENV|ARG|#\s*define|setx)[ \t]+$/.test(prefix) ||
    SET_COMMAND.test(prefix) ||
    (isQuote(c) && LISP_DEF.test(prefix)) ||
    ((lname === 'password' || lname === 'passwd') && (/\b(?:machine|login)\b/.test(prefix) || isQuote(c))) ||
    // A directive of its own line, quoted value: nginx/Apache-style `api_key "…";`, Ruby `api_key "…"`.
    ((c === '"' || c === "'") && /^[ \t]*$/.test(prefix) && !keyQuoted && DIRECTIVE_END.test(text.slice(q + 1, q + 1 + MAX_VALUE + 4)))
  ) {
    return { valueAt: q, op: 'space', tight: true };
  }
  return undefined;
}

const PLIST_STRING = /^<\/key>\s{0,200}?<string>/;
// A CloudFormation parameter's block: YAML lines indented under the name, or a flat JSON object.
const CFN_YAML_BLOCK = /^[ \t]*\r?\n((?:[ \t]+[^\n]*\n?){1,12})/;
const CFN_JSON_OBJECT = /^[ \t]*\{[^{}]{0,600}\}/;
const CFN_TYPE = /(?:^|[\s,{])"?Type"?[ \t]*:[ \t]*"?(?:String|AWS::SSM::Parameter::Value<String>)\b/;
const CFN_DEFAULT_YAML = /^[ \t]+Default:[ \t]*/m;
const CFN_DEFAULT_JSON = /"Default"[ \t]*:[ \t]*(?=")/;

/**
 * Where a CloudFormation parameter's `Default` value starts, or -1. `from` is just past the colon
 * after the name that starts at `nameStart`. The block must also declare a String `Type`, the
 * mark of a parameter.
 */
function cfnParameterDefault(text: string, from: number, keyQuoted: boolean, nameStart: number): number {
  const next = text.slice(from, from + 900);
  if (keyQuoted) {
    const obj = CFN_JSON_OBJECT.exec(next);
    if (!obj || !CFN_TYPE.test(obj[0])) return -1;
    const d = CFN_DEFAULT_JSON.exec(obj[0]);
    return d ? from + d.index + d[0].length : -1;
  }
  const block = CFN_YAML_BLOCK.exec(next);
  if (!block) return -1;
  // Only the lines indented as deep as the block's first line, and deeper than the name, belong
  // to the parameter.
  const lines = block[1]!.split('\n');
  const indent = /^[ \t]*/.exec(lines[0]!)![0].length;
  if (indent <= /^[ \t]*/.exec(linePrefix(text, nameStart))![0].length) return -1;
  const len = block[0].length - block[1]!.length;
  let body = '';
  for (const line of lines) {
    if (line.trim() !== '' && /^[ \t]*/.exec(line)![0].length < indent) break;
    body += line + '\n';
  }
  if (!CFN_TYPE.test(body)) return -1;
  const d = CFN_DEFAULT_YAML.exec(body);
  return d ? from + len + d.index + d[0].length : -1;
}
const TF_VARIABLE = /^[ \t]*variable[ \t]+$/;
// The block up to its `default`, past nested blocks (`validation { … }`).
const TF_DEFAULT = /^[ \t]*\{(?:[^{}]|\{[^{}]*\})*?(?<=[\s{])default[ \t]*=[ \t]*(?=")/;
const GH_SECRET_SET = /\bgh[ \t]+secret[ \t]+set[ \t]+$/;
// Commands that take a name and then its value: fish and Tcl `set [-gx] NAME value`, CMake
// `set(NAME "…")`, `aws configure set NAME value`, `npm config set //host/:_authToken value`,
// `git config --global NAME value`.
const SET_COMMAND =
  /(?:^[ \t]*set[ \t]+(?:-[A-Za-z]+[ \t]+)*|(?:^|[\s;(])set[ \t]*\([ \t]*|\baws[ \t]+configure\b[^\n]{0,40}?[ \t]set[ \t]+|\b(?:npm|yarn|pnpm)[ \t]+config[ \t]+set(?:[ \t]+--?[\w-]+)*[ \t]+(?:\/\/\S*:)?|\bgit[ \t]+config(?:[ \t]+(?:--[\w-]+(?:=\S+)?|-f[ \t]+\S+|set))*[ \t]+)$/i;
// Lisp definitions: Clojure `(def api-key "…")`, Emacs Lisp `(setq api-token "…")`.
const LISP_DEF = /\((?:def(?:once|const|var|custom|parameter)?|setq(?:-default)?|setf)[ \t]+$/;

function skipBlankBack(text: string, p: number): number {
  while (p >= 0 && isBlank(text[p])) p--;
  return p;
}

interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Key)[ \t]+(?=\S)/i;

// The name starts its line (.env, YAML, INI, shell export): the rest is a raw value, not code.
const CONFIG_LINE = /^[ \t]*(?:export[ \t]+|-[ \t]+)?$/;

// An environment or config lookup with a literal fallback: the fallback is the value that ships
// (`process.env.API_KEY || "…"`, `os.getenv("X") or "…"`, `import.meta.env.X ?? "…"`,
// `Config.OPENAI_API_KEY || "…"`).
const ENV_FALLBACK =
  /(?:process\.env(?:\.[\w$]+|\[["'][\w.-]+["']\])|import\.meta\.env\.[\w$]+|(?:os\.environ\.get|os\.getenv|ENV\.fetch|Deno\.env\.get|System\.getenv)\([ \t]*["'][\w.-]+["'][ \t]*\)|ENV\[["'][\w.-]+["']\]|(?:[A-Za-z_$][\w$]*\.){1,3}[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[ \t]*(?:\|\||\?\?|\bor\b|\?:)[ \t]*(?=["'`])/y;

const BLOCK_SCALAR = /[|>][-+]?[0-9]?[ \t]*\r?\n([ \t]+)(\S{8,4096})[ \t]*(?:\r?\n|$)/y;

/** `nameStart`: where the name begins, to tell a config line (only computed when it matters). */
function readValue(text: string, asg: Assignment, nameStart: number): ValueSpan | undefined {
  let p = skipBlank(text, asg.valueAt);
  // A long literal wrapped after its `=` (Java, C#, JS: `API_TOKEN =\n        "…";`). Only a
  // quoted one: an empty `key =` followed by the next line's key is no assignment.
  if (asg.op === 'assign' && (text[p] === '\n' || (text[p] === '\r' && text[p + 1] === '\n'))) {
    const next = skipBlank(text, p + (text[p] === '\r' ? 2 : 1));
    if (isQuote(text[next])) p = next;
  }
  ENV_FALLBACK.lastIndex = p;
  const fallback = ENV_FALLBACK.exec(text);
  if (fallback) p += fallback[0].length;
  // String prefixes: Python b'' r'' f'', C# @"" $"".
  const pre = /^(?:[rRbBuU]{1,2}|[fF][rR]?|[rR][fF]|@\$?|\$@?)(?=["'`])/.exec(text.slice(p, p + 4));
  const interpolated = pre !== null && /[fF$]/.test(pre[0]);
  if (pre) p += pre[0].length;
  const q0 = text[p];
  // A string inside a JSON string (notebook cells, escaped config): `\"value\"` ends at the next `\"`.
  if (q0 === '\\' && isQuote(text[p + 1])) return readEscapedQuoted(text, p + 2, text[p + 1]!);
  const q = q0;
  if (isQuote(q)) {
    let i = p + 1;
    const scheme = AUTH_SCHEME.exec(text.slice(i, i + 12));
    if (scheme) i += scheme[0].length;
    const start = i;
    while (i < text.length && i - start <= MAX_QUOTED) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === q || c === '\n') break;
      i++;
    }
    if (text[i] !== q) return undefined;
    if (interpolated && text.slice(start, i).includes('{')) return undefined;
    // A string literal inside a string (Gradle `'"value"'`, `"\"value\""`): the inner literal is the value.
    const inner = /^(\\?["'])[^"'\\]*\1$/.exec(text.slice(start, i));
    if (inner) return { start: start + inner[1]!.length, end: i - inner[1]!.length, quoted: true };
    // Stray blanks inside the quotes (`'tkn.v1_… '`) are not part of a token.
    let a = start;
    let b = i;
    while (a < b && isBlank(text[a])) a++;
    while (b > a && isBlank(text[b - 1])) b--;
    return { start: a, end: b, quoted: true };
  }
  if (asg.op === 'xml') {
    // The text may sit on a line of its own between the tags: `<token>\n    value\n</token>`.
    const own = /\r?\n[ \t]*/y;
    own.lastIndex = p;
    if (own.exec(text)) p = own.lastIndex;
    // Element text runs to the next tag: brackets and quotes inside are part of it.
    const xs = AUTH_SCHEME.exec(text.slice(p, p + 12));
    if (xs) p += xs[0].length;
    let i = p;
    while (i < text.length && i - p <= MAX_VALUE && text[i] !== '<' && text[i] !== '\n') i++;
    let e = i;
    while (e > p && (isBlank(text[e - 1]) || text[e - 1] === '\r')) e--;
    if (text[i] === '\n' && e > p) {
      own.lastIndex = i - (text[i - 1] === '\r' ? 1 : 0);
      if (own.exec(text)) i = own.lastIndex;
    }
    if (text[i] !== '<' || text[i + 1] !== '/') return undefined; // <password>…</password>, not <user>…<host>
    return { start: p, end: e, quoted: false };
  }
  if (asg.op === 'colon') {
    // A YAML block scalar of one line (`token: |` then the value, indented, on the next line);
    // a longer block is a file (a PEM key, a script), left to the pattern rules.
    BLOCK_SCALAR.lastIndex = p;
    const b = BLOCK_SCALAR.exec(text);
    if (b) {
      const end = b.index + b[0].length;
      const next = /[ \t]*/y;
      next.lastIndex = end;
      next.exec(text);
      const ended = end >= text.length || next.lastIndex - end < b[1]!.length || text[next.lastIndex] === '\n' || text[next.lastIndex] === '\r';
      if (!ended) return undefined;
      const start = end - b[0].length + b[0].indexOf(b[2]!, b[0].indexOf('\n'));
      return { start, end: start + b[2]!.length, quoted: false };
    }
  }
  const scheme = AUTH_SCHEME.exec(text.slice(p, p + 12));
  if (scheme) p += scheme[0].length;
  let i = p;
  // An escaped line break ends a bare value too: code inside a JSON string (a source map's
  // sourcesContent, a notebook cell) reads `password: string\n}`.
  while (i < text.length && i - p <= MAX_VALUE && !isBareTerminator(text.charCodeAt(i)) && !(text.charCodeAt(i) === 92 && ESCAPED_BREAK.test(text[i + 1] ?? ''))) i++;
  if (i - p > MAX_VALUE) return undefined;
  const t = text[i];
  if ((asg.op === 'assign' || asg.op === 'colon') && t !== undefined && '()[]{}<>&'.includes(t) && CONFIG_LINE.test(linePrefix(text, nameStart))) {
    // A raw config value with unpaired brackets (`DB_PASSWORD=Xy7(kL]9#`) is a literal; paired
    // ones stay code or templates (`getToken()`, `ENC[...]`, `{{ x }}`). An `&` inside a raw
    // value (`SECRET_KEY=r&lvy…`) is part of it, unless it starts or ends a query string
    // (`st=…&se=…`, `token=…&token_type_hint=…`); a shell `a&&b` is left to looksLikeCode().
    let j = i;
    while (j < text.length && j - p <= MAX_VALUE && text.charCodeAt(j) > 32 && !isQuote(text[j])) j++;
    const full = text.slice(p, j);
    // Not a call cut at a blank (`collect(a,`) or a regex literal (`/(\[…`).
    const code = /[A-Za-z_$][\w$]{3,}\(/.test(full) || /^\/|,$/.test(full) || GENERIC_TYPE.test(full);
    const raw = t === '&' ? !/^[\w.-]*=/.test(full) && !/^&[\w.-]+=/.test(text.slice(i, i + 40)) : !balanced(full);
    if (!code && raw && !isQuote(text[j])) return { start: p, end: j, quoted: false };
  }
  // `getToken()`, `os.environ["X"]`, `ENC[...]`: code, not a literal.
  if (t === '(' || t === '[') return undefined;
  return { start: p, end: i, quoted: false };
}

const ESCAPED_BREAK = /^[nrt]$/;
// A type with parameters (`AuthPluginDefinition<{`, `Promise<string>`), not a raw value.
const GENERIC_TYPE = /^[A-Z][a-z]+(?:[A-Z][a-z]+)*<[\w{[(]?/;

function readEscapedQuoted(text: string, from: number, q: string): ValueSpan | undefined {
  let i = from;
  const scheme = AUTH_SCHEME.exec(text.slice(i, i + 12));
  if (scheme) i += scheme[0].length;
  const start = i;
  while (i < text.length && i - start <= MAX_QUOTED) {
    const c = text[i];
    if (c === '\n') return undefined;
    if (c === '\\') {
      if (text[i + 1] === q) return { start, end: i, quoted: true };
      i += 2;
      continue;
    }
    i++;
  }
  return undefined;
}

function isBareTerminator(c: number): boolean {
  // whitespace ; , & " ' ` ( ) [ ] { } < >
  return (
    c <= 32 || c === 59 || c === 44 || c === 38 || c === 34 || c === 39 || c === 96 || c === 40 || c === 41 ||
    c === 91 || c === 93 || c === 123 || c === 125 || c === 60 || c === 62
  );
}

const NON_VALUES = new Set(['null', 'none', 'nil', 'true', 'false', 'undefined', 'yes', 'no', 'on', 'off', 'empty', 'required', 'optional']);
const REFERENCE =
  /^(?:process\.env|os\.environ|os\.getenv|getenv|System\.getenv|Environment\.|ENV\[|ENV\.|env\(|env:|secrets?\.|vault:|ref\+|op:\/\/|sm:\/\/|gcp:|awssm|arn:aws|projects\/[^/]+\/[a-z][A-Za-z]*\/|roles\/[a-z]|import\.meta\.env|Deno\.env|config\.|settings\.|self\.|this\.|props\.|params\.|args\.|options\.|opts\.|ctx\.|ENC\[|@Microsoft\.KeyVault|\$)/i;
// Digests and password hashes, not plaintext secrets. The hashes a cracker can use (`*` + 40 hex
// MySQL, `md5` + 32 hex PostgreSQL, SCRAM verifiers, LDAP `{SSHA}`) are the password-hash rules';
// `{PLAIN}` and `{CLEARTEXT}` (Dovecot) are followed by the password itself and stay.
const DIGEST_PREFIX =
  /^(?:sha(?:1|224|256|384|512)[-:]|md5[-:]|h1:|blake2b?[-:]|sha3-|\*[0-9A-F]{40}$|md5[0-9a-f]{32}$|SCRAM-SHA-(?:1|256|512)\$|\{(?:S?SHA(?:1|224|256|384|512)?|S?MD5|(?:[A-Z0-9]+-)?CRYPT|PBKDF2(?:-SHA\d+)?|ARGON2I?D?)\})/i;
// Public by design: SSH and X.509 public keys, Stripe publishable keys, Datadog browser client tokens.
const PUBLIC_MATERIAL =
  /^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-|sk-ssh-|-----BEGIN|AAAAB3NzaC1|AAAAC3NzaC1|AAAAE2VjZHNh|MII[A-Za-z0-9+/]{3}CCA|MII[A-Za-z0-9+/]{3}ANBgkqhkiG9w0BAQEFAAOC|MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE|MCowBQYDK2Vw|pk_(?:live|test)_|pub[0-9a-f]{32}$)/;
// An AWS Signature V4 credential scope (`X-Amz-Credential=AKIA…/20250101/us-east-1/s3/aws4_request`):
// a key id, a date, a region and a service, none of them secret.
const SIGV4_SCOPE = /^[A-Z0-9]{16,128}\/\d{8}\/[a-z0-9-]{2,30}\/[a-z0-9-]{2,30}\/aws4?_request$/;
function isSigV4Scope(value: string): boolean {
  if (!value.includes('%')) return SIGV4_SCOPE.test(value);
  try {
    return SIGV4_SCOPE.test(decodeURIComponent(value)); // as written in a pre-signed URL
  } catch {
    return false;
  }
}
const INNER_ASSIGNMENT = /^([A-Za-z_][\w.-]{0,30})=[^=;&]+(?:$|[;&][A-Za-z_][\w.-]*=)/;
const NEXT_PAIR = /^[;&][A-Za-z_][\w.-]*=/;
// Colon-separated hex bytes: a key or certificate fingerprint (`51:C4:0C:6D:…`), public.
const COLON_HEX = /^(?:[0-9A-Fa-f]{2}:){7,}[0-9A-Fa-f]{2}$/;
// A printf verb as a path or URL segment (`project/%s/services:batchEnable`): a template. Not any
// `%s` (Django keys draw from `!@#$%^&*(-_=+)`) nor `%5A` (percent-encoding).
const PRINTF_VERB = /(?:^|[/:=])%[svqd](?=$|[/:.?&])/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^[v=~^<>]*\d+(?:\.\d+)+(?:[-+][\w.-]*)?$/;
// A package and its version (`jjwt-jackson-0.11.2` or `oauth2-http:1.3.0` of a Maven coordinate, `lodash@4.17.21`,
// `requests==2.31.0`, `spring-core-5.3.9.RELEASE`).
const PACKAGE_VERSION = /^[A-Za-z][a-z0-9]*(?:[-_.][A-Za-z][a-z0-9]*)*(?:[-_@:]|==)v?\d+(?:\.\d+){1,3}(?:[-.+][A-Za-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]{1,20}:\/\//i;
const URL_PASSWORD = /^[a-z][a-z0-9+.-]{1,20}:\/\/[^/?#@\s:]*:([^/?#@\s]+)@/i;
const MEMBER_CHAIN = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/;

const SECRET_WORD = /secret|token|passw|credential/i;
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const UUID_ID_NAME = /request|action|lifecycle|correlation|trace|transaction|operation|change|job|task|instance|resource|execution|batch|event|message|upload/i;
const QUERY_STRING = /^[\w.-]+=[^&=\s]*(?:&[\w.-]+=[^&=\s]*)+$/;
// A quoted template then its formatting: `"prefix_{}".format(x)`, `"%s:%s" % (u, p)`.
const FORMATTED = /^["'`][ \t]*(?:\.format\(|%[ \t]*[(\w])/;
// A bare value followed by an operator is an expression: `config?.core?.askpass !== undefined`.
const FOLLOWED_BY_OPERATOR = /^[ \t]+(?:[!=]==?|&&|\|\||[<>]=?[ \t]|\?[ \t]|[-+*/%][ \t])/;
// Ciphertext, not a key: OpenSSL `Salted__` blobs, Maven `{…}` passwords (encrypted with the master
// password, which the maven-master-password rule reports), Spring Cloud Config `{cipher}…`, Jasypt
// `ENC(…)` and SOPS-style `ENC[…]` (a raw `ENC[…]` value is already code; its base64 is not).
const ENCRYPTED = /^(?:U2FsdGVkX1|\{cipher\}|\{[A-Za-z0-9+/]{8,}={0,2}\}$|ENC[[(])/;
// Minified code read as a value: `e.a||b.c`, `+e.accessKeyId+`, `e.error.retryable=!0`, `Jobs[-1].JobId`.
const CODE_OPERATOR = /\|\||&&|\.[A-Za-z_$][\w$]*\?\?|\]\.|\)\.|\(\)/;
const LEADING_MEMBER = /^\+?[A-Za-z_$][\w$]*((?:\??\.[A-Za-z_$][\w$]*)+)[=?:|&+(,;!<>*]/;

const CLOSING_ARGUMENT = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\)+$/;

// A short code in a name, digits inside: `x509`, `sha256`, `utf8`, `ed25519`.
const SHORT_CODE_PIECE = /^[a-z]{1,4}[0-9]{1,5}[a-z]{0,2}$/i;
// One piece of a name: a word in one case, Capitalised or camelCase, with at most two digits after.
const NAME_PIECE = /^(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)[0-9]{0,2}$/;

/**
 * Three or more word pieces joined by `.`, `_`, `-` or `+`: `gkeops_etcd_backup_encryption_key`,
 * `x-goog-storage-class`, `cloudkms.projects.locations.keyRings`, `HTTP_ACCEPT_ENCODING`,
 * `--gce-pd-kms-key`. Random tokens have digits inside their pieces, and pieces that are no words.
 */
function isSeparatedName(v: string): boolean {
  const pieces = v.replace(/^(?:--?|_+|\+)/, '').split(/[._+-]/);
  if (pieces.length < 3) return false;
  let words = 0;
  for (const p of pieces) {
    if (p.length > 24 || (!NAME_PIECE.test(p) && !SHORT_CODE_PIECE.test(p))) return false;
    const letters = p.replace(/[0-9]+$/, '');
    // Acronyms (`pkcs`, `html`) are short; a longer piece without a vowel is random.
    if (letters.length >= 5 && !/[aeiouy]/i.test(letters)) return false;
    // Two pieces must be words or known abbreviations: random letters between dashes are not.
    if (letters.length >= 3 && isWordOrAbbreviation(letters)) words++;
  }
  return words >= 2;
}

/** Three or more short comma-separated items, two of them words. */
function isOptionList(v: string): boolean {
  const items = v.split(',');
  if (items.length < 3) return false;
  let words = 0;
  for (const it of items) {
    if (!/^[\w.=:-]{0,24}$/.test(it)) return false;
    const w = it.replace(/^[\w.-]*=/, '').toLowerCase();
    if (w.length >= 3 && /^[a-z]+[0-9]?$/.test(w) && (wordLike(w.replace(/[0-9]$/, '')) || isWordOrAbbreviation(w.replace(/[0-9]$/, '')))) words++;
  }
  return words >= 2;
}

/**
 * A constant's name, not its value: three or more upper-case pieces joined by `_`, one of them a
 * word (`FIPS_140_2_LEVEL_2_OR_HIGHER`, `RESET_PASSWORD_V2_SUBMIT`, `SMART_ON_FHIR_V1`).
 */
function isConstantName(v: string): boolean {
  if (!CONSTANT_NAME.test(v)) return false;
  const pieces = v.split('_');
  return pieces.length >= 3 && pieces.some((p) => p.length >= 4 && /^[A-Z]+$/.test(p) && (wordLike(p.toLowerCase()) || isWordOrAbbreviation(p.toLowerCase())));
}

/** A regular expression: a character class with a quantifier, or escapes like `\d` and `\w`. */
function isRegexLike(v: string): boolean {
  return /\[[^\]]{2,}\][+*?{]/.test(v) || /\\[dwsDWS][+*?{]/.test(v);
}

/** `Resource$Projects$Locations$Privateclouds`: generated type names joined by `$`. */
function isDollarPath(v: string): boolean {
  const parts = v.split('$');
  return parts.length >= 3 && parts.every((p) => p.length > 0 && /^[A-Z][a-z]+$/.test(p));
}

function looksLikeCode(value: string): boolean {
  if (value.startsWith('eyJ')) return false;
  if (CODE_OPERATOR.test(value)) return true;
  // A member chain then an operator, where a member is a real identifier (not `Qtozh.p60=…`).
  const m = LEADING_MEMBER.exec(value);
  return m !== null && m[1]!.split(/\??\./).some((p) => p.length >= 5 && isIdentifierLike(p));
}

/** The same piece over and over (`abcabcabc`, a copied token pasted twice): filler, not a key. */
function isPeriodic(value: string): boolean {
  const n = value.length;
  const fail = new Int32Array(n);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && value[i] !== value[k]) k = fail[k - 1]!;
    if (value[i] === value[k]) k++;
    fail[i] = k;
  }
  return n - fail[n - 1]! <= n / 2;
}

const GPG_NAME = /gpg|pgp/i;
const FINGERPRINT = /^(?:0x)?(?:[0-9A-F]{16}|[0-9A-F]{40}|[0-9a-f]{16}|[0-9a-f]{40})$/;
// Letters only: a random token of this length has digits.
const TYPE_NAME = /^[A-Za-z_$]+$/;
const TYPE_FOLLOWS = /^[ \t]+(?:=(?![=>~])|&(?!&)|\|(?!\|))/;
const API_PATH = /^\/[\w.-]+(?:\/[\w.{}-]+)*:[A-Za-z]+$/;
const TYPED_ARRAY = /^(?:Big)?(?:Uint|Int|Float)(?:8|16|32|64)(?:Clamped)?Array$/;
const STRING_UNION = /^["'][ \t]*\|[ \t]*["']/;
// `type Name =` just before the value, or anywhere before it on a line of union members.
const TYPE_ALIAS = /(?:^|[\s;{`'"(])type[ \t]+[A-Za-z_$][\w$]*(?:<[^>]*>)?[ \t]*=[ \t]*$/;
const TYPE_DECLARATION = /(?:^|[\s;{`'"(])type[ \t]+[A-Za-z_$]/;
const PASSWORD_WORD = /pass[-_]?(?:wo?r)?d|passwd/i;
const PASSWORD_WORD_ALL = new RegExp(PASSWORD_WORD.source, 'gi');
const BYTE_ESCAPES = /\\x[0-9a-fA-F]{2}[^]*\\x[0-9a-fA-F]{2}/;

/**
 * The value spells its name: every word of a name of two words or more (the last member of a
 * dotted name: `exports.ResetPasswordResult = ResetPasswordResult`), or a member access that ends
 * in the name itself (`password: signInInputs.password`).
 */
function restatesName(name: string, value: string): boolean {
  const own = name.split(/\.|->/).pop()!;
  const words = nameWords(own).filter((w) => w.length > 1);
  const inValue = nameWords(value);
  if (words.length === 1) return MEMBER_CHAIN.test(value) && inValue[inValue.length - 1] === words[0];
  if (words.length < 2 || inValue.length < 2) return false;
  const set = new Set(inValue);
  if (!words.every((w) => set.has(w))) return false;
  // What is left holds no random run: `ApiKey-Xk9vR4qL7nT2` under `api_key` is a prefixed key.
  return !hasRandomRun(value.replace(new RegExp(words.join('|'), 'gi'), ' '));
}

/**
 * A phrase about a password instead of one: the word password among other words and numbers
 * (`SomeKindOfPassword123!@#`, `PassWordMustBeAtLeast6Chars.`, `password-for-30001`).
 */
function describesPassword(value: string): boolean {
  if (!PASSWORD_WORD.test(value)) return false;
  // Not with a random part (`my-db-passwd-Xk9vR4qL`).
  return nameWords(value).length >= 2 && !hasRandomRun(value.replace(PASSWORD_WORD_ALL, ' '));
}

function lineAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < 300 && text[a - 1] !== '\n') a--;
  let b = end;
  while (b < text.length && b - end < 300 && text[b] !== '\n') b++;
  return text.slice(a, b);
}

interface Verdict {
  charset: Charset;
  entropy: number;
  /** Secret-shaped, but filler (`abcd1234abcd1234…`); other placeholders are judged with their line. */
  placeholder?: true;
}

/** Per-call caches: minified and generated files repeat the same names and values. */
interface Memo {
  names: Map<string, NameClass | null>;
  values: Map<string, Verdict | null>;
  /** The text is a test log (`PASS: name` result lines); computed on first need. */
  testLog?: boolean;
  /** Program source only: its strings that span lines (multilineStrings); computed on first need. */
  strings?: Array<[number, number]>;
}
const MEMO_LIMIT = 4096;

function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined || map.has(key)) return hit as V;
  if (map.size >= MEMO_LIMIT) map.clear();
  const v = make();
  map.set(key, v);
  return v;
}

function judge(
  text: string,
  name: string,
  cls: NameClass,
  start: number,
  end: number,
  quoted: boolean,
  literal: boolean,
  memo: Memo,
  keepPlaceholders: boolean,
): GenericHit | undefined {
  let value = text.slice(start, end);
  let kind = cls.kind;
  if (value.length < 8 || value.length > (quoted ? MAX_QUOTED : MAX_VALUE) || /\s/.test(value)) return undefined;
  if (URL_SCHEME.test(value)) {
    // Only credentials inside a URL count: postgres://user:PASSWORD@host.
    const m = URL_PASSWORD.exec(value);
    if (!m) return undefined;
    const pw = m[1]!;
    start += m[0].length - 1 - pw.length;
    end = start + pw.length;
    value = pw;
    kind = 'password';
    if (value.length < 8) return undefined;
  }
  if (!quoted && MEMBER_CHAIN.test(value) && FOLLOWED_BY_OPERATOR.test(text.slice(end, end + 8))) return undefined;
  // The first parameter of a query string (`SAS_TOKEN=st=2025-03-04T07:24:52Z&se=…`); secret
  // parameters have their own names (`sig=`) and are judged there.
  if (!quoted && text[end] === '&' && /^[a-z][a-z0-9_.-]{0,19}=/.test(value)) return undefined;
  // A format string (`"prefix_{}".format(x)`, `"%s:%s" % (u, p)`) is a template, not a literal.
  if (quoted && /\{\d*\}|%[sd]/.test(value) && FORMATTED.test(text.slice(end, end + 12))) return undefined;
  // `KdcAdminPassword: XmlStringMaxLen256;` is a declaration with a type, not a value.
  if (!quoted && text[end] === ';' && /^[A-Z]/.test(value) && isIdentifierLike(value)) return undefined;
  // The value is itself an assignment to a name that is no secret (`tpmkey:uuid=7f46…;storage=user`).
  // Only among other pairs (`;storage=user` follows): `bd=n9nk…` alone is a token holding `=`.
  const inner = INNER_ASSIGNMENT.exec(value);
  if (inner && (inner[0].length < value.length || NEXT_PAIR.test(text.slice(end, end + 40))) && !classifyName(inner[1]!)) return undefined;
  // A Google Docs / Sheets link's `key=` is the document's id.
  if (cls.weak && /docs\.google\.com\//.test(linePrefix(text, start))) return undefined;
  // UUIDs in request bookkeeping (`ClientRequestToken`, `LifecycleActionToken`) are idempotency ids.
  if (UUID.test(value) && UUID_ID_NAME.test(name)) return undefined;
  // An enum or label constant that spells its own name (`FLOW_PASSWORD_REQUIRED_V2 =
  // "FlowPasswordRequiredResultV2"`), and bytes written as escapes (`"id#\x00\x13\x00\xf3"`).
  if (restatesName(name, value) || BYTE_ESCAPES.test(value)) return undefined;
  // A GPG/PGP key's fingerprint or id (`Release GPG key: F3EF5F62…`) identifies a public key.
  if (FINGERPRINT.test(value) && GPG_NAME.test(linePrefix(text, start))) return undefined;
  // A type, not a value: `type A = TB;`, `params: SubmitParams = {`, `Inputs & {`, `A | B`, and
  // a union of string literal types (`= "SMART_ON_FHIR_V1"|"AWS_AUTH"`).
  if (quoted && STRING_UNION.test(text.slice(end, end + 6)) && TYPE_DECLARATION.test(linePrefix(text, start))) return undefined;
  if (!quoted && TYPE_NAME.test(value) && (TYPE_FOLLOWS.test(text.slice(end, end + 4)) || TYPE_ALIAS.test(linePrefix(text, start)))) return undefined;
  const key = `${kind}${+cls.weak}${+quoted}${+literal}${value}`;
  const verdict = remember(memo.values, key, () => judgeValue(value, kind, cls.weak, quoted, literal) ?? null);
  if (!verdict) return undefined;
  // Template delimiters just outside the value (`${VALUE}` split by a rule) need the line.
  const placeholder = verdict.placeholder === true || isPlaceholder(value, { line: lineAround(text, start, end) }) !== undefined;
  if (placeholder && !keepPlaceholders) return undefined;
  return { name, value, start, end, charset: verdict.charset, entropy: verdict.entropy, kind, ...(placeholder ? { dropped: 'placeholder' as const } : {}) };
}

/**
 * Judges a value whose context, not its name, says it is a secret (a Kubernetes Secret's entry):
 * the checks an assignment to a plainly secret name gets. Undefined when it is not secret-shaped.
 */
export function judgeContextValue(value: string, kind: SecretKind): { placeholder: boolean } | undefined {
  if (value.length < 8 || value.length > MAX_QUOTED || /\s/.test(value) || URL_SCHEME.test(value)) return undefined;
  const verdict = judgeValue(value, kind, false, true, true);
  if (!verdict) return undefined;
  return { placeholder: verdict.placeholder === true || isPlaceholder(value) !== undefined };
}

/** Everything that depends on the value alone, cheap necessary conditions first. */
function judgeValue(value: string, kind: SecretKind, weak: boolean, quoted: boolean, literal: boolean): Verdict | undefined {
  const classes = charClasses(value);
  // A UUID is 32 hex digits whatever its dashes make of the alphabet.
  const charset = UUID.test(value) ? 'hex' : charsetOf(value);
  const entropy = shannonEntropy(value);
  const n = [...value].length;
  if (!passesFloor(kind, weak, charset, n, entropy, classes.count, classes.lower && classes.upper && classes.digit)) return undefined;
  if (NON_VALUES.has(value.toLowerCase())) return undefined;
  // Code between two string literals (`';Password=',parameters('d')`), read as if it were one.
  if (quoted && /^[,;)]|\($/.test(value)) return undefined;
  if (REFERENCE.test(value)) return undefined;
  // YAML tags, aliases and anchors, %VAR%, @Annotation, ternaries.
  if (!quoted && /^[!*&%@?:|]/.test(value)) return undefined;
  // Member expressions (`config.apiKey`, `result?.pass`); in literal contexts only when every part is a word.
  const member = value.replace(/[?!;,]+$/, '');
  if (!quoted && MEMBER_CHAIN.test(member) && !value.startsWith('eyJ')) {
    const parts = member.split(/\??\./);
    if (!literal || parts.every((p) => p.length <= 3 || isIdentifierLike(p) || wordLike(p.toLowerCase()))) return undefined;
    // A reference to a type or a constant: `ed25519.Ed25519PrivateKey`, `Details.PKIX_ECDSA_P256_SHA_256`.
    const last = parts[parts.length - 1]!;
    if (CONSTANT_NAME.test(last) || (/^[A-Z][a-z]/.test(last) && isIdentifierLike(last.replace(/[0-9]+/g, '')))) return undefined;
  }
  if (looksLikeCode(value)) return undefined;
  // A bare argument closing a call (`f(key, password=pvk_password)`, `password=cfg.client_cert_password)`).
  if (!quoted && CLOSING_ARGUMENT.test(value) && /[._]|[a-z][A-Z]/.test(value)) return undefined;
  // A label (`_password: DEPRECATED: For improved security, …`).
  if (!quoted && /^[A-Za-z]+:$/.test(value)) return undefined;
  // A comparison in prose or a comment (`First pass: decided_mask==0, every …`).
  if (!quoted && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+[!=]=[\w'"(-]/.test(value)) return undefined;
  // Names of things, not values: header, flag, field and collection names. A password in code
  // (not a literal) too; a literal one may be a passphrase (`correct-horse-battery-staple`).
  if ((kind === 'secret' || !literal) && isSeparatedName(value)) return undefined;
  // A value that names a secret (`MyTestDatabaseSecret-a1b2c3`, `term-token-…`) is not one.
  if (kind === 'secret' && SECRET_WORD.test(value)) return undefined;
  if (ENCRYPTED.test(value) || COLON_HEX.test(value)) return undefined;
  // A template (`project/%s/services`) or a list of options (`bytes,1,opt,name=key,proto3` in a Go
  // struct tag). Not for passwords: random ones hold `%d` and commas.
  if (kind === 'secret' && (PRINTF_VERB.test(value) || isOptionList(value))) return undefined;
  // A UUID is an id, except behind a plainly secret name (`RAILWAY_TOKEN`, `client_secret`): many
  // services issue UUID tokens.
  if (DIGEST_PREFIX.test(value) || (UUID.test(value) && weak) || PUBLIC_MATERIAL.test(value) || isSigV4Scope(value)) return undefined;
  if (VERSION.test(value) || PACKAGE_VERSION.test(value) || DATE.test(value) || NUMBER.test(value)) return undefined;
  if (isPathLike(value) || isAlgorithmName(value) || isConstantName(value) || isRegexLike(value) || TYPED_ARRAY.test(value)) return undefined;
  // Percent-encoded text with spaces (`anothervalue%20with%20spaces`) or `$`-joined type names.
  if (value.includes('%20') || (!quoted && isDollarPath(value))) return undefined;
  // An API path with a custom method (`/v1/accounts:signInWithPassword`).
  if (API_PATH.test(value)) return undefined;
  // A quoted query string (`"st=2025-03-04T07:24:52Z&se=…&sr=c"`; unquoted values end at `&`) is
  // parameters; a secret among them has its own name (`sig=`, `token=`) and is judged there.
  if (QUERY_STRING.test(value)) return undefined;
  if (isIdentifierLike(value) || isEnglishLike(value)) {
    // A password field may hold a literal word-based password with digits or symbols
    // (`Summer2024!`, `Prestigitariu$`); separators alone (`my-password`) do not count.
    if (kind === 'secret' || !literal || (!classes.digit && !wordPasswordSymbol(value))) return undefined;
  }
  if (wrapsShortText(value)) return undefined;
  // Last, so that only otherwise secret-shaped values count as placeholder look-alikes. The other
  // placeholder checks need the line around the value, so judge() makes them once per hit.
  if (isPeriodic(value) || (kind === 'password' && describesPassword(value))) return { charset, entropy, placeholder: true };
  return { charset, entropy };
}

/**
 * A symbol that makes a word a password (`Prestigitariu$`, `Summer!`), not the punctuation of a
 * CSS selector or label (`#add-password`, `Password:`), a variable (`'$DB_PASSWORD'`) or an
 * HTML-escaped placeholder (`&lt;YOURPASSWORD&gt;`).
 */
function wordPasswordSymbol(value: string): boolean {
  if (/\$[A-Za-z_{(]|&(?:lt|gt|amp|quot|#\d+);/.test(value)) return false;
  const core = value.replace(/^[#.:@'"]+|[:.'"]+$/g, '');
  return /[^A-Za-z0-9._-]/.test(core);
}

/** Base64 of readable text (`dXNlcjpwYXNz`, `cGFzc3dvcmQ=`): only a real `user:password` pair counts. */
function wrapsShortText(value: string): boolean {
  // Pieces of base64 prose joined by dots, shaped like a JWT (`VGhpcyBpcyBhIHRlc3Q=.QW5v…`).
  const pieces = value.split('.');
  if (pieces.length >= 2 && pieces.length <= 4 && pieces.every((p) => /\s/.test(base64Text(p) ?? ''))) return true;
  const t = base64Text(value);
  if (t === undefined) return false;
  // Base64 of ciphertext (`ENC[RSA,…]`); a JWT cut after its header is isPlaceholder()'s `masked`.
  if (ENCRYPTED.test(t)) return true;
  const colon = t.indexOf(':');
  if (colon >= 0) {
    const pw = t.slice(colon + 1);
    return pw.length < 6 || isPlaceholder(pw) !== undefined || isIdentifierLike(pw) || isEnglishLike(pw);
  }
  return /\s/.test(t) || isIdentifierLike(t) || isEnglishLike(t) || isPlaceholder(t) !== undefined;
}

function passesFloor(kind: SecretKind, weak: boolean, charset: Charset, n: number, h: number, classes: number, mixed: boolean): boolean {
  if (kind === 'password') {
    if (n < 8 || classes < 2) return false;
    return h >= (n < 12 ? 2.3 : 2.6);
  }
  // A bare `key` needs a longer value, unless a short one mixes upper case, lower case and digits
  // like a random key (ConvertAPI and others issue 16-character keys).
  if (weak && n < 20 && !(n >= 16 && mixed && h >= 3.5)) return false;
  switch (charset) {
    case 'hex':
      return n >= 16 && h >= (n < 20 ? 2.5 : n < 32 ? 2.7 : n < 40 ? 2.8 : 3.0);
    case 'alnum':
    case 'base64':
      return n >= 16 && classes >= 2 && h >= (n < 20 ? 3.0 : n < 24 ? 3.2 : n < 32 ? 3.4 : 3.7);
    case 'other':
      // Punctuation-heavy values need three character classes, or length and high entropy.
      return n >= 12 && ((classes >= 3 && h >= 3.0) || (n >= 24 && h >= 4.2));
  }
}
