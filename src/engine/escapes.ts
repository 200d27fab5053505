// What the pattern rules read: the text with the letter of each one-letter string escape (`\n`,
// `\t`, `\r`, `\b`, `\f`, `\v`) blanked. In a JSON or source string such as
// `"output": "your token:\nghp_…"` the `n` of `\n` stands right before the token, and a rule's
// word boundary (`\b`, `(?<![A-Za-z0-9])`) took it for part of a word: the token was missed. The
// blanked copy has the same length, so offsets hold and secrets are still cut from the real text.
// A pattern that spells such an escape itself (`\\n` in a JSON-embedded key block) reads the
// text as written. Escapes that change characters (`\u0073k_…`, `https:\/\/`) are decoded
// instead, as an encoded run (encoded.ts, 'string-escapes'): blanking cannot show what they hide.

// An odd run of backslashes before the letter: an even run is escaped backslashes (`C:\\new`),
// and the letter after it is a letter. A replacement string, not a function: native and fast.
const ESCAPES = /(?<!\\)((?:\\\\)*\\)[ntrbfv]/g;

export function blankEscapeLetters(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPES, '$1 ');
}

/**
 * Whether a regex source matches a one-letter escape as written: an escaped backslash (`\\` in
 * the source) followed by one of the letters blanked above.
 */
export function spellsEscapes(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') continue;
    if (source[i + 1] === '\\' && 'ntrbfv'.includes(source[i + 2] ?? '')) return true;
    i++; // skip the escaped character
  }
  return false;
}
