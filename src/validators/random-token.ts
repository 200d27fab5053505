// A value that stands for itself, not code: rules that match a bare alphanumeric run near a
// provider's name (`keyword_within`) also meet type and function names there
// (`TunnelListResponsesV4PagePaginationArray`, `getDomainInspectorLast120Seconds`).
import { splitWords } from '../detectors/placeholder.js';
import { isIdentifierLike, wordLike } from '../detectors/value-shape.js';
import { defineValidator } from './types.js';

/**
 * A camelCase value whose pieces of four letters or more, mostly word-like, cover most of it.
 * Random base62 rarely has a lower-case run that long (upper case and digits cut it), let alone a
 * pronounceable one; a single-case value has no case boundaries to judge, so it never counts.
 */
function madeOfWords(v: string, alnum: number): boolean {
  if (!/[A-Z]/.test(v) || !/[a-z]/.test(v)) return false;
  let covered = 0;
  for (const w of splitWords(v)) if (w.length >= 4 && wordLike(w)) covered += w.length;
  return covered >= 0.6 * alnum;
}

export const randomToken = defineValidator({
  name: 'random-token',
  filterOnly: true,
  description: 'not an identifier made of words (a type, function or constant name)',
  validate(secret) {
    const alnum = secret.replace(/[^A-Za-z0-9]/g, '');
    if (alnum.length < 8 || new Set(alnum).size < 6) return { ok: false, reason: 'too short or too uniform for a token' };
    if (isIdentifierLike(secret) || madeOfWords(secret, alnum.length)) return { ok: false, reason: 'an identifier made of words' };
    return { ok: true };
  },
});
