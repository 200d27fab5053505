// Fuzz the file source and engine with random bytes and names in a temp dir: a scan never throws
// and every file is either scanned or counted as skipped.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';

const nameArb = fc
  .oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('a b', 'ü', '日本', 'x.png', 'y.min.js', 'z.lock', 'w.zip'))
  .map((s) => `f${s.replace(/[/\0]/g, '_')}`)
  .filter((s) => Buffer.byteLength(s) < 200);
const textArb = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom('ghp_', 'xoxb-', 'AKIA', 'password = "', '-----BEGIN RSA PRIVATE KEY-----\n', 'eyJ', '=', '\n', 'Zm9v', '%41', 'aGVsbG8=', ' '), { maxLength: 60 }).map((a) => a.join('')),
);
const contentArb = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  textArb.map((s) => Buffer.from(s, 'utf8')),
  textArb.map((s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])),
);
const treeArb = fc.uniqueArray(fc.tuple(fc.constantFrom('', 'd1/', 'd1/d2/', 'e f/'), nameArb, contentArb), {
  minLength: 1,
  maxLength: 25,
  selector: ([dir, name]) => (dir + name).toLowerCase(),
});

describe('file source fuzz', () => {
  it('random binary and text files: never throws, counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, async (entries) => {
        const dir = mkdtempSync(join(tmpdir(), 'keyhound-fuzz-'));
        try {
          // A file and a directory of the same name cannot both exist: drop such clashes.
          const dirs = new Set(entries.flatMap(([d]) => (d ? [d.slice(0, -1), ...(d.includes('/d2') ? ['d1'] : [])] : [])));
          const files = entries.filter(([d, n]) => !dirs.has(d + n));
          for (const [d, n, content] of files) {
            mkdirSync(join(dir, d), { recursive: true });
            writeFileSync(join(dir, d, n), content);
          }
          const r = await scan({ paths: [dir], cwd: dir, noConfig: true, gitignore: false, threads: 1 });
          const s = r.stats;
          const skipped = s.skipped.binary + s.skipped.tooLarge + s.skipped.unreadable + s.skipped.other;
          expect(s.filesScanned + skipped).toBe(files.length);
          for (const f of r.findings) {
            expect(f.line).toBeGreaterThanOrEqual(1);
            expect(f.column).toBeGreaterThanOrEqual(1);
            expect(f.secret).toBeUndefined();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
