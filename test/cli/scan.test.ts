// End-to-end: the built CLI on real temp trees.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { base62, githubToken, oneCharOff } from '../helpers/tokens.js';

describe('keyhound scan (CLI)', () => {
  it('finds a checksum-valid token, reports it masked, exits 1', () => {
    const tok = githubToken();
    const dir = makeTree({ 'src/app.ts': `// config\nconst token = "${tok}";\n`, 'README.md': 'nothing here\n' });
    const r = runCli(['scan', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('src/app.ts');
    expect(r.stdout).toContain('2:16');
    expect(r.stdout).toContain('github-pat');
    expect(r.stdout).toContain(`ghp_••••${tok.slice(-4)}`);
    expect(r.stdout + r.stderr).not.toContain(tok);
  });

  it('runs a rule with `path` only in the files it names, selected by a keyword in the path', () => {
    const pw = base62(20);
    const config = [
      'rules:',
      '  - id: acme-conf-password',
      '    name: Acme config password',
      '    keywords: [acme]',
      "    path: '(^|/)acme\\.conf$'",
      "    example_path: 'etc/acme.conf'",
      "    pattern: '^pw=(?<secret>\\S{12,})'",
      "    flags: 'm'",
      `    examples: ['pw=${base62(16)}']`,
      "    negative_examples: ['pw=short']",
      '',
    ].join('\n');
    const dir = makeTree({ '.keyhound.yaml': config, 'etc/acme.conf': `user=x\npw=${pw}\n`, 'etc/other.conf': `# acme\npw=${pw}\n` });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === 'acme-conf-password');
    expect(found.map((f: { file: string; line: number }) => [f.file, f.line])).toEqual([['etc/acme.conf', 2]]);
    // Its examples are scanned as `example_path`, and the listing shows the path.
    const test = runCli(['rules', 'test'], { cwd: dir });
    expect(test.code).toBe(0);
    expect(runCli(['rules'], { cwd: dir }).stdout).toMatch(/acme-conf-password\s+error\s+path:\(\^\|\/\)acme\\\.conf\$/);
  });

  it('reports a secret file (secrets/db_password.txt) holding one value', () => {
    const dir = makeTree({ 'secrets/db_password.txt': `${base62(20)}\n`, 'secrets/README.md': 'one file per secret\n' });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string; file: string }) => [f.rule, f.file])).toEqual([['secret-file', 'secrets/db_password.txt']]);
  });

  it('reports the password column of a CSV export row by row, at each cell', () => {
    const [a, b] = [`${base62(14)}#`, `${base62(14)}!`];
    const dir = makeTree({ 'seed/users.csv': `email,role,password\nana@acme.example,admin,${a}\nbo@acme.example,viewer,${b}\n`, 'seed/roles.csv': 'key,value\nadmin,all\n' });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string; line: number; column: number }) => [f.rule, f.file, f.line, f.column]);
    expect(found).toEqual([['csv-secret-column', 'seed/users.csv', 2, 24], ['csv-secret-column', 'seed/users.csv', 3, 24]]);
  });

  it('reads a bare value as a value in a config file and as an expression in program source', () => {
    const [a, b, c, d] = [base62(32), base62(32), `${base62(14)}#`, base62(32)];
    // Line 1 is an expression in Python (a name, however random it looks); in the .env file the
    // same text is a value.
    const dir = makeTree({
      'app/settings.py': `API_TOKEN = ${d}\napi_token = "${a}"\n# api_token = ${b}\n`,
      'deploy/app.env': `API_TOKEN = ${d}\n`,
      'db/seed.sql': `INSERT INTO users (id, login, password) VALUES (1, 'ana', '${c}');\n`,
    });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.map((f: { rule: string; file: string; line: number }) => [f.rule, f.file, f.line]);
    expect(found).toEqual([
      ['generic-secret', 'app/settings.py', 2],
      ['generic-secret', 'app/settings.py', 3],
      ['sql-insert-secret-column', 'db/seed.sql', 1],
      ['generic-secret', 'deploy/app.env', 1],
    ]);
  });

  it('drops a one-character-changed look-alike (bad checksum) and exits 0', () => {
    const dir = makeTree({ 'a.env': `GITHUB_TOKEN=${oneCharOff(githubToken())}\n` });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual([]);
    expect(report.stats.rejected['bad-checksum']).toBeGreaterThanOrEqual(1);
  });

  it('writes the JSON schema with relative / paths and no raw secret unless --unmask', () => {
    const tok = githubToken('gho_');
    const dir = makeTree({ 'deep/dir/x.yaml': `a: 1\noauth: ${tok}\n` });
    const r = runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings[0];
    expect(f).toMatchObject({ file: 'deep/dir/x.yaml', line: 2, column: 8, severity: 'error' });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(f.masked).toBe(`gho_••••${tok.slice(-4)}`);
    expect(r.stdout).not.toContain(tok);
    expect(f.secret).toBeUndefined();
    const u = JSON.parse(runCli(['scan', dir, '--format', 'json', '--unmask']).stdout);
    expect(u.findings[0].secret).toBe(tok);
  });

  it('--output writes the report to a file', () => {
    const dir = makeTree({ 'k.txt': `token ${githubToken()}\n` });
    const out = join(dir, 'report.json');
    const r = runCli(['scan', join(dir, 'k.txt'), '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toHaveLength(1);
  });

  it('reads standard input with -', () => {
    const r = runCli(['scan', '-', '--format', 'json'], { input: `x=${githubToken('ghs_')}\n` });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].file).toBe('stdin');
  });

  it('honours .gitignore and .keyhoundignore', () => {
    const tok = githubToken();
    const dir = makeTree({
      '.gitignore': 'secret.txt\n',
      '.keyhoundignore': 'vendor/\n',
      'secret.txt': tok,
      'vendor/lib.js': tok,
      'ok.txt': 'clean',
    });
    expect(runCli(['scan', dir]).code).toBe(0);
    expect(runCli(['scan', dir, '--no-gitignore', '--format', 'json']).code).toBe(1);
  });

  it('a config adds a user rule with its own checksum and disables a built-in', () => {
    const dir = makeTree({
      '.keyhound.yaml': [
        'rules:',
        '  - id: myapp-key',
        '    name: MyApp key',
        '    keywords: [myapp_live_]',
        "    pattern: '\\b(?<secret>myapp_live_(?<body>[A-Za-z0-9]{43})(?<check>[A-Za-z0-9]{6}))\\b'",
        '    checksum: { algorithm: crc32, expect: check, encoding: base62, width: 6 }',
        "    examples: ['k = myapp_live_PCQC847HdwxKjMOWw0LD5trZZX87JEW0zYU1qvgUPot000000']",
        "    negative_examples: ['myapp_live_short']",
        'disable: [github-pat-classic]',
        '',
      ].join('\n'),
      'cfg.txt': 'placeholder',
    });
    const rules = runCli(['rules', 'test'], { cwd: dir });
    expect(rules.stdout).not.toContain('FAIL');
    expect(rules.code).toBe(0);
    const list = runCli(['rules'], { cwd: dir });
    expect(list.stdout).toContain('myapp-key');
  });

  it('exits 2 with file:line and a fix for a broken config', () => {
    const dir = makeTree({ '.keyhound.yaml': 'disable: [github-pat-classic]\nmax_filesize: 3MB\n' });
    const r = runCli(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.keyhound\.yaml:2:1: unknown key `max_filesize`.*did you mean `max_file_size`/);
  });

  it('exits 2 on an unknown format and on an unknown option', () => {
    expect(runCli(['scan', '.', '--format', 'yml']).code).toBe(2);
    const r = runCli(['scan', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
  });

  it('plain output when NO_COLOR is set; a clean tree says so', () => {
    const dir = makeTree({ 'a.txt': 'hello\n' });
    const r = runCli(['scan', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout.toLowerCase()).toContain('no');
  });

  it('reports CRLF files with the right line numbers', () => {
    const tok = githubToken();
    const dir = makeTree({ 'w.ini': `[a]\r\nb=1\r\ntoken=${tok}\r\n` });
    const f = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout).findings[0];
    expect(f).toMatchObject({ line: 3, column: 7 });
    writeFileSync(join(dir, 'w.ini'), '');
  });
});
