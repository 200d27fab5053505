// Session cookies written down: a `Cookie:` / `Set-Cookie:` header (a curl command, a raw HTTP
// request, a HAR file's header entry), a HAR file's `cookies` list, a Netscape cookie jar
// (`curl -c`, browser exports) and a cookie set by browser-automation or HTTP-client code. A live
// session cookie is the logged-in user: HAR files shared with a support desk have handed attackers
// admin sessions. Only cookies whose name says session
// or token are read, and only random-looking values; CSRF and analytics cookies are not secrets.
import { judgeContextValue } from './generic.js';
import type { DetectorHit } from './registry.js';

// `sessionid`, `PHPSESSID`, `JSESSIONID`, `connect.sid`, `_gh_sess`, `laravel_session`,
// `remember_user_token`, `__Secure-next-auth.session-token`, `auth_token`, `jwt`, `sso`.
const SESSION_NAME = /(?:sess(?:ion)?(?:[_-]?id)?|sid|auth(?:[_-]?token)?|token|jwt|sso)$|^(?:__(?:Secure|Host)-)?(?:[\w.-]*[_.-])?(?:sess(?:ion)?|sid|sso|auth)(?:[_.-][\w.-]*)?$/i;
const NOT_SESSION = /csrf|xsrf|_ga|_gid|consent|locale|lang|theme|timezone|tz$|utm|analytics|tracking|visitor/i;

// A header, its value up to the quote or line end: `Cookie: a=1; b=2`, HAR's
// `{"name": "Cookie", "value": "a=1; b=2"}`, curl's `--cookie "a=1"` / `-b 'a=1'`. Sticky: tried
// only where the prefilter found `cookie` or `curl`, as a whole-text scan cost 2% of a scan.
// Also a string assigned to a cookie (`document.cookie = "sessionid=…; path=/"`).
const COOKIE_HEADER = /cookie["']?[ \t]*(?::[ \t]*["'`]?|,[ \t\r\n]*["']?value["']?[ \t]*:[ \t]*["']?|=[ \t]*["'`])(?=[^\s"'`=;]+=)/iy;
// A map of cookies in code: `cookies={"sessionid": "…"}` (requests), `cookies: { sid: '…' }`.
const COOKIE_MAP = /cookies?["']?[ \t]*[=:][ \t]*(?:dict\()?\{/iy;
const MAP_ENTRY = /[ \t\r\n]*(["']?)([\w.-]{1,100})\1[ \t]*:[ \t]*(["'])([^"'\n]*)\3[ \t]*,?/y;
const CURL_COOKIE = /curl\b[^\n]{0,300}?[ \t](?:--cookie|-b)[ \t]+["']?(?=[^\s"'=;]+=)/iy;
const KEYWORDS = /cookie|curl/gi;
// A HAR file's `cookies` list (request and response): `"cookies": [{"name": …, "value": …}, …]`.
const HAR_COOKIES = /"cookies"[ \t]*:[ \t]*\[/y;
const COOKIE_FILE = /^cookie file$/i;
// A cookie set in code: Playwright `addCookies([{ name: 'sid', value: '…' }])`, Puppeteer
// `setCookie({…})`, Selenium `add_cookie({"name": …, "value": …})` and `new Cookie("sid", "…")`,
// Cypress `cy.setCookie('sid', '…')`, requests `cookies.set('sid', '…')`, Dusk `->cookie('sid', '…')`.
const COOKIE_CALL = /cookies?(?:\.set)?[ \t]*\([ \t]*/iy;
const CALL_PAIR = /(["'`])([\w.-]{1,100})\1[ \t]*,[ \t]*(["'`])([^"'`\n]*)\3/y;
// One `{ name: …, value: … }` object of a list (HAR entries carry path, domain, expires too).
const CALL_OBJECT = /[ \t\r\n]*\{([^{}]{0,1000})\}[ \t\r\n]*,?/y;
const OBJ_NAME = /(?:^|[\s{,])["']?name["']?[ \t]*:[ \t]*(["'`])([\w.-]{1,100})\1/;
const OBJ_VALUE = /(?:^|[\s{,])["']?value["']?[ \t]*:[ \t]*(["'`])([^"'`\n]*)\1/;
const NOT_SETTER = /(?:get|has|delete|remove|clear)$/i;
// `name=value` pairs of a header, separated by `;`.
const HEADER_PAIR = /([^\s"'`=;,]{1,100})=([^\s"'`;,]*)/y;
const PAIR_SEPARATOR = /;[ \t]*/y;
// A cookie jar line: domain, subdomains, path, secure, expiry, name, value (tab-separated).
const JAR_LINE = /^(?:#HttpOnly_)?[^\s#][^\t\n]*\t(?:TRUE|FALSE)\t[^\t\n]*\t(?:TRUE|FALSE)\t-?\d+\t([^\t\n]+)\t([^\t\r\n]*)\r?$/gm;

/** `keywordHits`: where the prefilter found `cookie` or `curl` (null: look for them here). */
export function findSessionCookies(text: string, keywordHits: readonly number[] | null = null): DetectorHit[] {
  const hits: DetectorHit[] = [];
  const seen = new Set<number>();
  const consider = (name: string, start: number, end: number): void => {
    if (seen.has(start) || !SESSION_NAME.test(name) || NOT_SESSION.test(name)) return;
    // Signed values carry a scheme (`s%3A…` of Express, `s:…`); judge the random part.
    let value = text.slice(start, end);
    let from = start;
    const signed = /^s(?::|%3A)/i.exec(value);
    if (signed) {
      value = value.slice(signed[0].length);
      from += signed[0].length;
    }
    const verdict = judgeContextValue(decodeURIComponentSafe(value), 'secret');
    if (!verdict) return;
    seen.add(start);
    hits.push({ start: from, end, notes: [`cookie "${name}"`], ...(verdict.placeholder ? { dropped: 'placeholder' as const } : {}) });
  };

  const at = keywordHits ?? [...text.matchAll(KEYWORDS)].map((m) => m.index);
  // A cookie jar says so in its first line (`# Netscape HTTP Cookie File`); one found by its path
  // (cookies.txt) may not.
  let jar = keywordHits === null;
  for (const k of at) {
    if (!jar && COOKIE_FILE.test(text.slice(k, k + 11))) jar = true;
    // A HAR file's `"cookies": [ … ]`.
    if (text.charCodeAt(k - 1) === 0x22 && text.startsWith('s"', k + 6)) {
      HAR_COOKIES.lastIndex = k - 1;
      if (HAR_COOKIES.exec(text)) readCookieObjects(text, HAR_COOKIES.lastIndex, consider);
      continue;
    }
    const curl = text.charCodeAt(k + 1) === 0x75 || text.charCodeAt(k + 1) === 0x55;
    if (!curl && readCookieCall(text, k, consider)) continue;
    const c = text.charCodeAt(k - 1);
    // A word of its own (`Set-Cookie`, `"Cookie"`), not `mycookie` or `getcurl`.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) continue;
    if (!curl) {
      COOKIE_MAP.lastIndex = k;
      if (COOKIE_MAP.exec(text)) {
        for (let p = COOKIE_MAP.lastIndex, e = MAP_ENTRY; ; p = e.lastIndex) {
          e.lastIndex = p;
          const kv = e.exec(text);
          if (!kv) break;
          const valueStart = e.lastIndex - kv[0].length + kv[0].lastIndexOf(kv[3]! + kv[4]! + kv[3]!) + 1;
          consider(kv[2]!, valueStart, valueStart + kv[4]!.length);
        }
        continue;
      }
    }
    const re = curl ? CURL_COOKIE : COOKIE_HEADER;
    re.lastIndex = k;
    const m = re.exec(text);
    if (!m) continue;
    let p = m.index + m[0].length;
    // `name=value` pairs separated by `;` up to the end of the header's text.
    for (;;) {
      HEADER_PAIR.lastIndex = p;
      const kv = HEADER_PAIR.exec(text);
      if (!kv) break;
      const valueStart = p + kv[0].length - kv[2]!.length;
      consider(kv[1]!, valueStart, valueStart + kv[2]!.length);
      p = HEADER_PAIR.lastIndex;
      PAIR_SEPARATOR.lastIndex = p;
      if (!PAIR_SEPARATOR.exec(text)) break;
      p = PAIR_SEPARATOR.lastIndex;
    }
  }
  if (jar) {
    for (const m of text.matchAll(JAR_LINE)) {
      const valueEnd = m.index + m[0].length - (m[0].endsWith('\r') ? 1 : 0);
      consider(m[1]!, valueEnd - m[2]!.length, valueEnd);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A cookie-setting call at `k` (where `cookie` starts); true when it was one. */
function readCookieCall(text: string, k: number, consider: (name: string, start: number, end: number) => void): boolean {
  if (NOT_SETTER.test(text.slice(Math.max(0, k - 6), k))) return false;
  COOKIE_CALL.lastIndex = k;
  if (!COOKIE_CALL.exec(text)) return false;
  const p = COOKIE_CALL.lastIndex;
  if (text[p] === '[' || text[p] === '{') return readCookieObjects(text, text[p] === '[' ? p + 1 : p, consider);
  CALL_PAIR.lastIndex = p;
  const pair = CALL_PAIR.exec(text);
  if (!pair) return false;
  const valueStart = CALL_PAIR.lastIndex - 1 - pair[4]!.length;
  consider(pair[2]!, valueStart, valueStart + pair[4]!.length);
  return true;
}

/**
 * The `{ name: …, value: … }` objects from `p` on (a HAR `cookies` list, Playwright's
 * `addCookies([…])`, Selenium's `add_cookie({…})`): each names a cookie and holds its value, keys
 * quoted or not, in any order. True when one was read.
 */
function readCookieObjects(text: string, p: number, consider: (name: string, start: number, end: number) => void): boolean {
  let any = false;
  for (;;) {
    CALL_OBJECT.lastIndex = p;
    const obj = CALL_OBJECT.exec(text);
    if (!obj) return any;
    const body = obj[1]!;
    const bodyStart = CALL_OBJECT.lastIndex - obj[0].length + obj[0].indexOf('{') + 1;
    const name = OBJ_NAME.exec(body);
    const value = OBJ_VALUE.exec(body);
    if (name && value) {
      const valueStart = bodyStart + value.index + value[0].length - 1 - value[2]!.length;
      consider(name[2]!, valueStart, valueStart + value[2]!.length);
      any = true;
    }
    p = CALL_OBJECT.lastIndex;
  }
}

function decodeURIComponentSafe(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
