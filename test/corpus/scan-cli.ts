// Drives the built CLI the way a user does and parses its JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPAWN_TIMEOUT_MS } from '../helpers/cli.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/keyhound.js');

export interface ReportedFinding {
  file: string;
  line: number;
  rule: string;
  masked?: string;
}

export interface CliScan {
  status: number | null;
  stdout: string;
  stderr: string;
  findings: ReportedFinding[];
}

export function scanWithCli(dir: string): CliScan {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before this test');
  }
  const r = spawnSync(process.execPath, [BIN, 'scan', dir, '--format', 'json', '--no-config'], {
    timeout: SPAWN_TIMEOUT_MS,
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 240_000,
  });
  if (r.error) throw r.error;
  let findings: ReportedFinding[] = [];
  try {
    const doc = JSON.parse(r.stdout) as { findings?: ReportedFinding[] };
    findings = doc.findings ?? [];
  } catch {
    throw new Error(`scan did not print a JSON report (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, findings };
}
