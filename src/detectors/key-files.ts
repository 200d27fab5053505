// Key stores and private keys in binary form (a committed `release.keystore`, `cert.p12`,
// `key.der`, `secring.gpg`, `passwords.kdbx`), recognised by their structure, never by name alone.
// A store that holds only public certificates (a Java trust store, `cacerts`) or a public key is
// not a secret and is not reported. Used on binary files and on their base64 forms.
import type { DetectorHit } from './registry.js';

export type KeyFileKind = 'pkcs12' | 'java-keystore' | 'der-private-key' | 'pgp-secret-key' | 'keepass' | 'macos-keychain';

export interface KeyFile {
  kind: KeyFileKind;
  /** False for a store of certificates only (a trust store): recognised, not a secret. */
  secret: boolean;
  /** What it is, for the finding's notes. */
  note: string;
}

// --- DER (ASN.1) ---------------------------------------------------------------------------

interface Tlv {
  tag: number;
  /** Content offsets; an indefinite length (BER, some Windows PFX) ends at the parent's end. */
  start: number;
  end: number;
}

function tlv(b: Uint8Array, pos: number, limit: number): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = b[pos]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags: none in these formats
  const first = b[pos + 1]!;
  let start = pos + 2;
  let len: number;
  if (first < 0x80) len = first;
  else if (first === 0x80) return (tag & 0x20) !== 0 ? { tag, start, end: limit } : undefined;
  else {
    const n = first & 0x7f;
    if (n > 4 || start + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The first `max` children of a constructed element (fewer when it ends or a child is malformed). */
function children(b: Uint8Array, parent: Tlv, max: number): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (out.length < max && pos < parent.end) {
    if (b[pos] === 0 && b[pos + 1] === 0) break; // end-of-contents of an indefinite length
    const c = tlv(b, pos, parent.end);
    if (!c) break;
    out.push(c);
    pos = c.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;

function intValue(b: Uint8Array, t: Tlv | undefined): number | undefined {
  if (!t || t.tag !== INTEGER || t.end - t.start < 1 || t.end - t.start > 4) return undefined;
  let v = 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + b[i]!;
  return v;
}

function oidHex(b: Uint8Array, t: Tlv | undefined): string | undefined {
  return t && t.tag === OID ? Buffer.from(b.subarray(t.start, t.end)).toString('hex') : undefined;
}

// OIDs as their DER content bytes in hex.
const PKCS7_DATA = '2a864886f70d010701';
const PKCS7_SIGNED_DATA = '2a864886f70d010702';
/** keyBag and pkcs8ShroudedKeyBag (PKCS#12 bag types 1 and 2). */
const KEY_BAGS = [Buffer.from('2a864886f70d010c0a0101', 'hex'), Buffer.from('2a864886f70d010c0a0102', 'hex')];
/** Password-based encryption schemes of an EncryptedPrivateKeyInfo: PKCS#5 and PKCS#12 PBE. */
const PBE_PREFIXES = ['2a864886f70d0105', '2a864886f70d010c01'];

function includes(b: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength));
}

/** PFX: SEQUENCE { version 3, ContentInfo { data | signedData, ... }, macData? } (RFC 7292). */
function pkcs12(b: Uint8Array): KeyFile | undefined {
  const outer = tlv(b, 0, b.length);
  if (!outer || outer.tag !== SEQUENCE) return undefined;
  const [version, authSafe] = children(b, outer, 2);
  if (intValue(b, version) !== 3 || !authSafe || authSafe.tag !== SEQUENCE) return undefined;
  const type = oidHex(b, children(b, authSafe, 1)[0]);
  if (type !== PKCS7_DATA && type !== PKCS7_SIGNED_DATA) return undefined;
  // Key bags sit in plain `data` content (their key is encrypted inside them); certificates are
  // usually in `encryptedData`. No visible key bag: a trust store of certificates.
  const secret = KEY_BAGS.some((oid) => includes(b, oid));
  return { kind: 'pkcs12', secret, note: secret ? 'PKCS#12 key store with a private key' : 'PKCS#12 store of certificates only' };
}

/** A private key in DER: PKCS#8 (plain or encrypted), PKCS#1 RSA, SEC1 EC, or OpenSSL DSA. */
function derPrivateKey(b: Uint8Array): KeyFile | undefined {
  const outer = tlv(b, 0, b.length);
  // The whole file is the key (a trailing newline at most).
  if (!outer || outer.tag !== SEQUENCE || b.length - outer.end > 2) return undefined;
  const kids = children(b, outer, 10);
  const [a, c, d] = kids;
  if (!a || !c) return undefined;
  const key = (note: string): KeyFile => ({ kind: 'der-private-key', secret: true, note });
  const version = intValue(b, a);
  if (a.tag === SEQUENCE && kids.length === 2 && c.tag === OCTET_STRING) {
    const alg = oidHex(b, children(b, a, 1)[0]);
    if (alg && PBE_PREFIXES.some((p) => alg.startsWith(p))) return key('encrypted private key (PKCS#8)');
    return undefined;
  }
  if ((version === 0 || version === 1) && c.tag === SEQUENCE && d?.tag === OCTET_STRING && oidHex(b, children(b, c, 1)[0])) {
    return key('private key (PKCS#8)');
  }
  if (version === 1 && c.tag === OCTET_STRING && c.end - c.start >= 20 && c.end - c.start <= 72) return key('EC private key (SEC1)');
  // RSA (n e d p q dp dq qinv) and DSA (p q g y x): version 0 and only integers.
  if (version === 0 && kids.length >= 6 && kids.every((k) => k.tag === INTEGER) && c.end - c.start >= 64) {
    return key(kids.length >= 9 ? 'RSA private key (PKCS#1)' : 'DSA private key');
  }
  return undefined;
}

// --- Java key stores -------------------------------------------------------------------------

/**
 * JKS (magic FEEDFEED) and JCEKS (CECECECE): entries tagged 1 (private key), 2 (trusted
 * certificate) or 3 (secret key, JCEKS). Walked until a key entry is seen.
 */
function javaKeyStore(b: Uint8Array): KeyFile | undefined {
  if (b.length < 16) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const magic = v.getUint32(0);
  if (magic !== 0xfeedfeed && magic !== 0xcececece) return undefined;
  const name = magic === 0xfeedfeed ? 'JKS' : 'JCEKS';
  const version = v.getUint32(4);
  const count = v.getUint32(8);
  if ((version !== 1 && version !== 2) || count > 100_000) return undefined;
  let pos = 12;
  const utf = (): boolean => {
    if (pos + 2 > b.length) return false;
    pos += 2 + v.getUint16(pos);
    return pos <= b.length;
  };
  for (let i = 0; i < count; i++) {
    if (pos + 4 > b.length) break;
    const tag = v.getUint32(pos);
    if (tag === 1 || tag === 3) return { kind: 'java-keystore', secret: true, note: `${name} key store with a ${tag === 1 ? 'private' : 'secret'} key` };
    if (tag !== 2) return undefined;
    // Trusted certificate: alias, date, [type], length, certificate.
    pos += 4;
    if (!utf()) break;
    pos += 8;
    if (version === 2 && !utf()) break;
    if (pos + 4 > b.length) break;
    pos += 4 + v.getUint32(pos);
  }
  return { kind: 'java-keystore', secret: false, note: `${name} store of certificates only` };
}

// --- others ----------------------------------------------------------------------------------

/** OpenPGP public-key algorithm ids (RFC 9580 9.1). */
const PGP_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 20, 22, 25, 26, 27, 28]);

/** A transferable secret key (`gpg --export-secret-keys`, GnuPG 1 `secring.gpg`): packet tag 5 first. */
function pgpSecretKey(b: Uint8Array): KeyFile | undefined {
  const h = b[0];
  if (h === undefined || (h & 0x80) === 0) return undefined;
  let tag: number;
  let pos: number;
  if (h & 0x40) {
    tag = h & 0x3f;
    const l = b[1];
    if (l === undefined) return undefined;
    pos = l < 192 ? 2 : l < 224 ? 3 : l === 255 ? 6 : 0;
  } else {
    tag = (h >> 2) & 0x0f;
    const lenType = h & 3;
    pos = lenType === 3 ? 0 : 1 + (1 << lenType);
  }
  if (tag !== 5 || pos === 0) return undefined;
  const version = b[pos];
  const algo = version === 3 ? b[pos + 7] : b[pos + 5];
  if (version === undefined || version < 3 || version > 6 || algo === undefined || !PGP_ALGORITHMS.has(algo)) return undefined;
  return { kind: 'pgp-secret-key', secret: true, note: 'OpenPGP secret key' };
}

function keepass(b: Uint8Array): KeyFile | undefined {
  if (b.length < 12 || b[0] !== 0x03 || b[1] !== 0xd9 || b[2] !== 0xa2 || b[3] !== 0x9a) return undefined;
  const sig2 = b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24);
  const kind = (sig2 >>> 0) === 0xb54bfb65 ? 'KeePass 1 (.kdb)' : [0xb54bfb66, 0xb54bfb67].includes(sig2 >>> 0) ? 'KeePass 2 (.kdbx)' : undefined;
  return kind ? { kind: 'keepass', secret: true, note: `${kind} password database (encrypted)` } : undefined;
}

function macosKeychain(b: Uint8Array): KeyFile | undefined {
  if (b.length < 8 || b[0] !== 0x6b || b[1] !== 0x79 || b[2] !== 0x63 || b[3] !== 0x68) return undefined; // "kych"
  return { kind: 'macos-keychain', secret: true, note: 'macOS keychain (encrypted)' };
}

// GnuPG 2.1-2.2.19 wrote private-keys-v1.d/<keygrip>.key as canonical S-expressions.
const GNUPG_AGENT_KEY = /^\((?:11:private-key|21:protected-private-key)\((?:3:(?:rsa|dsa|elg|ecc)|5:(?:ecdsa|eddsa))\(/;

function gnupgAgentKey(b: Uint8Array): KeyFile | undefined {
  if (b[0] !== 0x28) return undefined;
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 48)).toString('latin1');
  return GNUPG_AGENT_KEY.test(head) ? { kind: 'pgp-secret-key', secret: true, note: 'GnuPG agent private key (private-keys-v1.d)' } : undefined;
}

const READERS = [javaKeyStore, keepass, macosKeychain, pkcs12, derPrivateKey, pgpSecretKey, gnupgAgentKey];

/** What key file these bytes are, or undefined when they are none of the known formats. */
export function identifyKeyFile(b: Uint8Array): KeyFile | undefined {
  for (const read of READERS) {
    const k = read(b);
    if (k) return k;
  }
  return undefined;
}

/**
 * File name extensions under which binary key files are committed. A binary file with another
 * name is looked at only when its first bytes already show a known format (see mayBeKeyFile).
 */
export const KEY_FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'p12', 'pfx', 'jks', 'keystore', 'jceks', 'truststore', 'der', 'key', 'p8', 'pk8', 'gpg', 'pgp', 'skr',
  'kdbx', 'kdb', 'keychain', 'keychain-db',
]);

/**
 * Larger binaries are not read as key files: key stores and keys are kilobytes, a KeePass
 * database with attachments a few megabytes.
 */
export const KEY_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** Cheap test on a file's first bytes: worth reading it whole and identifying it. */
export function mayBeKeyFile(head: Uint8Array): boolean {
  const b0 = head[0];
  if (b0 === undefined) return false;
  if (b0 === 0x30) return true; // DER SEQUENCE
  if ((b0 === 0xfe && head[1] === 0xed) || (b0 === 0xce && head[1] === 0xce)) return true;
  if (b0 === 0x03 && head[1] === 0xd9) return true;
  if (b0 === 0x6b && head[1] === 0x79 && head[2] === 0x63 && head[3] === 0x68) return true;
  return b0 === 0xc5 || (b0 >= 0x94 && b0 <= 0x97) || b0 === 0x28;
}

// The key-file detectors (one per kind, src/detectors/registry.ts) see each binary chunk in
// turn: its bytes are identified once.
let lastText: string | undefined;
let lastKind: KeyFile | undefined;

/** The detector of one kind: a binary chunk (base64) is the secret when it is a key file of it. */
export function findKeyFile(text: string, kind: KeyFileKind): DetectorHit[] {
  if (text !== lastText) {
    lastKind = identifyKeyFile(Buffer.from(text, 'base64'));
    lastText = text;
  }
  const k = lastKind;
  if (!k || k.kind !== kind || !k.secret) return [];
  return [{ start: 0, end: text.length, notes: [k.note] }];
}
