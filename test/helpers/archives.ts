// Archives built at test time: zip (stored or deflated, optionally marked encrypted), ustar tar
// (long names as GNU `L` or pax `x` records) and gzip. Written to the formats' specifications;
// the end-to-end tests also use Python's zipfile/tarfile, which real users' archives come from.
import { deflateRawSync, gzipSync } from 'node:zlib';
import { crc32 } from '../../src/checksums/codec/crc32.js';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  method?: 0 | 8;
  /** Set the "encrypted" flag (the data is left as is). */
  encrypted?: boolean;
}

/** A little-endian record of `size` bytes from [offset, width, value] fields. */
function record(size: number, fields: Array<[number, 2 | 4, number]>): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, v] of fields) {
    if (width === 2) b.writeUInt16LE(v, at);
    else b.writeUInt32LE(v, at);
  }
  return b;
}

export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const method = e.method ?? 8;
    const packed = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x800 | (e.encrypted ? 1 : 0);
    const crc = crc32(data) >>> 0;
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [6, 2, flags], [8, 2, method], [14, 4, crc], [18, 4, packed.length], [22, 4, data.length], [26, 2, name.length]]);
    const cd = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [8, 2, flags], [10, 2, method], [16, 4, crc], [20, 4, packed.length], [24, 4, data.length], [28, 2, name.length], [42, 4, offset]]);
    locals.push(local, name, packed);
    central.push(cd, name);
    offset += local.length + name.length + packed.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, cdBytes.length], [16, 4, offset]]);
  return Buffer.concat([...locals, cdBytes, end]);
}

function tarHeader(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A ustar archive; names over 100 bytes get a GNU `L` record, or a pax `x` one with `pax`. */
export function tarOf(entries: Array<{ name: string; data: Buffer | string }>, opts: { pax?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data);
    if (Buffer.byteLength(e.name) > 100) {
      if (opts.pax) {
        const rec = ` path=${e.name}\n`;
        let len = rec.length + 2;
        if (`${len}${rec}`.length !== len) len++;
        const body = Buffer.from(`${len}${rec}`);
        parts.push(tarHeader('PaxHeader', body.length, 'x'), padded(body));
      } else {
        const body = Buffer.from(`${e.name}\0`);
        parts.push(tarHeader('././@LongLink', body.length, 'L'), padded(body));
      }
    }
    parts.push(tarHeader(e.name, data.length, '0'), padded(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const gzipOf = (data: Buffer | string): Buffer => gzipSync(Buffer.from(data));
