// Private key blocks where code or prose puts something on every line: comment markers, string
// concatenation. Keys are generated at test time.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/index.js';

const pem = (): string =>
  (generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string).trim();

async function found(text: string): Promise<{ ruleId: string; line: number }[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'kh-pkb-'));
  const r = await scanText(text, 'input.txt', { cwd, noConfig: true });
  return r.findings.map((f) => ({ ruleId: f.ruleId, line: f.line }));
}

describe('private key blocks', () => {
  it('finds a key pasted into comments', async () => {
    for (const mark of ['# ', '// ', ' * ']) {
      const text = `config = 1\n${pem().replace(/^/gm, mark)}\n`;
      expect(await found(text), mark).toEqual([{ ruleId: 'private-key-rsa', line: 2 }]);
    }
  });

  it('finds a key built by string concatenation', async () => {
    const lines = pem().split('\n');
    const js = `const key =\n${lines.map((l) => `  "${l}\\n"`).join(' +\n')};\n`;
    const php = `$key = ${lines.map((l) => `'${l}'`).join(" .\n  ")};\n`;
    expect(await found(js)).toEqual([{ ruleId: 'private-key-rsa', line: 2 }]);
    expect(await found(php)).toEqual([{ ruleId: 'private-key-rsa', line: 1 }]);
  });

  it('reports two keys of one JSON file apart', async () => {
    const text = JSON.stringify({ primary: pem(), backup: pem() }, null, 2);
    expect(await found(text)).toEqual([
      { ruleId: 'private-key-rsa', line: 2 },
      { ruleId: 'private-key-rsa', line: 3 },
    ]);
  });

  it('does not join a placeholder and a later key', async () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n# paste your key here\n-----END RSA PRIVATE KEY-----\n\n${pem()}\n`;
    expect(await found(text)).toEqual([{ ruleId: 'private-key-rsa', line: 5 }]);
  });
});
