// Secrets inside archives, through the built CLI: archives made by Python's zipfile and tarfile
// (as users' tools make them), in a directory scan, a blocked commit and a history scan.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { javaKeyStoreShape } from '../helpers/key-files.js';
import { slackBotToken } from '../helpers/tokens.js';
import { gitRepo, keyhound } from '../git/repo.js';

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  masked: string;
  commit?: string;
}
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
const sorted = (stdout: string) => findings(stdout).map((f) => `${f.file}:${f.line} ${f.rule}`).sort();

/** Build archives in `dir` with Python: release.zip (a .env), app.war (a jar holding properties), backup.tar.gz (a key store). */
function pythonArchives(dir: string, token: string): void {
  writeFileSync(join(dir, 'release.keystore.bin'), javaKeyStoreShape([1]));
  const script = `
import io, sys, tarfile, zipfile
tok = sys.argv[1]
with zipfile.ZipFile('release.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('config/.env', 'APP=demo\\nSLACK_TOKEN=' + tok + '\\n')
    z.writestr('README.txt', 'nothing here\\n')
jar = io.BytesIO()
with zipfile.ZipFile(jar, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('BOOT-INF/classes/application.properties', 'server.port=8080\\nslack.token=' + tok + '\\n')
with zipfile.ZipFile('app.war', 'w', zipfile.ZIP_STORED) as w:
    w.writestr('WEB-INF/lib/app.jar', jar.getvalue())
with tarfile.open('backup.tar.gz', 'w:gz') as t:
    t.add('release.keystore.bin', 'home/ci/release.keystore')
`;
  execFileSync('python3', ['-c', script, token], { cwd: dir });
}

describe('archives', () => {
  it('a directory scan reports secrets inside zip, nested war/jar and tar.gz, as archive!/entry:line', () => {
    const tok = slackBotToken();
    const dir = makeTree({ 'src/app.js': 'console.log(1)\n' });
    pythonArchives(dir, tok);
    const r = runCli(['scan', '.', '--format', 'json', '--no-config'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(tok);
    expect(sorted(r.stdout)).toEqual([
      'app.war!/WEB-INF/lib/app.jar!/BOOT-INF/classes/application.properties:2 slack-bot-token',
      'backup.tar.gz!/home/ci/release.keystore:1 java-keystore-file',
      'release.keystore.bin:1 java-keystore-file',
      'release.zip!/config/.env:2 slack-bot-token',
    ]);
    // One layer: the jar inside the war stays closed; none: archives are skipped as binary.
    expect(sorted(runCli(['scan', '.', '--format', 'json', '--no-config', '--max-archive-depth', '1'], { cwd: dir }).stdout)).toHaveLength(3);
    const off = runCli(['scan', '.', '--no-config', '--max-archive-depth', '0', '--format', 'json'], { cwd: dir });
    expect(sorted(off.stdout)).toEqual(['release.keystore.bin:1 java-keystore-file']);
    const bad = runCli(['scan', '.', '--max-archive-depth', 'deep'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-archive-depth');
  });

  it('honours max_archive_depth in the config and allowlists archive entries by path', () => {
    const tok = slackBotToken();
    const dir = makeTree({ '.keyhound.yaml': "max_archive_depth: 1\nallowlist:\n  - reason: fixture archive\n    paths: ['release.zip!/config/*']\n" });
    pythonArchives(dir, tok);
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(sorted(r.stdout)).toEqual(['backup.tar.gz!/home/ci/release.keystore:1 java-keystore-file', 'release.keystore.bin:1 java-keystore-file']);
  });

  it('lists an entry it did not read (over the size limit) with --verbose', () => {
    const dir = makeTree({});
    execFileSync('python3', ['-c', "import zipfile\nwith zipfile.ZipFile('big.zip','w',zipfile.ZIP_DEFLATED) as z: z.writestr('dump.sql', 'x' * 3000000)"], { cwd: dir });
    const r = runCli(['scan', '.', '--no-config', '--verbose', '--max-file-size', '1MB'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped big.zip!/dump.sql: too-large');
  });

  it('the pre-commit hook blocks a commit that adds a zip holding a secret; a history scan finds it after deletion', () => {
    const tok = slackBotToken();
    const g = gitRepo();
    expect(keyhound(['init'], g.dir).code).toBe(0);
    pythonArchives(g.dir, tok);
    g.run(['add', 'release.zip']);
    const c = g.run(['commit', '-q', '-m', 'add release'], { allowFail: true });
    expect(c.code).not.toBe(0);
    expect(c.stdout + c.stderr).toContain('release.zip!/config/.env');
    expect(c.stdout + c.stderr).not.toContain(tok);
    const added = g.commit('add release anyway');
    g.run(['rm', '-q', 'release.zip']);
    g.commit('remove it');
    const h = keyhound(['scan', '--git', '.', '--format', 'json'], g.dir);
    expect(h.code).toBe(1);
    const mine = findings(h.stdout).filter((f) => f.file.startsWith('release.zip!/'));
    expect(mine.map((f) => `${f.file}:${f.line} ${f.rule} ${f.commit}`)).toEqual([`release.zip!/config/.env:2 slack-bot-token ${added}`]);
  });

  it('a changed archive adds only its new or changed entries: to the hook and in history', () => {
    const tok = slackBotToken();
    const tok2 = slackBotToken();
    const g = gitRepo();
    // The same zip, rewritten by Python each time with the given entries.
    const zip = (entries: Record<string, string>) =>
      execFileSync('python3', ['-c', "import json, sys, zipfile\nwith zipfile.ZipFile('bundle.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n    for k, v in json.loads(sys.argv[1]).items(): z.writestr(k, v)", JSON.stringify(entries)], { cwd: g.dir });
    zip({ '.env': `SLACK_TOKEN=${tok}\n`, 'notes.txt': 'v1\n' });
    const first = g.commit('bundle v1');
    zip({ '.env': `SLACK_TOKEN=${tok}\n`, 'notes.txt': 'v2\n' });
    g.run(['add', '.']);
    const unchanged = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(unchanged.stderr).toBe('');
    expect(findings(unchanged.stdout)).toEqual([]);
    g.commit('bundle v2');
    zip({ '.env': `SLACK_TOKEN=${tok}\n`, 'notes.txt': 'v2\n', 'deploy/.env': `SLACK_TOKEN=${tok2}\n` });
    g.run(['add', '.']);
    const added = keyhound(['scan', '--staged', '--format', 'json'], g.dir);
    expect(added.code).toBe(1);
    expect(sorted(added.stdout)).toEqual(['bundle.zip!/deploy/.env:1 slack-bot-token']);
    const third = g.commit('bundle v3');
    const h = keyhound(['scan', '--git', '.', '--format', 'json'], g.dir);
    expect(findings(h.stdout).map((f) => `${f.file} ${f.commit}`).sort()).toEqual([`bundle.zip!/.env ${first}`, `bundle.zip!/deploy/.env ${third}`].sort());
  });
});
