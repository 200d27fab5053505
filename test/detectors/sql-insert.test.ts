import { describe, expect, it } from 'vitest';
import { findSqlInsertSecrets } from '../../src/detectors/sql-insert.js';
import { scanText } from '../../src/scan.js';
import { b62, pw } from './random.js';

const reported = (text: string): string[] => findSqlInsertSecrets(text).filter((h) => !h.dropped).map((h) => text.slice(h.start, h.end));

describe('findSqlInsertSecrets', () => {
  it('reads the named column of every row of a multi-row INSERT', () => {
    const [a, b, k] = [pw(16), pw(16), b62(32)];
    expect(reported(`INSERT INTO users (id, login, password) VALUES (1, 'ana', '${a}'),\n  (2, 'bo', '${b}');`)).toEqual([a, b]);
    expect(reported(`INSERT INTO \`app\`.\`accounts\` (\`email\`, \`api_key\`) VALUES ('ops@acme.example', '${k}');`)).toEqual([k]);
    expect(findSqlInsertSecrets(`INSERT INTO t (password) VALUES ('${a}');`)[0]!.notes).toEqual(['column "password"']);
  });

  it('takes the plaintext a statement hashes, and strings with escaped quotes', () => {
    const [a, b] = [pw(16), pw(16)];
    expect(reported(`insert into admins (name, passwd) values ('root', MD5('${a}'));`)).toEqual([a]);
    expect(reported(`INSERT INTO u (n, password) VALUES ('it''s me', crypt('${b}', gen_salt('bf')));`)).toEqual([b]);
    expect(reported(`INSERT INTO u (n, password) VALUES ('it\\'s', '${a}');`)).toEqual([a]);
  });

  it('leaves other columns, parameters, placeholders, expressions and rows of another width', () => {
    const a = pw(16);
    expect(reported(`INSERT INTO u (id, login) VALUES (1, '${a}');`)).toEqual([]);
    expect(reported(`INSERT INTO u (id, password) VALUES (1, :password), (2, ?), (3, $1);`)).toEqual([]);
    expect(reported(`INSERT INTO u (id, password) VALUES (1, 'changeme');`)).toEqual([]);
    expect(reported(`INSERT INTO u (id, password) VALUES (1, CONCAT(prefix, '${a}'));`)).toEqual([]);
    expect(reported(`INSERT INTO u (id, login, password) VALUES (1, '${a}');`)).toEqual([]);
    expect(reported(`INSERT INTO settings (key, value) VALUES ('k', '${b62(32)}');`)).toEqual([]);
  });

  it('reads an INSERT after a malformed one (an unterminated quote) further on', () => {
    const a = pw(16);
    const broken = `INSERT INTO u (id, password) VALUES (1, 'never closed\n${'x'.repeat(10_000)}\n`;
    expect(reported(`${broken}INSERT INTO u (id, password) VALUES (2, '${a}');\n`)).toEqual([a]);
  });

  it('reads a row far into a one-line extended INSERT, as mysqldump writes them', async () => {
    const a = pw(16);
    const rows = Array.from({ length: 50_000 }, (_, i) => `(${i},'user${i}','${i === 45_000 ? a : 'x'}',NULL)`);
    const r = await scanText(`INSERT INTO t (id, login, password, note) VALUES ${rows.join(',')};\n`, 'dump.sql', { noConfig: true, unmask: true });
    expect(r.findings.map((f) => [f.ruleId, f.secret])).toEqual([['sql-insert-secret-column', a]]);
  });
});
