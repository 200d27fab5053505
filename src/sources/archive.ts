// Files inside archives: zip (and jar, war, whl, apk, docx, ...), tar, gzip and tar.gz. A `.env`
// zipped into a release or a properties file in a jar is committed all the same. Bounded: every
// entry by the file size limit, the whole archive by a multiple of it, and a bomb's inflation
// stops at the limit (zlib's maxOutputLength).
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { extensionOf } from './files-binary-ext.js';

export type ArchiveKind = 'zip' | 'tar' | 'gzip';

export interface ArchiveLimits {
  /** Largest entry read (bytes, after decompression). */
  maxEntryBytes: number;
  /** Bytes decompressed from one archive in all (nested archives included). */
  maxTotalBytes: number;
  /** Entries (headers) read per archive; default MAX_ARCHIVE_ENTRIES. */
  maxEntries?: number;
}

export type ArchiveItem =
  | { path: string; bytes: Buffer }
  | { path: string; skip: 'too-large' | 'encrypted' | 'unsupported'; detail: string };

/**
 * At most this many entries (headers) of one archive are read: bytes are bounded by the budget,
 * this bounds the work on millions of empty entries. A fat jar has tens of thousands.
 */
export const MAX_ARCHIVE_ENTRIES = 200_000;

const tooMany = (n: number): ArchiveItem => ({ path: '*', skip: 'too-large', detail: `more than ${n} entries: the rest not read` });

const ZIP_EXTENSIONS = new Set(['zip', 'jar', 'war', 'ear', 'aar', 'apk', 'aab', 'ipa', 'whl', 'egg', 'nupkg', 'vsix', 'xpi', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);

/** What archive the bytes are, by their magic bytes (the name only picks among them). */
export function archiveKind(bytes: Uint8Array): ArchiveKind | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x05 && bytes[3] === 0x06) return 'zip'; // empty
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length >= 512 && Buffer.from(bytes.buffer, bytes.byteOffset + 257, 5).toString('latin1') === 'ustar') return 'tar';
  return undefined;
}

/** Whether a file name says archive (then its content is read to find out). */
export function isArchivePath(path: string): boolean {
  const ext = extensionOf(path);
  return ZIP_EXTENSIONS.has(ext) || ext === 'tar' || ext === 'gz' || ext === 'tgz';
}

/** Largest entry ever inflated: 1 GiB, below every platform's Buffer limit. */
const MAX_INFLATE = 2 ** 30;

export class ArchiveBudget {
  used = 0;
  constructor(readonly limits: ArchiveLimits) {}
  /** Bytes an entry may still inflate to. */
  room(): number {
    // Capped: zlib rejects a maxOutputLength over its buffer limit, and no limit (Infinity, a
    // library caller's default) must not turn every entry into a skip.
    return Math.max(0, Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.used, MAX_INFLATE));
  }
}

/**
 * The files in an archive, in order, with their paths inside it. Entries that cannot be read
 * (over a limit, encrypted, an unknown compression) are items with a `skip` reason.
 */
export function* archiveEntries(bytes: Buffer, name: string, limits: ArchiveLimits, budget = new ArchiveBudget(limits)): Generator<ArchiveItem> {
  switch (archiveKind(bytes)) {
    case 'zip':
      yield* zipEntries(bytes, budget);
      return;
    case 'tar':
      yield* tarEntries(bytes, budget);
      return;
    case 'gzip': {
      const inner = inflate(() => gunzipSync(bytes, { maxOutputLength: budget.room() + 1 }), budget);
      const base = name.replace(/^.*\//, '');
      const innerName = base.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '') || 'data';
      if (!inner) {
        yield { path: innerName, skip: 'too-large', detail: `more than ${budget.room()} bytes decompressed` };
        return;
      }
      if (archiveKind(inner) === 'tar') yield* tarEntries(inner, budget);
      else yield { path: innerName, bytes: inner };
      return;
    }
    default:
  }
}

/** Run a decompression; undefined when its output would pass the budget. */
function inflate(run: () => Buffer, budget: ArchiveBudget): Buffer | undefined {
  try {
    const out = run();
    if (out.length > budget.room()) return undefined;
    budget.used += out.length;
    return out;
  } catch {
    return undefined;
  }
}

function* zipEntries(b: Buffer, budget: ArchiveBudget): Generator<ArchiveItem> {
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  let p = b.readUInt32LE(eocd + 16);
  // ZIP64 (over 65,535 entries or 4 GB): the locator before the record points at the real one.
  if (p === 0xffffffff && eocd >= 20 && b.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    if (z + 56 <= b.length && b.readUInt32LE(z) === 0x06064b50) p = Number(b.readBigUInt64LE(z + 48));
  }
  // Entries are read while central directory records follow (the 16-bit count wraps in ZIP64).
  for (let n = 0; p + 46 <= b.length && b.readUInt32LE(p) === 0x02014b50; n++) {
    if (n === (budget.limits.maxEntries ?? MAX_ARCHIVE_ENTRIES)) {
      yield tooMany(n);
      return;
    }
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const packed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const path = b.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p = next;
    if (path.endsWith('/')) continue;
    if (flags & 1) {
      yield { path, skip: 'encrypted', detail: 'encrypted zip entry' };
      continue;
    }
    if (size > budget.room() || packed === 0xffffffff) {
      yield { path, skip: 'too-large', detail: `${size} bytes` };
      continue;
    }
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) continue;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, Math.min(b.length, start + packed));
    let out: Buffer | undefined;
    if (method === 0) out = inflate(() => Buffer.from(data), budget);
    else if (method === 8) out = inflate(() => inflateRawSync(data, { maxOutputLength: budget.room() + 1 }), budget);
    else {
      yield { path, skip: 'unsupported', detail: `zip compression method ${method}` };
      continue;
    }
    if (out) yield { path, bytes: out };
    else yield { path, skip: 'too-large', detail: `${size} bytes or corrupt` };
  }
}

function cstr(b: Buffer, start: number, len: number): string {
  const end = b.indexOf(0, start);
  return b.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

function* tarEntries(b: Buffer, budget: ArchiveBudget): Generator<ArchiveItem> {
  let p = 0;
  let longName: string | undefined;
  for (let n = 0; p + 512 <= b.length; n++) {
    if (n === (budget.limits.maxEntries ?? MAX_ARCHIVE_ENTRIES)) {
      yield tooMany(n);
      return;
    }
    if (b[p] === 0) return; // end-of-archive blocks
    const sizeField = cstr(b, p + 124, 12).trim();
    const size = (b[p + 124]! & 0x80) !== 0 ? Infinity : parseInt(sizeField || '0', 8);
    if (!Number.isFinite(size) && !(b[p + 124]! & 0x80)) return;
    const type = String.fromCharCode(b[p + 156]!);
    const prefix = b.toString('latin1', p + 257, p + 262) === 'ustar' ? cstr(b, p + 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${cstr(b, p, 100)}` : cstr(b, p, 100));
    const start = p + 512;
    const data = () => b.subarray(start, Math.min(b.length, start + size));
    p = start + Math.ceil((Number.isFinite(size) ? size : 0) / 512) * 512;
    if (!Number.isFinite(size)) return;
    if (type === 'L') {
      longName = cstr(data(), 0, size);
      continue;
    }
    if (type === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data().toString('utf8'))?.[1] ?? longName;
      continue;
    }
    longName = undefined;
    if (type !== '0' && type !== '\0' && type !== '7') continue;
    if (size > budget.room()) {
      yield { path: name, skip: 'too-large', detail: `${size} bytes` };
      continue;
    }
    budget.used += size;
    yield { path: name, bytes: data() };
  }
}
