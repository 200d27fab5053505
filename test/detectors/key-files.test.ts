// Binary key files recognised by structure. Keys are generated at test time (node:crypto, openssl)
// or are shapes (real structure around random bytes): the repository holds no key file.
import { generateKeyPairSync } from 'node:crypto';
import { randomBytes } from '../helpers/test-random.js';
import { describe, expect, it } from 'vitest';
import { identifyKeyFile, mayBeKeyFile } from '../../src/detectors/key-files.js';
import { binaryPath } from '../../src/sources/git-diff-parse.js';
import { mayHoldSecrets } from '../../src/sources/binary-files.js';
import { getValidator } from '../../src/validators/registry.js';
import { certificateShape, der, javaKeyStoreShape, keepassShape, opensslPkcs12, pgpKeyShape, pkcs12Shape, pkcs1Shape, pkcs8Shape } from '../helpers/key-files.js';

const kindOf = (b: Uint8Array) => {
  const k = identifyKeyFile(b);
  return k ? `${k.kind}${k.secret ? '' : ' (public)'}` : undefined;
};

describe('identifyKeyFile', () => {
  it('recognises private keys in DER that node:crypto writes (PKCS#8, PKCS#1, SEC1, encrypted PKCS#8)', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ed = generateKeyPairSync('ed25519');
    const dsa = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 });
    expect(identifyKeyFile(rsa.privateKey.export({ type: 'pkcs8', format: 'der' }))?.note).toBe('private key (PKCS#8)');
    expect(identifyKeyFile(rsa.privateKey.export({ type: 'pkcs1', format: 'der' }))?.note).toBe('RSA private key (PKCS#1)');
    expect(identifyKeyFile(ec.privateKey.export({ type: 'sec1', format: 'der' }))?.note).toBe('EC private key (SEC1)');
    expect(kindOf(ed.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe('der-private-key');
    expect(kindOf(dsa.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe('der-private-key');
    const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'test' });
    expect(identifyKeyFile(encrypted)?.note).toBe('encrypted private key (PKCS#8)');
  });

  it('leaves public keys and certificates alone', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(identifyKeyFile(rsa.publicKey.export({ type: 'spki', format: 'der' }))).toBeUndefined();
    expect(identifyKeyFile(rsa.publicKey.export({ type: 'pkcs1', format: 'der' }))).toBeUndefined();
    expect(identifyKeyFile(certificateShape())).toBeUndefined();
  });

  it('tells a PKCS#12 key store from a store of certificates only (openssl output)', () => {
    const p12 = opensslPkcs12();
    expect(identifyKeyFile(p12.withKey)).toEqual({ kind: 'pkcs12', secret: true, note: 'PKCS#12 key store with a private key' });
    expect(identifyKeyFile(p12.certsOnly)).toMatchObject({ kind: 'pkcs12', secret: false });
    expect(identifyKeyFile(p12.certDer)).toBeUndefined();
    expect(kindOf(pkcs12Shape(true))).toBe('pkcs12');
    expect(kindOf(pkcs12Shape(false))).toBe('pkcs12 (public)');
  });

  it('walks JKS / JCEKS entries: a key entry anywhere makes a key store, certificates alone a trust store', () => {
    expect(identifyKeyFile(javaKeyStoreShape([2, 2, 1]))?.note).toBe('JKS key store with a private key');
    expect(identifyKeyFile(javaKeyStoreShape([1], 0xcececece))?.note).toBe('JCEKS key store with a private key');
    expect(identifyKeyFile(javaKeyStoreShape([2, 2]))).toEqual({ kind: 'java-keystore', secret: false, note: 'JKS store of certificates only' });
    // An unknown entry tag is not a Java key store.
    const bad = javaKeyStoreShape([1]);
    bad.writeUInt32BE(7, 12);
    expect(identifyKeyFile(bad)).toBeUndefined();
  });

  it('recognises OpenPGP secret keys, KeePass databases and macOS keychains; not public key rings', () => {
    expect(kindOf(pgpKeyShape(true))).toBe('pgp-secret-key');
    expect(identifyKeyFile(pgpKeyShape(false))).toBeUndefined();
    expect(identifyKeyFile(keepassShape())?.note).toBe('KeePass 2 (.kdbx) password database (encrypted)');
    expect(kindOf(Buffer.concat([Buffer.from('kych'), Buffer.from([0, 1, 0, 0]), randomBytes(64)]))).toBe('macos-keychain');
    // GnuPG 2.1-2.2.19 agent keys: canonical S-expressions with raw bytes; shadowed stubs are not keys.
    // The header is put together here, so this file holds no key header for the pre-commit scan.
    const header = ['(21:protected-', 'private-key', '(3:rsa(1:n257:'].join('');
    expect(identifyKeyFile(Buffer.concat([Buffer.from(header), randomBytes(257)]))?.note).toBe('GnuPG agent private key (private-keys-v1.d)');
    expect(identifyKeyFile(Buffer.concat([Buffer.from('(20:shadowed-private-key(3:rsa(1:n257:'), randomBytes(257)]))).toBeUndefined();
  });

  it('finds nothing in random bytes, DER that is no key, or a DER key followed by more data', () => {
    for (let i = 0; i < 300; i++) {
      const k = identifyKeyFile(randomBytes(64 + (i % 700)));
      expect(k?.secret ? k : undefined).toBeUndefined();
    }
    expect(identifyKeyFile(der(0x30, der(0x02, Buffer.from([0])), der(0x04, randomBytes(30))))).toBeUndefined();
    expect(identifyKeyFile(Buffer.concat([pkcs8Shape(), randomBytes(100)]))).toBeUndefined();
    expect(identifyKeyFile(pkcs1Shape())?.note).toBe('RSA private key (PKCS#1)');
  });

  it('mayBeKeyFile passes the formats by their first bytes and not text or images', () => {
    for (const b of [pkcs12Shape(), javaKeyStoreShape([1]), pgpKeyShape(), keepassShape()]) expect(mayBeKeyFile(b.subarray(0, 16))).toBe(true);
    expect(mayBeKeyFile(Buffer.from('\x89PNG\r\n\x1a\n'))).toBe(false);
    expect(mayBeKeyFile(Buffer.from('hello'))).toBe(false);
    expect(mayBeKeyFile(Buffer.alloc(0))).toBe(false);
  });
});

describe('which binary files the sources read', () => {
  it('key-store names, archives and unknown binaries yes, images, fonts and compiled code no', () => {
    for (const p of ['a.p12', 'certs/x.PFX', 'release.keystore', 'secring.gpg', 'db.kdbx', 'key.der', 'signing', 'data.bin', 'lib.jar', 'a.zip']) expect(mayHoldSecrets(p)).toBe(true);
    for (const p of ['logo.png', 'font.woff2', 'App.class', 'lib.so']) expect(mayHoldSecrets(p)).toBe(false);
  });

  it('binaryPath reads the new path of `Binary files … differ`', () => {
    expect(binaryPath('/dev/null and b/certs/a.p12')).toBe('certs/a.p12');
    expect(binaryPath('a/x and y.p12 and b/x and y.p12')).toBe('x and y.p12');
    expect(binaryPath('/dev/null and "b/caf\\303\\251.p12"')).toBe('café.p12');
    expect(binaryPath('a/old.p12 and b/new.p12')).toBe('new.p12');
    expect(binaryPath('a/gone.p12 and /dev/null')).toBeUndefined();
  });
});

describe('key-store validator (base64 key stores)', () => {
  const v = getValidator('key-store')!;
  const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\n');
  it('keeps a store with a key, drops a trust store, keeps a store cut short', () => {
    expect(v.validate(b64(javaKeyStoreShape([2, 1])), {})).toEqual({ ok: true, notes: ['JKS key store with a private key'] });
    expect(v.validate(b64(pkcs12Shape(true)), {})).toMatchObject({ ok: true });
    expect(v.validate(b64(javaKeyStoreShape([2])), {})).toMatchObject({ ok: false, reason: 'JKS store of certificates only' });
    expect(v.validate(b64(pkcs12Shape(false)), {})).toMatchObject({ ok: false });
    expect(v.validate(pkcs12Shape(true).toString('base64').slice(0, 76), {})).toEqual({ ok: true, notes: ['entries not readable (cut short?)'] });
    expect(v.validate('aGVsbG8gd29ybGQ=', {})).toMatchObject({ ok: false });
  });
});
