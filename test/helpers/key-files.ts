// Binary key-file shapes for tests, made at test time: the real headers and structure of each
// format around random bytes, so no key (not even a throwaway one) sits in the repository.
import { execFileSync } from 'node:child_process';
import { randomBytes } from './test-random.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A DER element: tag, definite length, content. */
export function der(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

const hex = (h: string) => Buffer.from(h, 'hex');
const seq = (...c: Uint8Array[]) => der(0x30, ...c);
const int = (v: number) => der(0x02, Buffer.from([v]));
const oid = (h: string) => der(0x06, hex(h));
const octets = (...c: Uint8Array[]) => der(0x04, ...c);
const explicit0 = (...c: Uint8Array[]) => der(0xa0, ...c);
/** A positive INTEGER of `n` random bytes. */
const bigInt = (n: number) => {
  const b = randomBytes(n);
  b[0] = (b[0]! & 0x7f) | 0x40;
  return der(0x02, b);
};

const PKCS7_DATA = '2a864886f70d010701';
const SHROUDED_BAG = '2a864886f70d010c0a0102';
const CERT_BAG = '2a864886f70d010c0a0103';
const RSA_ENCRYPTION = '2a864886f70d010101';

/** A PFX (version 3, authSafe of `data`) whose SafeContents hold a shrouded key bag or a cert bag. */
export function pkcs12Shape(withKey = true): Buffer {
  const bag = seq(oid(withKey ? SHROUDED_BAG : CERT_BAG), explicit0(octets(randomBytes(600))));
  const safe = seq(oid(PKCS7_DATA), explicit0(octets(seq(bag))));
  return seq(int(3), seq(oid(PKCS7_DATA), explicit0(octets(seq(safe)))), seq(seq(seq(oid('2b0e03021a')), octets(randomBytes(20))), octets(randomBytes(8)), int(1)));
}

/** PKCS#8 PrivateKeyInfo with an RSA algorithm id and a random key octet string. */
export function pkcs8Shape(): Buffer {
  return seq(int(0), seq(oid(RSA_ENCRYPTION), der(0x05)), octets(randomBytes(600)));
}

/** PKCS#1 RSAPrivateKey: version 0 and eight random integers. */
export function pkcs1Shape(): Buffer {
  return seq(int(0), bigInt(128), der(0x02, hex('010001')), bigInt(128), bigInt(64), bigInt(64), bigInt(64), bigInt(64), bigInt(64));
}

/** An X.509-like certificate shape: SEQUENCE { SEQUENCE { [0] version, serial, ... }, alg, signature }. */
export function certificateShape(): Buffer {
  return seq(seq(explicit0(int(2)), bigInt(16), seq(oid('2a864886f70d01010b'))), seq(oid('2a864886f70d01010b')), der(0x03, Buffer.from([0]), randomBytes(256)));
}

/** A JKS (or JCEKS) store: `kinds` lists its entries, 1 private key, 2 trusted certificate. */
export function javaKeyStoreShape(kinds: Array<1 | 2>, magic = 0xfeedfeed): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v >>> 0);
    return b;
  };
  const utf = (s: string) => Buffer.concat([Buffer.from([0, s.length]), Buffer.from(s)]);
  parts.push(u32(magic), u32(2), u32(kinds.length));
  kinds.forEach((k, i) => {
    const cert = certificateShape();
    const date = Buffer.alloc(8);
    date.writeBigUInt64BE(1_700_000_000_000n);
    if (k === 2) parts.push(u32(2), utf(`ca${i}`), date, utf('X.509'), u32(cert.length), cert);
    else {
      const key = randomBytes(900);
      parts.push(u32(1), utf(`key${i}`), date, u32(key.length), key, u32(1), utf('X.509'), u32(cert.length), cert);
    }
  });
  parts.push(randomBytes(20)); // the store's SHA-1 integrity digest
  return Buffer.concat(parts);
}

/** An OpenPGP transferable key: a new-format secret-key (tag 5) or public-key (tag 6) packet. */
export function pgpKeyShape(secret = true): Buffer {
  const body = Buffer.concat([Buffer.from([4]), randomBytes(4), Buffer.from([22]), randomBytes(80)]);
  return Buffer.concat([Buffer.from([secret ? 0xc5 : 0xc6, body.length]), body]);
}

export function keepassShape(): Buffer {
  return Buffer.concat([hex('03d9a29a67fb4bb5'), hex('01000400'), randomBytes(400)]);
}

/** Real PKCS#12 files made by openssl: one with a private key, one with the certificate only. */
export function opensslPkcs12(): { withKey: Buffer; certsOnly: Buffer; certDer: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-p12-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '1', '-subj', '/CN=keyhound test']);
  run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'key.p12', '-passout', 'pass:test']);
  run(['pkcs12', '-export', '-nokeys', '-in', 'c.pem', '-out', 'trust.p12', '-passout', 'pass:test']);
  run(['x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.der']);
  return { withKey: readFileSync(join(dir, 'key.p12')), certsOnly: readFileSync(join(dir, 'trust.p12')), certDer: readFileSync(join(dir, 'c.der')) };
}
