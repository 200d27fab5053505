import { describe, expect, it } from 'vitest';
import { findSessionCookies } from '../../src/detectors/session-cookie.js';
import { scanText } from '../../src/scan.js';
import { b62, hex } from './random.js';

const reported = (text: string): string[] => findSessionCookies(text).filter((h) => !h.dropped).map((h) => text.slice(h.start, h.end));

describe('findSessionCookies', () => {
  it('reads session cookies in Cookie and Set-Cookie headers, leaving the others', () => {
    const [a, b] = [b62(32), b62(40)];
    expect(reported(`curl -H 'Cookie: theme=dark; csrftoken=${b62(32)}; sessionid=${a}' https://acme.example/\n`)).toEqual([a]);
    expect(reported(`Set-Cookie: _gh_sess=${b}; path=/; secure; HttpOnly\r\n`)).toEqual([b]);
    expect(findSessionCookies(`Cookie: sessionid=${a}`)[0]!.notes).toEqual(['cookie "sessionid"']);
  });

  it('reads curl --cookie and -b, but -b of other commands only on a curl line', () => {
    const a = b62(32);
    expect(reported(`curl -s -b "PHPSESSID=${a}" https://acme.example/admin\n`)).toEqual([a]);
    expect(reported(`curl --cookie 'laravel_session=${a}' https://acme.example/\n`)).toEqual([a]);
    expect(reported(`git checkout -b session=${a}\n`)).toEqual([]);
  });

  it('judges the random part of a signed Express cookie', () => {
    const a = `${b62(32)}.${b62(27)}`;
    const text = `Set-Cookie: connect.sid=s%3A${a}; Path=/; HttpOnly`;
    expect(reported(text)).toEqual([a]);
  });

  it('reads a HAR file: header entries and cookies lists, not query strings', () => {
    const [a, b] = [b62(32), hex(40)];
    const har = JSON.stringify({
      log: { entries: [{ request: {
        headers: [{ name: 'Cookie', value: `sid=${a}; lang=en` }],
        queryString: [{ name: 'token', value: b62(32) }],
        cookies: [{ name: 'JSESSIONID', value: b, path: '/' }, { name: '_ga', value: `GA1.2.${hex(10)}` }],
      } }] },
    }, null, 2);
    expect(reported(har)).toEqual([a, b]);
  });

  it('reads a Netscape cookie jar, with #HttpOnly_ lines and CRLF', () => {
    const a = hex(32).toUpperCase();
    const jar = `# Netscape HTTP Cookie File\r\n#HttpOnly_.acme.example\tTRUE\t/\tTRUE\t1767225600\tJSESSIONID\t${a}\r\n.acme.example\tTRUE\t/\tFALSE\t0\ttheme\tdark\r\n`;
    expect(reported(jar)).toEqual([a]);
  });

  it('reads cookies set by browser-automation and HTTP-client code', () => {
    const [a, b, c, d] = [b62(32), hex(40), b62(36), b62(28)];
    expect(reported(`await context.addCookies([{ name: 'csrftoken', value: '${b62(32)}' }, { name: 'sessionid', value: '${a}', domain: '.acme.example', path: '/' }]);`)).toEqual([a]);
    expect(reported(`driver.add_cookie({"name": "JSESSIONID", "value": "${b}"})`)).toEqual([b]);
    expect(reported(`driver.manage().addCookie(new Cookie("connect.sid", "${c}"));`)).toEqual([c]);
    expect(reported(`cy.setCookie('laravel_session', '${d}')\nsession.cookies.set('sid', '${a}', domain='acme.example')`)).toEqual([d, a]);
    // Reading a cookie, or setting one that is no session, is not a finding.
    expect(reported(`const v = getCookie('sessionid', '${a}')`)).toEqual([]);
    expect(reported(`cy.setCookie('theme', '${b62(20)}')`)).toEqual([]);
  });

  it('leaves short values, templates and placeholders', () => {
    expect(reported('Cookie: sessionid=abc123')).toEqual([]);
    expect(reported('Cookie: sessionid=$SESSION_ID; x=1')).toEqual([]);
    expect(reported('Set-Cookie: sessionid=<your-session-id>; Path=/')).toEqual([]);
  });
});

describe('session-cookie rule', () => {
  it('gives one finding for a cookie the generic rules also read by its name', async () => {
    const r = await scanText(`curl -H "Cookie: session_token=${b62(40)}" https://acme.example/\n`, 'run.sh', { noConfig: true });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['generic-secret']);
    const r2 = await scanText(`curl -H "Cookie: sessionid=${b62(40)}" https://acme.example/\n`, 'run.sh', { noConfig: true });
    expect(r2.findings.map((f) => f.ruleId)).toEqual(['http-session-cookie']);
  });
});

describe('findSessionCookies in code', () => {
  it('reads a cookie string assigned in code and a map of cookies', () => {
    const [a, b, c] = [b62(32), b62(32), b62(32)];
    expect(reported(`document.cookie = \`sessionid=${a}; path=/\`;\n`)).toEqual([a]);
    expect(reported(`r = requests.get(url, cookies={"csrftoken": "${b62(32)}", "sessionid": "${b}"})\n`)).toEqual([b]);
    expect(reported(`await fetch(url, { cookies: {\n  sid: '${c}',\n  theme: 'dark',\n} })\n`)).toEqual([c]);
  });
});
