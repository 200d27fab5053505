// Bitbucket Data Center HTTP access tokens: base64 of "<12-digit token id>:<20 random bytes>",
// 44 characters, shown with a BBDC- prefix by recent versions.
import { decodeBase64 } from './decode.js';
import { defineValidator } from './types.js';

export const bitbucketDcToken = defineValidator({
  name: 'bitbucket-dc-token',
  description: 'base64 of a 12-digit token id, a colon and 20 random bytes',
  validate(secret) {
    const bytes = decodeBase64(secret.replace(/^BBDC-/, ''), 'std');
    if (!bytes || bytes.length !== 33) return { ok: false, reason: 'does not decode to 33 bytes' };
    for (let i = 0; i < 12; i++) {
      const b = bytes[i] as number;
      if (b < 0x30 || b > 0x39) return { ok: false, reason: 'does not start with a 12-digit token id' };
    }
    if (bytes[12] !== 0x3a) return { ok: false, reason: 'no colon after the token id' };
    return { ok: true };
  },
});
