// A password stored base64-encoded (FileZilla's `<Pass encoding="base64">`): encoding, not
// encryption. The plaintext is judged like a password assigned in code, so the base64 of
// "password" or "changeme" is a placeholder and binary data is not a password at all.
import { judgeContextValue } from '../detectors/generic.js';
import { base64Text } from './decode.js';
import { defineValidator } from './types.js';

export const base64Password = defineValidator({
  name: 'base64-password',
  description: 'base64 of a text password that is no placeholder',
  validate(secret) {
    const plain = base64Text(secret);
    if (plain === undefined || plain.length === 0 || /[\x00-\x1f\x7f]/.test(plain)) return { ok: false, reason: 'not base64 of text' };
    const verdict = judgeContextValue(plain, 'password');
    if (!verdict || verdict.placeholder) return { ok: false, reason: 'a placeholder or made-up password', lookalike: 'placeholder' };
    return { ok: true, notes: [`decodes to a ${[...plain].length}-character password`] };
  },
});
