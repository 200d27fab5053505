import { describe, expect, it } from 'vitest';
import { base64Text, isAlgorithmName, isEnglishLike, isIdentifierLike, isPathLike } from '../../src/detectors/value-shape.js';
import { segmentsIntoWords } from '../../src/detectors/words.js';
import { ALPHABETS, randomFrom } from './random.js';

describe('isIdentifierLike', () => {
  it.each([
    'accessTokenFromSession', 'stripe_webhook_signing_value', 'userPasswordInput', 'SECRET_KEY_NAME',
    'NodeJS.ArrayBufferView', 'PunctuationToken', 'getHTTPResponse', 'user-settings-theme', 'childProcessSpawn',
    'questionOrExclamationToken', 'watchOptionsDidYouMeanDiagnostics', 'BinaryLike',
  ])('%s is an identifier', (v) => {
    expect(isIdentifierLike(v)).toBe(true);
  });

  it.each(['kQ7mZpxLw2aB9c', 'x', 'a1b2c3d4e5', '8dm3qqg8tbmo'])('%s is not', (v) => {
    expect(isIdentifierLike(v)).toBe(false);
  });

  it('practically never accepts random tokens of 32+ characters', () => {
    const accepted: string[] = [];
    for (const alphabet of [ALPHABETS.base62, ALPHABETS.base64, ALPHABETS.hex, ALPHABETS.base64url]) {
      for (let i = 0; i < 2000; i++) {
        const s = randomFrom(alphabet, 32);
        if (isIdentifierLike(s)) accepted.push(s);
      }
    }
    expect(accepted).toEqual([]);
  });
});

describe('isEnglishLike / segmentsIntoWords', () => {
  it('recognises smushed and spaced English', () => {
    expect(segmentsIntoWords('mysupersecretvalue')).toBe(true);
    expect(isEnglishLike('correct horse battery staple')).toBe(true);
    expect(isEnglishLike('thisisnotarealtoken')).toBe(false); // 'a' alone is not a word here
    expect(isEnglishLike('qzkvbnmxw')).toBe(false);
  });
});

describe('isPathLike', () => {
  it.each(['/run/secrets/db_password', './keys/service-account.json', '/etc/ssl/private/server.key', 'C:\\keys\\api.pfx', 'keys/signing/prod.pem', '~/.ssh/id_rsa'])(
    '%s is a path',
    (v) => expect(isPathLike(v)).toBe(true),
  );
  it('does not take base64 with slashes for a path', () => {
    const accepted: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = `${randomFrom(ALPHABETS.base64, 12)}/${randomFrom(ALPHABETS.base64, 20)}`;
      if (isPathLike(s)) accepted.push(s);
    }
    expect(accepted).toEqual([]);
  });
});

describe('isAlgorithmName', () => {
  it('knows cipher, mode, hash and key-derivation names as configuration spells them', () => {
    for (const v of ['AES-256-GCM', 'AES_256_CBC_HMAC_SHA_256', 'AESWrap_256', 'CAMELLIA-256-CBC', 'ARIA_192_GCM', 'CHACHA20-POLY1305',
      'XSALSA20-POLY1305', 'DES-EDE3-CBC', 'RSA/ECB/OAEPWithSHA-256AndMGF1Padding', 'PBEWithHmacSHA256AndAES_256', 'PBES2-HS256+A128KW', 'aes-128-ctr']) {
      expect(isAlgorithmName(v), v).toBe(true);
    }
  });
  it('does not take passwords or random values that start with such a word', () => {
    for (const v of ['Aes256-Gcm!x9Qz', 'Rsa2048Sha!', 'with-and-padding', 'AES', 'sha256-is-not-my-password', randomFrom(ALPHABETS.base62, 24)]) {
      expect(isAlgorithmName(v), v).toBe(false);
    }
  });
});

describe('base64Text', () => {
  it('decodes printable text and refuses binary', () => {
    expect(base64Text(Buffer.from('user:password').toString('base64'))).toBe('user:password');
    expect(base64Text(Buffer.from([0, 1, 2, 250, 251, 252, 3, 4, 5]).toString('base64'))).toBeUndefined();
    expect(base64Text('not base64!')).toBeUndefined();
  });
});
