// Base62 keys of 30+ characters almost always mix upper case and digits; a commit SHA or other
// lower-case hex, and most words, do not. For rules whose pattern allows both (`[A-Za-z0-9]{40}`)
// and that match bare values near a provider's name (`uses: org/action@<commit sha>`).
import { defineValidator } from './types.js';

export const mixedAlphabet = defineValidator({
  name: 'mixed-alphabet',
  filterOnly: true,
  description: 'holds an upper-case letter and a digit (not lower-case hex or a word)',
  validate(secret) {
    if (!/[A-Z]/.test(secret)) return { ok: false, reason: 'no upper-case letter' };
    if (!/[0-9]/.test(secret)) return { ok: false, reason: 'no digit' };
    return { ok: true };
  },
});
