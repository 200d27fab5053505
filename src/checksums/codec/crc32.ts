// CRC-32/ISO-HDLC (zlib): reflected poly 0xEDB88320, init and xorout 0xFFFFFFFF.
// node:zlib has crc32() from Node 20.15 / 22.2; older Node 20 releases fall back to the table.
import * as zlib from 'node:zlib';

const TABLE = /* @__PURE__ */ (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const encoder = new TextEncoder();

/** Table implementation; exported so tests can compare it with the native one. */
export function crc32Table(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC32 of bytes, or of a string's UTF-8 encoding. Unsigned 32-bit result. */
export function crc32(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return native ? native(bytes) >>> 0 : crc32Table(bytes);
}

/** True when the fast native implementation is in use. */
export const hasNativeCrc32 = typeof native === 'function';
