// Results must not depend on the number of worker threads.
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers/cli.js';
import { githubToken, slackBotToken } from '../helpers/tokens.js';

describe('scan --threads', () => {
  it('gives identical JSON with 1 and 2 threads on a tree large enough for workers', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) {
      const body = `export const n${i} = ${i};\n`.repeat(20);
      files[`pkg${i % 7}/file${i}.ts`] = i % 9 === 0 ? `${body}const token = "${githubToken()}";\n` : i % 13 === 0 ? `SLACK=${slackBotToken()}\n${body}` : body;
    }
    const dir = makeTree(files);
    const one = runCli(['scan', dir, '--format', 'json', '--threads', '1']);
    const two = runCli(['scan', dir, '--format', 'json', '--threads', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(a.findings.length).toBe(23 + 14); // multiples of 9, and of 13 but not 9
    expect(b.findings).toEqual(a.findings);
    expect(b.stats.files_scanned).toBe(a.stats.files_scanned);
  });

  it('rejects a bad thread count', () => {
    expect(runCli(['scan', '.', '--threads', '0']).code).toBe(2);
  });
});
