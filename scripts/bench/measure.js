// Run a command and measure its wall time and peak RSS: GNU time (-v) when present, otherwise
// polling /proc/<pid>/status VmHWM (the kernel's own high-water mark) while the process runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

// Process groups of the tools running now, so an interrupted bench can stop them.
const active = new Set();

/** Kill the process groups this module started and that are still running. */
export function killActive() {
  for (const pid of active) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  active.clear();
}

/** 'gnu-time' when /usr/bin/time -v works, else 'proc' when /proc is readable, else 'none'. */
export function rssMethod() {
  if (existsSync(GNU_TIME)) {
    const r = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /Maximum resident set size/.test(r.stderr)) return 'gnu-time';
  }
  return existsSync(`/proc/${process.pid}/status`) ? 'proc' : 'none';
}

/** Peak RSS in kB from GNU time -v output, or null. */
export function parseGnuTimeRss(text) {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** VmHWM in kB from a /proc/<pid>/status text, or null. */
export function parseVmHwm(text) {
  const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Run `cmd args` to completion, or until `timeoutMs` when given (then its process group is killed
 * and `timedOut` is true). Resolves { ms, code, signal, timedOut, rssKB (null if unknown),
 * stdout, stderr }. Output is collected in memory (callers send bulky reports to files instead).
 */
export function runMeasured(cmd, args, { cwd, env, method = 'gnu-time', timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    let tmp;
    let argv0 = cmd;
    let argv = args;
    if (method === 'gnu-time') {
      tmp = mkdtempSync(join(tmpdir(), 'kh-bench-'));
      argv0 = GNU_TIME;
      argv = ['-v', '-o', join(tmp, 'time.txt'), cmd, ...args];
    }
    const t0 = process.hrtime.bigint();
    // Own process group, so a timeout can stop the tool and anything it started (and no more).
    const child = spawn(argv0, argv, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    active.add(child.pid);
    let timedOut = false;
    const killer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }, timeoutMs);
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    let hwm = null;
    let timer;
    if (method === 'proc') {
      const poll = () => {
        try {
          const v = parseVmHwm(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (v !== null && (hwm === null || v > hwm)) hwm = v;
        } catch {
          // the process has exited between polls
        }
      };
      timer = setInterval(poll, 20);
      poll();
    }
    child.on('error', (e) => {
      active.delete(child.pid);
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      reject(new Error(`cannot run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      active.delete(child.pid);
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      let rssKB = hwm;
      if (tmp) {
        try {
          rssKB = parseGnuTimeRss(readFileSync(join(tmp, 'time.txt'), 'utf8'));
        } catch {
          rssKB = null;
        }
        rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ ms, code, signal, timedOut, rssKB, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Wall time in ms of one synchronous run (for start-up timings: nothing else in the way). */
export function timeSync(cmd, args, { cwd, env } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr };
}
