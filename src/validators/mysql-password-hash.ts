// MySQL native password hashes, `*` + upper-case hex of SHA1(SHA1(password)): unsalted, so a hash
// of a placeholder password ("password", "root") is recognisable and is test data.
import { hashesPlaceholder, hashOf } from './placeholder-passwords.js';
import { defineValidator } from './types.js';

export const mysqlPasswordHash = defineValidator({
  name: 'mysql-password-hash',
  description: 'not the MySQL native hash of a placeholder password',
  filterOnly: true,
  validate(secret) {
    const m = /^\*([0-9A-F]{40})$/.exec(secret);
    if (!m) return { ok: false, reason: 'not a MySQL native password hash' };
    if (hashesPlaceholder(Buffer.from(m[1]!, 'hex'), (g) => hashOf('sha1', hashOf('sha1', g)))) {
      return { ok: false, reason: 'hash of a placeholder password', lookalike: 'placeholder' };
    }
    return { ok: true };
  },
});
