import { describe, expect, it } from 'vitest';
import { findCsvSecrets } from '../../src/detectors/csv-columns.js';
import { b62, pw } from './random.js';

const reported = (text: string): string[] => findCsvSecrets(text).filter((h) => !h.dropped).map((h) => text.slice(h.start, h.end));

describe('findCsvSecrets', () => {
  it('reports each cell of a password column, at its offsets', () => {
    const [a, b] = [pw(16), pw(16)];
    const text = `email,role,password\nana@acme.example,admin,${a}\nbo@acme.example,viewer,${b}\n`;
    expect(reported(text)).toEqual([a, b]);
    expect(findCsvSecrets(text)[0]!.notes).toEqual(['column "password"']);
  });

  it('reads quoted cells holding the delimiter, doubled quotes and line breaks', () => {
    const s = b62(32);
    const text = `"name","notes","Client Secret"\r\n"billing","first line\r\nsecond, with ""quotes""","${s}"\r\n`;
    expect(reported(text)).toEqual([s]);
  });

  it('picks the delimiter: tab, semicolon, pipe, or an Excel sep= line', () => {
    const s = b62(32);
    expect(reported(`user\tapi_token\nci\t${s}\n`)).toEqual([s]);
    expect(reported(`user;api_token\nci;${s}\n`)).toEqual([s]);
    expect(reported(`user|api_token\nci|${s}\n`)).toEqual([s]);
    expect(reported(`sep=;\nuser;note, with comma;api_token\nci;x, y;${s}\n`)).toEqual([s]);
  });

  it('skips a byte order mark before the header', () => {
    const s = b62(32);
    expect(reported(`\ufeffuser,secret_key\nci,${s}\n`)).toEqual([s]);
  });

  it('reads a last row without a line break', () => {
    const s = pw(16);
    expect(reported(`user,password\nci,${s}`)).toEqual([s]);
  });

  it('leaves a bare key column (translations, settings) alone', () => {
    expect(reported(`key,value\n${b62(32)},Welcome back\n`)).toEqual([]);
  });

  it('leaves rows whose width differs from the header', () => {
    expect(reported(`email,password\nana@acme.example,${pw(16)},extra\n`)).toEqual([]);
  });

  it('drops placeholders as look-alikes and ignores non-secret columns', () => {
    const text = `email,password,password_last_changed,access_key_1_active\nana@acme.example,changeme,2024-03-01T10:22:31+00:00,true\n`;
    expect(findCsvSecrets(text)).toEqual([]);
    const marked = `email,password\nana@acme.example,Qm7#vLp2zR4w_example\n`;
    expect(findCsvSecrets(marked).map((h) => h.dropped)).toEqual(['placeholder']);
  });

  it('finds nothing without a secret column, and on words in a token column', () => {
    expect(findCsvSecrets(`id,name,email\n1,${b62(32)},a@b.example\n`)).toEqual([]);
    expect(reported(`token,lemma,pos\nrunning,run,VERB\nstatements,statement,NOUN\n`)).toEqual([]);
  });
});
