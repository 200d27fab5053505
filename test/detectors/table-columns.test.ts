import { describe, expect, it } from 'vitest';
import { findCsvSecrets, findMarkdownTableSecrets } from '../../src/detectors/table-columns.js';
import { b62, pw } from './random.js';

const reported = (text: string): string[] => findCsvSecrets(text).filter((h) => !h.dropped).map((h) => text.slice(h.start, h.end));
const reportedMd = (text: string): string[] => findMarkdownTableSecrets(text).filter((h) => !h.dropped).map((h) => text.slice(h.start, h.end));

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

describe('findMarkdownTableSecrets', () => {
  it('reports the cells of a password column, without backticks, at their offsets', () => {
    const [a, b] = [pw(16), pw(16)];
    const text = `# Staging\n\n| Role | **Password** | Notes |\n|:-----|:-:|---|\n| admin | \`${a}\` | rotate monthly |\n| viewer |  ${b}  | |\n\nText after.\n`;
    expect(reportedMd(text)).toEqual([a, b]);
  });

  it('reads tables without outer pipes and with one-hyphen delimiters, and several tables', () => {
    const [a, b] = [b62(32), b62(32)];
    const text = `Service | API key\n- | -\nbilling | ${a}\n\n| Name | Value |\n|---|---|\n| x | ${b62(32)} |\n\n| App | Client Secret |\n|---|---|\n| web | ${b} |\n`;
    expect(reportedMd(text)).toEqual([a, b]);
  });

  it('leaves escaped pipes inside a cell, rows of another width and front matter', () => {
    const a = pw(16);
    expect(reportedMd(`| User | Password |\n|---|---|\n| a\\|b | ${a} |\n`)).toEqual([a]);
    expect(reportedMd(`| User | Password |\n|---|---|\n| admin | ${a} | extra |\n`)).toEqual([]);
    expect(reportedMd(`title: x | y\n---\npassword | ${a}\n`)).toEqual([]);
  });

  it('leaves option tables and placeholders', () => {
    expect(reportedMd('| Option | Description |\n|---|---|\n| `--password` | Reads the password from a prompt |\n')).toEqual([]);
    expect(reportedMd('| User | Password |\n|---|---|\n| admin | `<your password>` |\n| test | changeme |\n')).toEqual([]);
  });
});
