import { describe, it, expect } from 'vitest';
import { decodeText, detectEncoding, looksBinary, SNIFF_BYTES } from '../../src/sources/decode.js';

const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const body = Buffer.from(s, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};

describe('decodeText', () => {
  it('decodes plain UTF-8 and keeps CRLF', () => {
    expect(decodeText(Buffer.from('a = "ü"\r\nb = 2\r\n'))).toBe('a = "ü"\r\nb = 2\r\n');
  });

  it('strips a UTF-8 BOM so columns start at the first real character', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('key=value')]);
    expect(detectEncoding(buf)).toBe('utf8-bom');
    expect(decodeText(buf)).toBe('key=value');
  });

  it('decodes UTF-16LE with a BOM, including astral characters', () => {
    const text = 'token: ghp_x ünï 🎉\r\nnext';
    expect(detectEncoding(utf16le(text))).toBe('utf16le');
    expect(decodeText(utf16le(text))).toBe(text);
  });

  it('decodes UTF-16BE with a BOM without changing the caller buffer', () => {
    const text = 'AWS_SECRET=abc ✓';
    const buf = utf16be(text);
    const copy = Buffer.from(buf);
    expect(detectEncoding(buf)).toBe('utf16be');
    expect(decodeText(buf)).toBe(text);
    expect(buf.equals(copy)).toBe(true);
  });

  it('recognises UTF-16 without a BOM by its NUL high bytes, and decodes it', () => {
    const text = '$env:DEPLOY_TOKEN = "ghp_x"\r\n# déploiement\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(le)).toBe('utf16le-bare');
    expect(decodeText(le)).toBe(text);
    expect(detectEncoding(be)).toBe('utf16be-bare');
    expect(decodeText(be)).toBe(text);
    expect(looksBinary(le)).toBe(false);
    expect(looksBinary(be)).toBe(false);
  });

  it('does not take binary data with a NUL in every other byte for UTF-16', () => {
    // 16-bit samples below 256: NUL high bytes, but the low bytes are not text.
    const samples = Buffer.alloc(4096);
    for (let i = 0; i < samples.length; i += 2) samples[i] = (i * 37) % 256;
    expect(detectEncoding(samples)).toBe('utf8');
    expect(looksBinary(samples)).toBe(true);
    // Too short to tell, and a NUL among the characters.
    expect(looksBinary(Buffer.from('short', 'utf16le'))).toBe(true);
    expect(looksBinary(Buffer.from(`${'a'.repeat(40)}\u0000${'b'.repeat(40)}`, 'utf16le'))).toBe(true);
  });

  it('marks a dangling odd byte of UTF-16 text instead of throwing', () => {
    expect(decodeText(Buffer.concat([utf16le('ab'), Buffer.from([0x41])]))).toBe('ab\ufffd');
    expect(decodeText(Buffer.concat([utf16be('ab'), Buffer.from([0x41])]))).toBe('ab\ufffd');
  });

  it('replaces invalid UTF-8 sequences one by one and keeps the text around them in place', () => {
    const buf = Buffer.concat([Buffer.from('abc'), Buffer.from([0xff]), Buffer.from('def'), Buffer.from([0xc3])]);
    const text = decodeText(buf);
    expect(text).toBe('abc\ufffddef\ufffd');
    expect(text.indexOf('def')).toBe(4);
  });

  it('handles an empty buffer and a lone BOM', () => {
    expect(decodeText(Buffer.alloc(0))).toBe('');
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf]))).toBe('');
    expect(decodeText(Buffer.from([0xff, 0xfe]))).toBe('');
  });
});

describe('looksBinary', () => {
  it('flags a NUL byte in the first 8 KB', () => {
    expect(looksBinary(Buffer.from('PK\u0003\u0004\u0000\u0000data'))).toBe(true);
    const late = Buffer.alloc(SNIFF_BYTES - 1, 0x61);
    expect(looksBinary(Buffer.concat([late, Buffer.from([0])]))).toBe(true);
  });

  it('ignores a NUL byte beyond the first 8 KB', () => {
    const buf = Buffer.concat([Buffer.alloc(SNIFF_BYTES, 0x61), Buffer.from([0])]);
    expect(looksBinary(buf)).toBe(false);
  });

  it('does not flag UTF-16 text (full of NULs) when it has a BOM', () => {
    expect(looksBinary(utf16le('hello world'))).toBe(false);
    expect(looksBinary(utf16be('hello world'))).toBe(false);
    expect(looksBinary(Buffer.from('hello world', 'utf16le'))).toBe(true); // no BOM: not told apart
  });

  it('does not flag empty or plain text', () => {
    expect(looksBinary(Buffer.alloc(0))).toBe(false);
    expect(looksBinary(Buffer.from('just text\n'))).toBe(false);
  });
});
