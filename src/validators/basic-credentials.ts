// HTTP Basic credentials: base64 of `user:password` (RFC 7617). Anything else after `Basic` is not
// a credential; a pair whose password is a placeholder (`username:password`, `foo:bar`, the user
// name again) is a documentation example, kept as a look-alike.
import { isPlaceholder } from '../detectors/placeholder.js';
import { base64Text } from './decode.js';
import { defineValidator } from './types.js';

export const basicCredentials = defineValidator({
  name: 'basic-credentials',
  description: 'base64 of user:password with a password that is not a placeholder',
  validate(secret) {
    const text = base64Text(secret);
    if (text === undefined || /[\u0000-\u001f\u007f]/.test(text)) return { ok: false, reason: 'not base64 of text' };
    const colon = text.indexOf(':');
    if (colon < 0) return { ok: false, reason: 'no user:password pair' };
    const user = text.slice(0, colon);
    const password = text.slice(colon + 1);
    if (password.length === 0) return { ok: false, reason: 'empty password' };
    if (password === user || isPlaceholder(password) !== undefined || isPlaceholder(text) !== undefined) {
      return { ok: false, reason: 'placeholder password', lookalike: 'placeholder' };
    }
    return { ok: true };
  },
});
