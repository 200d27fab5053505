// End-to-end: the built CLI, real processes, real files.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeTree, runCli, SPAWN_TIMEOUT_MS } from '../helpers/cli.js';
import { verifyChecksum } from '../../src/keygen/verify.js';
import { changeAt } from './helpers.js';

const KEY_RE = /^myapp_live_[0-9A-Za-z]{49}$/;

function sha256sum(key: string): string {
  const r = spawnSync('sh', ['-c', 'printf "%s" "$1" | sha256sum', 'sh', key], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
  expect(r.status).toBe(0);
  return r.stdout.split(/\s/)[0]!;
}

describe('keyhound keygen (CLI)', () => {
  it('prints the key alone on the first line, then its sha256 and masked form', () => {
    const r = runCli(['keygen', '--prefix', 'myapp_live_']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const key = lines[0]!;
    expect(key).toMatch(KEY_RE);
    expect(verifyChecksum(key, 'myapp_live_')).toBe(true);
    expect(lines[1]).toBe('');
    expect(r.stdout).toMatch(new RegExp(`sha256 \\(store this\\) +${sha256sum(key)}\\n`));
    expect(r.stdout).toContain(`masked (for logs)    myapp_live_••••${key.slice(-4)}\n`);
    expect(r.stdout.split(key)).toHaveLength(2); // shown once
  });

  it('--quiet / --raw print only the key, for KEY=$(keyhound keygen ... --quiet)', () => {
    for (const flag of ['--quiet', '-q', '--raw']) {
      const r = runCli(['keygen', '--prefix', 'myapp_live_', flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^myapp_live_[0-9A-Za-z]{49}\n$/);
      expect(r.stderr).toBe('');
    }
    const sh = spawnSync('sh', ['-c', `KEY=$("${process.execPath}" "${BIN}" keygen --prefix x_ --quiet) && printf '[%s]' "$KEY"`], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
    expect(sh.stdout).toMatch(/^\[x_[0-9A-Za-z]{49}\]$/);
  });

  it('--json gives an object, or an array with --count > 1', () => {
    const one = runCli(['keygen', '--prefix', 'myapp_live_', '--json']);
    expect(one.code).toBe(0);
    const o = JSON.parse(one.stdout);
    expect(Object.keys(o).sort()).toEqual(['encoding', 'key', 'masked', 'prefix', 'sha256']);
    expect(o).toMatchObject({ prefix: 'myapp_live_', encoding: 'base62', sha256: sha256sum(o.key), masked: `myapp_live_••••${o.key.slice(-4)}` });
    expect(verifyChecksum(o.key)).toBe(true);

    const many = runCli(['keygen', '--prefix', 'svc_', '--json', '--count', '5', '--encoding', 'hex']);
    const arr = JSON.parse(many.stdout) as Array<{ key: string; sha256: string; encoding: string }>;
    expect(arr).toHaveLength(5);
    expect(new Set(arr.map((k) => k.key)).size).toBe(5);
    for (const k of arr) {
      expect(k.key).toMatch(/^svc_[0-9a-f]{64}[0-9A-Za-z]{6}$/);
      expect(k.encoding).toBe('hex');
      expect(verifyChecksum(k.key, 'svc_')).toBe(true);
    }
  });

  it('--count N with --quiet prints N distinct keys, each valid; base64url too', () => {
    const r = runCli(['keygen', '-p', 'b_', '-e', 'base64url', '-n', '50', '-q']);
    const keys = r.stdout.trim().split('\n');
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    for (const k of keys) {
      expect(k).toMatch(/^b_[0-9A-Za-z_-]{43}[0-9A-Za-z]{6}$/);
      expect(verifyChecksum(k)).toBe(true);
    }
  });

  it('bad prefixes and bad usage exit 2 with one clear line and no key', () => {
    const cases: Array<[string[], RegExp]> = [
      [['keygen'], /--prefix is required/],
      [['keygen', '--prefix', 'myapp'], /does not end with `_`/],
      [['keygen', '--prefix', 'MyApp_'], /a-z, 0-9/],
      [['keygen', '--prefix', 'my-app_'], /a-z, 0-9/],
      [['keygen', '--prefix', '_x_'], /start with a letter or digit/],
      [['keygen', '--prefix', 'a'], /1 characters/],
      [['keygen', '--prefix', `${'a'.repeat(40)}_`], /41 characters/],
      [['keygen', '--prefix', 'a_', '--encoding', 'base32'], /--encoding/],
      [['keygen', '--prefix', 'a_', '--count', '0'], /--count/],
      [['keygen', '--prefix', 'a_', '--count', 'lots'], /--count/],
      [['keygen', '--prefix', 'a_', '--rule', '--json'], /--rule/],
      [['keygen', '--prefix', 'a_', '--bogus'], /bogus/],
    ];
    for (const [args, msg] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stderr, args.join(' ')).toContain('Fix:');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('keygen --rule round trip (CLI)', () => {
  for (const encoding of ['base62', 'base64url', 'hex']) {
    it(`${encoding}: a scan with the emitted rule finds a minted key and ignores it with one character changed`, () => {
      const rule = runCli(['keygen', '--prefix', 'myapp_live_', '--rule', '--encoding', encoding]);
      expect(rule.code).toBe(0);
      const key = runCli(['keygen', '--prefix', 'myapp_live_', '--quiet', '--encoding', encoding]).stdout.trim();
      const dir = makeTree({ '.keyhound.yaml': rule.stdout });
      // The rule passes its own self-test (its example is repaired at test time).
      const selfTest = runCli(['rules', 'test'], { cwd: dir });
      expect(selfTest.stdout).toMatch(/all pass/);
      expect(selfTest.code).toBe(0);

      // Every changed position of the key is a look-alike that must be dropped.
      const positions = [11, 20, key.length - 7, key.length - 1];
      writeFileSync(join(dir, 'real.env'), `# service\nMYAPP_TOKEN = "${key}"\n`);
      positions.forEach((p, i) => writeFileSync(join(dir, `fake${i}.env`), `MYAPP_TOKEN = "${changeAt(key, p)}"\n`));
      const r = runCli(['scan', dir, '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string; line: number; masked: string; notes: string[] }>; stats: { rejected: Record<string, number> } };
      const mine = report.findings.filter((f) => f.rule === 'myapp-live-key');
      expect(mine).toEqual([expect.objectContaining({ file: 'real.env', line: 2, masked: `myapp_live_••••${key.slice(-4)}`, notes: ['checksum valid'] })]);
      expect(report.findings.filter((f) => f.file.startsWith('fake'))).toEqual([]);
      // 4 look-alikes + the example shape in .keyhound.yaml
      expect(report.stats.rejected['bad-checksum']).toBeGreaterThanOrEqual(positions.length + 1);
      expect(r.stdout).not.toContain(key);
    });
  }
});

describe('keyhound hash (CLI)', () => {
  it('prints the same hash as sha256sum, with one trailing newline stripped', () => {
    const key = runCli(['keygen', '--prefix', 'myapp_live_', '-q']).stdout.trim();
    const expected = sha256sum(key);
    for (const input of [key, `${key}\n`, `${key}\r\n`]) {
      const r = runCli(['hash'], { input });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${expected}\n`);
      expect(r.stdout + r.stderr).not.toContain(key);
    }
    const viaShell = spawnSync('sh', ['-c', `printf '%s\\n' "$1" | "${process.execPath}" "${BIN}" hash`, 'sh', key], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
    expect(viaShell.stdout).toBe(`${expected}\n`);
  });

  it('refuses a key in the arguments without echoing it, and empty input (exit 2)', () => {
    const r = runCli(['hash', 'myapp_live_notakey']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no arguments/);
    expect(r.stderr).not.toContain('notakey');
    const empty = runCli(['hash'], { input: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no key on standard input/);
  });

  const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS }).status === 0;
  it.skipIf(!hasScript)('on a terminal, prompts on stderr and does not echo the key', async () => {
    const key = 'myapp_live_typed_on_a_terminal';
    const child = spawn('script', ['-qec', `"${process.execPath}" "${BIN}" hash`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no prompt; got ${JSON.stringify(out)}`)), 10_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('input hidden')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // The prompt is written after raw mode is on, so what we type now is not echoed.
    child.stdin.write(`${key}\r`);
    expect(await done).toBe(0);
    expect(out).toContain(sha256sum(key));
    expect(out).not.toContain(key);
  }, 20_000);
});
