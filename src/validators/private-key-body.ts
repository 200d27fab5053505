// Private key blocks (PEM / OpenSSH / PGP armor): the base64 body must decode to the binary the
// label promises. Tolerates keys embedded in JSON or code (literal "\n" escapes), CRLF and
// indentation. Encrypted keys are still keys (noted, not rejected).
import { decodeBase64, utf8Text } from './decode.js';
import { defineValidator, type ValidationResult } from './types.js';

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/;
const OPENSSH_MAGIC = 'openssh-key-v1\0';

function fail(reason: string): ValidationResult {
  return { ok: false, reason };
}

/** Total length of the DER element at the start, or undefined when the header is malformed. */
function derLength(b: Uint8Array): number | undefined {
  if (b.length < 2) return undefined;
  const first = b[1] as number;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] as number);
  return 2 + n + len;
}

/** CRC-24 of OpenPGP ASCII armor (RFC 4880 6.1). */
export function crc24(b: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of b) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

function normalise(secret: string): string {
  return secret
    .replace(/\\+r/g, '')
    .replace(/\\+n/g, '\n')
    .replace(/\r/g, '');
}

const COMMENT_MARK = /^(?:#+|\/\/+|;+|\*|>+)/;

/**
 * A key pasted into comments or a quote (`# b3Bl…`, `// MIIE…`, ` * …`, `> …`): when every line
 * starts with the same marker, it is not key text. Base64 may start a line with `/` but not every
 * line with `//`.
 */
function uncomment(lines: string[]): string[] {
  const mark = COMMENT_MARK.exec(lines[0] ?? '')?.[0];
  if (mark === undefined || !lines.every((l) => l.startsWith(mark))) return lines;
  return lines.map((l) => l.slice(mark.length).trim()).filter((l) => l.length > 0);
}

interface Block {
  label: string | undefined;
  headers: Map<string, string>;
  body: string;
  armorCrc: string | undefined;
}

function parseBlock(text: string): Block | undefined {
  const begin = BEGIN.exec(text);
  const label = begin?.[1];
  let inner = begin ? text.slice(begin.index + begin[0].length) : text;
  if (label !== undefined) {
    const end = inner.indexOf(`-----END ${label}-----`);
    if (end >= 0) inner = inner.slice(0, end);
  }
  // Strip code noise around lines: quotes, string concatenation, trailing commas.
  const lines = uncomment(
    inner
      .split('\n')
      .map((l) => l.trim().replace(/^["'`]\s*/, '').replace(/\s*["'`]\s*[+,;.&]?\s*\\?$/, '').trim())
      // What is left of `"-----BEGIN …-----" +` on the BEGIN line.
      .filter((l) => l.length > 0 && !/^[+,;.&]$/.test(l)),
  );
  const headers = new Map<string, string>();
  let armorCrc: string | undefined;
  const body: string[] = [];
  for (const line of lines) {
    const h = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (h && body.length === 0) {
      headers.set((h[1] as string).toLowerCase(), h[2] as string);
      continue;
    }
    if (/^=[A-Za-z0-9+/]{4}$/.test(line)) {
      armorCrc = line.slice(1);
      continue;
    }
    body.push(line);
  }
  return { label, headers, body: body.join(''), armorCrc };
}

export const privateKeyBody = defineValidator({
  name: 'private-key-body',
  description: 'PEM/OpenSSH/PGP private key block whose base64 body decodes to a key structure',
  validate(secret) {
    try {
      const block = parseBlock(normalise(secret));
      if (!block) return fail('no key block');
      const { label, headers, body } = block;
      if (body.length < 16) return fail('key body missing or too short');
      const bytes = decodeBase64(body, 'std');
      if (!bytes || bytes.length < 12) return fail('key body is not base64');
      const notes: string[] = [];

      if (label === 'OPENSSH PRIVATE KEY') {
        if (utf8Text(bytes.subarray(0, OPENSSH_MAGIC.length)) !== OPENSSH_MAGIC) {
          return fail('OpenSSH key does not start with openssh-key-v1');
        }
        // string ciphername follows the magic: uint32 length + name
        const p = OPENSSH_MAGIC.length;
        if (bytes.length >= p + 4) {
          const n = ((bytes[p] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number);
          const cipher = n > 0 && n < 64 ? utf8Text(bytes.subarray(p + 4, p + 4 + n)) : undefined;
          if (cipher && cipher !== 'none') notes.push(`encrypted (${cipher})`);
        }
        return notes.length > 0 ? { ok: true, notes } : { ok: true };
      }

      if (label?.startsWith('PGP ')) {
        if (((bytes[0] as number) & 0x80) === 0) return fail('PGP body does not start with a packet header');
        if (block.armorCrc !== undefined) {
          const want = decodeBase64(block.armorCrc, 'std');
          const got = crc24(bytes);
          if (!want || want.length !== 3 || ((want[0] as number) << 16 | (want[1] as number) << 8 | (want[2] as number)) !== got) {
            return fail('PGP armor CRC-24 does not match');
          }
        }
        return { ok: true };
      }

      if ((headers.get('proc-type') ?? '').includes('ENCRYPTED')) {
        // Legacy OpenSSL encryption: the body is ciphertext, no DER to check.
        if (bytes.length % 8 !== 0) return fail('encrypted body is not whole cipher blocks');
        return { ok: true, notes: ['encrypted (legacy PEM)'] };
      }

      // RSA / EC / DSA / PKCS#8 (plain or encrypted): a DER SEQUENCE.
      if (bytes[0] !== 0x30) return fail('key body is not a DER SEQUENCE');
      const len = derLength(bytes);
      if (len === undefined) return fail('malformed DER length');
      if (len > bytes.length) {
        // A key cut short still leaks what is there (an RSA key's primes come before its last
        // fields); a body with less than half of its bytes is an elided documentation example.
        if (bytes.length < 64 || bytes.length * 2 < len) return fail('key body is truncated');
        notes.push(`truncated (${bytes.length} of ${len} bytes)`);
      }
      if (label === 'ENCRYPTED PRIVATE KEY') notes.push('encrypted (PKCS#8)');
      return notes.length > 0 ? { ok: true, notes } : { ok: true };
    } catch {
      return fail('malformed key block');
    }
  },
});
