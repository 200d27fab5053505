// LDAP userPassword hashes (RFC 2307 style, as OpenLDAP, 389-ds and Dovecot write them):
// `{SHA}` + base64 of a bare digest, `{SSHA}` + base64 of digest + salt. The decoded length must
// fit the scheme's digest, which tells a hash from `{SHA}` followed by any base64. A hash of a
// placeholder password ("password", "admin", "changeme") is test data, as its plaintext would be.
import { decodeBase64 } from './decode.js';
import { hashesPlaceholder, hashOf } from './placeholder-passwords.js';
import { defineValidator } from './types.js';

/** Each scheme's digest: its size in bytes and node's name for it. */
const DIGESTS: Readonly<Record<string, { bytes: number; alg: string }>> = {
  MD5: { bytes: 16, alg: 'md5' },
  SHA: { bytes: 20, alg: 'sha1' },
  SHA256: { bytes: 32, alg: 'sha256' },
  SHA384: { bytes: 48, alg: 'sha384' },
  SHA512: { bytes: 64, alg: 'sha512' },
};

export const ldapPasswordHash = defineValidator({
  name: 'ldap-password-hash',
  description: '{SHA}/{SSHA}/{MD5}/{SMD5}/{SHA256}/{SSHA512}…: base64 of a digest of the scheme\'s size (+ salt when salted)',
  validate(secret) {
    const m = /^\{(S?)(MD5|SHA(?:256|384|512)?)\}([A-Za-z0-9+/]+={0,2})$/.exec(secret);
    if (!m) return { ok: false, reason: 'not an LDAP {SCHEME} hash' };
    const { bytes: size, alg } = DIGESTS[m[2]!]!;
    const bytes = decodeBase64(m[3]!, 'std');
    if (!bytes) return { ok: false, reason: 'hash is not base64' };
    const salted = m[1] === 'S';
    // A salted hash carries at least 4 bytes of salt (OpenLDAP writes 4 or 8, 389-ds 8, Dovecot 4+).
    if (salted ? bytes.length < size + 4 || bytes.length > size + 64 : bytes.length !== size) {
      return { ok: false, reason: `${bytes.length} bytes do not fit a ${salted ? 'salted ' : ''}${m[2]} digest` };
    }
    const salt = bytes.subarray(size);
    if (hashesPlaceholder(bytes.subarray(0, size), (g) => hashOf(alg, g, salt))) {
      return { ok: false, reason: 'hash of a placeholder password', lookalike: 'placeholder' };
    }
    return { ok: true };
  },
});
