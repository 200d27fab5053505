// Golden files: each format rendered from the fixed fixture, compared byte for byte with a
// reviewed file under test/golden/report/. Regenerate with KEYHOUND_UPDATE_GOLDEN=1 and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatNames, reporters } from '../../src/report/registry.js';
import type { ReportContext } from '../../src/report/types.js';
import { cleanContext, fixtureContext } from './fixtures.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'report');
const UPDATE = process.env['KEYHOUND_UPDATE_GOLDEN'] === '1';

function compare(file: string, actual: string): void {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `missing golden file ${file}`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const cases: [string, () => ReportContext][] = [
  ['findings', () => fixtureContext()],
  ['clean', () => cleanContext()],
];

/** Formats that list suppressed findings only on request; the others always carry them (json, sarif)
 *  or never do (junit, gitlab). */
const ON_REQUEST = new Set(['text', 'github', 'csv']);

function goldenName(label: string, format: string, ext: string): string {
  return ext === `.${format}` ? `${label}${ext}` : `${label}.${format}${ext}`;
}

describe('golden report files', () => {
  for (const name of formatNames) {
    const r = reporters[name];
    for (const [label, ctx] of cases) {
      it(`${name} / ${label}`, () => {
        compare(goldenName(label, name, r.fileExtension), r.render(ctx()));
      });
    }
    it(`${name} / showSuppressed`, () => {
      const shown = r.render(fixtureContext({ showSuppressed: true }));
      if (ON_REQUEST.has(name)) {
        expect(shown).not.toBe(r.render(fixtureContext()));
        compare(goldenName('suppressed', name, r.fileExtension), shown);
      } else {
        expect(shown).toBe(r.render(fixtureContext()));
      }
    });
  }
});
