// PyPI API tokens: "pypi-" + base64url (no padding) of a version-2 binary macaroon:
//   0x02 | header fields (1 location, 2 identifier) 0x00 | caveats (each: fields 0x00) 0x00 |
//   field 6 signature (32 bytes). Fields are varint type, varint length, bytes, types ascending.
import { decodeBase64, readVarint, utf8Text } from './decode.js';
import { defineValidator, type ValidationResult } from './types.js';

const LOCATIONS = ['pypi.org', 'test.pypi.org'];

type Section = Map<number, Uint8Array>;

function readSection(b: Uint8Array, start: number): { fields: Section; next: number } | undefined {
  const fields: Section = new Map();
  let pos = start;
  let last = 0;
  for (;;) {
    const type = readVarint(b, pos);
    if (!type) return undefined;
    pos = type.next;
    if (type.value === 0) return { fields, next: pos };
    if (type.value <= last || type.value > 6) return undefined;
    last = type.value;
    const len = readVarint(b, pos);
    if (!len || len.next + len.value > b.length) return undefined;
    fields.set(type.value, b.subarray(len.next, len.next + len.value));
    pos = len.next + len.value;
  }
}

function fail(reason: string): ValidationResult {
  return { ok: false, reason };
}

export const pypiMacaroon = defineValidator({
  name: 'pypi-macaroon',
  description: 'base64url v2 macaroon with location pypi.org or test.pypi.org, an identifier and a 32-byte signature',
  validate(secret) {
    try {
      const body = secret.startsWith('pypi-') ? secret.slice(5) : secret;
      const b = decodeBase64(body, 'url');
      if (!b || b.length < 40) return fail('not base64url or too short for a macaroon');
      if (b[0] !== 0x02) return fail('not a version 2 macaroon');
      const header = readSection(b, 1);
      if (!header) return fail('malformed macaroon header');
      const locBytes = header.fields.get(1);
      const location = locBytes ? utf8Text(locBytes) : undefined;
      if (location === undefined || !LOCATIONS.includes(location)) return fail('macaroon location is not a PyPI host');
      const id = header.fields.get(2);
      if (!id || id.length === 0) return fail('macaroon has no identifier');
      let pos = header.next;
      let caveats = 0;
      for (;;) {
        if (pos >= b.length) return fail('truncated macaroon (no signature)');
        if (b[pos] === 0) {
          pos++;
          break;
        }
        const c = readSection(b, pos);
        if (!c || !c.fields.has(2)) return fail('malformed caveat');
        caveats++;
        pos = c.next;
      }
      const sigType = readVarint(b, pos);
      if (!sigType || sigType.value !== 6) return fail('no signature field');
      const sigLen = readVarint(b, sigType.next);
      if (!sigLen || sigLen.value !== 32) return fail('signature is not 32 bytes');
      if (sigLen.next + 32 !== b.length) return fail('bytes after the signature, or signature truncated');
      return { ok: true, notes: [`PyPI macaroon for ${location}, ${caveats} caveat${caveats === 1 ? '' : 's'}`] };
    } catch {
      return fail('malformed macaroon');
    }
  },
});
