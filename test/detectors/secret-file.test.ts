// A file named for a secret that holds one value: the name is the assignment.
import { describe, expect, it } from 'vitest';
import { findSecretFile, secretFileName } from '../../src/detectors/secret-file.js';
import { scanText } from '../../src/scan.js';
import { b62 } from './random.js';

describe('secret-file detector', () => {
  it('reads the name a file gives its content', () => {
    expect(secretFileName('secrets/db_password.txt')).toBe('db_password');
    expect(secretFileName('.vault_pass')).toBe('vault_pass');
    expect(secretFileName('conf/github_token')).toBe('github_token');
    expect(secretFileName('src/auth/AuthError.mjs.map')).toBeUndefined();
    expect(secretFileName('lib/token.js')).toBeUndefined();
    expect(secretFileName('config/master.key')).toBe('master_key');
    expect(secretFileName('deploy.token')).toBe('deploy_token');
  });

  it('finds one random value in a file named for a secret', () => {
    const value = b62(24);
    for (const path of ['secrets/db_password.txt', '.vault_pass', 'run/secrets/api_key', 'github_token', 'config/master.key']) {
      expect(findSecretFile(`${value}\n`, path), path).toEqual([{ start: 0, end: value.length }]);
    }
    expect(findSecretFile(`\n  ${value}  \n`, 'db_password')).toEqual([{ start: 3, end: 3 + value.length }]);
  });

  it('leaves other names, code, data and more than one value alone', () => {
    const value = b62(24);
    for (const path of ['notes.txt', 'key_version', 'auth.js.map', 'monkey.txt', 'keys/public.key']) expect(findSecretFile(value, path), path).toEqual([]);
    for (const text of [`${value}\n${b62(24)}\n`, `password=${value}`, `{"v":"${value}"}`, 'v1.2.3', `${value}`.repeat(20)]) {
      expect(findSecretFile(text, 'db_password.txt'), text).toEqual([]);
    }
  });

  it('calls a placeholder a look-alike', () => {
    expect(findSecretFile('changeme-please-0000\n', 'db_password.txt')).toEqual([{ start: 0, end: 20, dropped: 'placeholder' }]);
  });

  it('runs only where the path selects it, through the engine', async () => {
    const value = b62(24);
    const hit = await scanText(`${value}\n`, 'secrets/db_password.txt', { noConfig: true });
    expect(hit.findings.map((f) => f.ruleId)).toEqual(['secret-file']);
    const miss = await scanText(`${value}\n`, 'notes.txt', { noConfig: true });
    expect(miss.findings).toEqual([]);
  });
});
