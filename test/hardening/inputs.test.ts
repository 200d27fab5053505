// Hostile and odd inputs: huge single lines, bad encodings, special files, loops, odd names,
// big files read in pieces, files that vanish. The scan finishes and reports what it skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFile } from '../../src/engine/file-detect.js';
import { RuleSet } from '../../src/engine/ruleset.js';
import { emptyStats } from '../../src/engine/types.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { BIN, makeTree, runCli, SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { githubToken } from '../helpers/tokens.js';

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
}

function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

describe('huge and oddly encoded files', () => {
  it('a 10 MB single-line file: finishes, secrets at the right columns (also past the first piece)', () => {
    const size = 10 * 1024 * 1024 - 100;
    const buf = Buffer.alloc(size, 'x');
    const cols = [100, 5_000_000, size - 200];
    const tokens = cols.map(() => githubToken());
    cols.forEach((c, i) => Buffer.from(` ${tokens[i]} `).copy(buf, c - 2));
    const dir = makeTree({ 'one-line.min.js': buf });
    const t = performance.now();
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(performance.now() - t).toBeLessThan(60_000);
    expect(r.code).toBe(1);
    const f = findings(r.stdout);
    expect(f.map((x) => [x.line, x.column])).toEqual(cols.map((c) => [1, c]));
    // --unmask shows which token sits where: the column is that token's.
    const u = runCli(['scan', '.', '--format', 'json', '--unmask'], { cwd: dir });
    expect((JSON.parse(u.stdout).findings as Array<{ secret: string }>).map((x) => x.secret)).toEqual(tokens);
  });

  it('invalid UTF-8 around a secret: still found', () => {
    const token = githubToken();
    const bad = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0x0a]), Buffer.from(`token = "${token}"\n`), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]);
    const dir = makeTree({ 'bad-utf8.txt': bad });
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((x) => [x.file, x.line, x.column])).toEqual([['bad-utf8.txt', 2, 10]]);
  });

  it.each([
    ['utf16le', Buffer.from([0xff, 0xfe])],
    ['utf16be', Buffer.from([0xfe, 0xff])],
  ])('%s with a BOM: decoded, secret on the right line and column', (enc, bom) => {
    const token = githubToken();
    const text = `first line\r\nsecond = "${token}"\r\n`;
    let body = Buffer.from(text, 'utf16le');
    if (enc === 'utf16be') body = Buffer.from(body).swap16();
    const dir = makeTree({ 'wide.txt': Buffer.concat([bom, body]) });
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((x) => [x.line, x.column])).toEqual([[2, 11]]);
  });

  it.each(['utf16le', 'utf16be'])('%s without a BOM (.NET Encoding.Unicode): decoded, not skipped as binary', (enc) => {
    const token = githubToken();
    let body = Buffer.from(`first line\r\nsecond = "${token}"\r\n`, 'utf16le');
    if (enc === 'utf16be') body = Buffer.from(body).swap16();
    const dir = makeTree({ 'wide.ps1': body });
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((x) => [x.file, x.line, x.column])).toEqual([['wide.ps1', 2, 11]]);
  });

  it('a 50 MB file with --max-file-size 100MB is read in pieces: found, memory well under 3x the file', () => {
    const token = githubToken();
    const line = `${'const filler = "lorem ipsum dolor sit amet";'.padEnd(99, ' ')}\n`;
    const lines = Math.ceil((50 * 1024 * 1024) / line.length);
    const dir = makeTree({});
    const at = Math.floor(lines * 0.7);
    const head = Buffer.from(line.repeat(at));
    const tail = Buffer.from(line.repeat(lines - at - 1));
    writeFileSync(join(dir, 'big.txt'), Buffer.concat([head, Buffer.from(`key = "${token}"\n`), tail]));
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const cmd = timeBin ? [timeBin, '-v', process.execPath, BIN] : [process.execPath, BIN];
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), 'scan', 'big.txt', '--max-file-size', '100MB', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26, timeout: SPAWN_TIMEOUT_MS });
    expect(r.status).toBe(1);
    expect(findings(r.stdout).map((x) => [x.line, x.column])).toEqual([[at + 1, 8]]);
    if (timeBin) {
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
      console.log(`50 MB file: peak RSS ${(kb / 1024).toFixed(0)} MB`);
      expect(kb).toBeGreaterThan(0);
      expect(kb * 1024).toBeLessThan(150 * 1024 * 1024);
    }
    // Without the raised limit the file is skipped as too large, and says so.
    const small = runCli(['scan', 'big.txt', '--verbose'], { cwd: dir });
    expect(small.code).toBe(0);
    expect(small.stderr).toMatch(/skipped big\.txt: too-large/);
  });
});

describe('special files and odd trees', () => {
  it('FIFOs and device symlinks are skipped (no hang), symlink loops end, the rest is scanned', () => {
    const token = githubToken();
    const dir = makeTree({ 'sub/keep.txt': `t = "${token}"\n` });
    expect(spawnSync('mkfifo', [join(dir, 'fifo')], { timeout: SPAWN_TIMEOUT_MS }).status).toBe(0);
    symlinkSync('/dev/zero', join(dir, 'zero'));
    symlinkSync('/dev/null', join(dir, 'null'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('.', join(dir, 'sub', 'here'));
    mkdirSync(join(dir, 'a'));
    symlinkSync(join(dir, 'b'), join(dir, 'a', 'to-b'));
    mkdirSync(join(dir, 'b'));
    symlinkSync(join(dir, 'a'), join(dir, 'b', 'to-a'));
    const t = performance.now();
    const r = runCli(['scan', '.', '--format', 'json', '--verbose'], { cwd: dir });
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((x) => x.file)).toEqual(['sub/keep.txt']);
    expect(r.stderr).toMatch(/skipped fifo: special \(FIFO\)/);
    expect(r.stderr).toMatch(/skipped zero: /);
    expect(r.stderr).toMatch(/skipped null: /);
  });

  it('a FIFO named on the command line is skipped, not waited on', () => {
    const dir = makeTree({});
    spawnSync('mkfifo', [join(dir, 'pipe')], { timeout: SPAWN_TIMEOUT_MS });
    const r = runCli(['scan', 'pipe', '--verbose'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pipe: special/);
  });

  it('names with spaces, newlines and non-ASCII are scanned and reported as they are', () => {
    const names = ['a file with spaces.txt', 'new\nline.txt', 'ünïcødé-日本.txt', 'tab\there.txt'];
    const files: Record<string, string> = {};
    for (const n of names) files[`d/${n}`] = `t = "${githubToken()}"\n`;
    const dir = makeTree(files);
    const r = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((x) => x.file).sort()).toEqual(names.map((n) => `d/${n}`).sort());
    // The text report stays one finding per entry, the newline does not break the layout.
    const text = runCli(['scan', '.'], { cwd: dir });
    expect(text.stdout).toContain('ünïcødé-日本.txt');
  });
});

describe('files that vanish', () => {
  it('a file listed and then deleted before it is read: skipped as unreadable, no throw', () => {
    const dir = makeTree({ 'gone.txt': 'soon gone\n' });
    const abs = join(dir, 'gone.txt');
    unlinkSync(abs);
    const stats = emptyStats();
    const out = detectFile({ abs, path: 'gone.txt' }, new RuleSet(builtinRules()), 1 << 20, stats);
    expect(out.skip).toEqual({ reason: 'unreadable', detail: 'ENOENT' });
    expect(out.detected).toEqual([]);
  });

  it('files deleted while a scan runs: the scan finishes, counts add up, exit by findings', async () => {
    const files: Record<string, string> = {};
    const n = 3000;
    for (let i = 0; i < n; i++) files[`f/${i}.txt`] = `const v${i} = ${i};\n`.repeat(50);
    files['keep/secret.txt'] = `t = "${githubToken()}"\n`;
    const dir = makeTree(files);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'scan', '.', '--format', 'json', '--threads', '2'], { cwd: dir });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Delete from the end of the list while the scan walks from the start.
    await new Promise((r) => setTimeout(r, 150));
    for (let i = n - 1; i >= n / 2; i--) {
      try {
        unlinkSync(join(dir, 'f', `${i}.txt`));
      } catch {
        // already gone
      }
    }
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.findings.map((f: JsonFinding) => f.file)).toEqual(['keep/secret.txt']);
    // Every listed file is either scanned or counted as skipped (unreadable when it vanished).
    const s = out.stats;
    const skipped = Object.values(s.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(s.files_scanned + skipped).toBeLessThanOrEqual(n + 1);
    expect(s.files_scanned).toBeGreaterThanOrEqual(n / 2 + 1);
  });
});
