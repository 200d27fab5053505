// Small decoding helpers shared by the structural validators. All return undefined on bad input.
import { decodeBase64, decodeBase64Any, type Base64Alphabet } from '../checksums/codec/base64.js';

export { decodeBase64, decodeBase64Any, type Base64Alphabet };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A canonical UUID in text (any version), as several providers wrap into their keys. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Base64 in one alphabet that decodes to UTF-8 text (a key's payload), or undefined. */
export function base64Text(text: string, alphabet: Base64Alphabet = 'std'): string | undefined {
  const bytes = decodeBase64(text, alphabet);
  return bytes ? utf8Text(bytes) : undefined;
}

export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parse bytes as a UTF-8 JSON object (not an array or scalar). */
export function jsonObject(bytes: Uint8Array | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined;
  const text = utf8Text(bytes);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Unsigned LEB128 varint at `pos`; undefined when truncated or longer than 53 bits. */
export function readVarint(b: Uint8Array, pos: number): { value: number; next: number } | undefined {
  let value = 0;
  let mul = 1;
  for (let i = pos; i < b.length && i < pos + 8; i++) {
    const byte = b[i] as number;
    value += (byte & 0x7f) * mul;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
    mul *= 128;
  }
  return undefined;
}

export type ProtoField =
  | { field: number; wire: 0; value: number }
  | { field: number; wire: 2; bytes: Uint8Array }
  | { field: number; wire: 1 | 5; bytes: Uint8Array };

/** Parse a whole buffer as protobuf fields; undefined unless every byte is consumed. */
export function protobufFields(b: Uint8Array): ProtoField[] | undefined {
  const out: ProtoField[] = [];
  let pos = 0;
  while (pos < b.length) {
    const key = readVarint(b, pos);
    if (!key) return undefined;
    pos = key.next;
    const field = Math.floor(key.value / 8);
    const wire = key.value % 8;
    if (field === 0) return undefined;
    if (wire === 0) {
      const v = readVarint(b, pos);
      if (!v) return undefined;
      out.push({ field, wire, value: v.value });
      pos = v.next;
    } else if (wire === 2) {
      const len = readVarint(b, pos);
      if (!len || len.next + len.value > b.length) return undefined;
      out.push({ field, wire, bytes: b.subarray(len.next, len.next + len.value) });
      pos = len.next + len.value;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (pos + n > b.length) return undefined;
      out.push({ field, wire, bytes: b.subarray(pos, pos + n) });
      pos += n;
    } else {
      return undefined;
    }
  }
  return out;
}
