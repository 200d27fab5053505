// Every temporary file of a test run (the tests' own, the CLI's and git's) goes under one
// directory that is removed when the run ends, so runs leave nothing behind in the system's
// temporary directory. Workers and child processes inherit TMPDIR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'keyhound-test-run-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    if (process.env['KEYHOUND_KEEP_TEST_TMP']) return;
    rmSync(root, { recursive: true, force: true });
  };
}
