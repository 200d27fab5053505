import { describe, expect, it } from 'vitest';
import { blankEscapeLetters, spellsEscapes } from '../../src/engine/escapes.js';
import { scanText } from '../../src/scan.js';
import { githubToken, slackBotToken } from '../helpers/tokens.js';

describe('blankEscapeLetters', () => {
  it('blanks the letter of one-letter escapes and keeps the length', () => {
    const text = String.raw`"a\nb\tc\rd\be\ff\vg"`;
    const out = blankEscapeLetters(text);
    expect(out).toBe(String.raw`"a\ b\ c\ d\ e\ f\ g"`);
    expect(out.length).toBe(text.length);
  });

  it('leaves escaped backslashes, other escapes and text without a backslash alone', () => {
    expect(blankEscapeLetters(String.raw`C:\\new\\tools \\\n \x41 \u0041 \"`)).toBe(String.raw`C:\\new\\tools \\\  \x41 \u0041 \"`);
    const plain = 'no escapes here';
    expect(blankEscapeLetters(plain)).toBe(plain);
  });
});

describe('spellsEscapes', () => {
  it('is true for a pattern that matches a written escape', () => {
    expect(spellsEscapes(String.raw`-----END PRIVATE KEY-----(?:\\n)?"`)).toBe(true);
    expect(spellsEscapes(String.raw`(?:\r?\n|\\r\\n|\\n)`)).toBe(true);
  });

  it('is false for regex escapes and for a backslash in a class', () => {
    expect(spellsEscapes(String.raw`\bghp_[A-Za-z0-9]{36}\n`)).toBe(false);
    expect(spellsEscapes(String.raw`[A-Za-z0-9+/=\\\s]{40,}`)).toBe(false);
    expect(spellsEscapes(String.raw`(?:[^\n]*\\\r?\n){0,5}`)).toBe(false);
  });
});

describe('a token after a string escape', () => {
  const found = async (text: string) =>
    (await scanText(text, 'out.json', { noConfig: true, unmask: true })).findings.map((f) => [f.ruleId, f.secret, f.line, f.column]);

  it('is found after \\n or \\t in a JSON string, at its own column (missed before: the n read as a word)', async () => {
    const gh = githubToken();
    const slack = slackBotToken();
    const text = `{"cells": [{"text": "Your token:\\n${gh}\\nDone"}],\n "log": "bot\\t${slack}"}\n`;
    expect(await found(text)).toEqual([
      ['github-pat-classic', gh, 1, text.indexOf(gh) + 1],
      ['slack-bot-token', slack, 2, text.split('\n')[1]!.indexOf(slack) + 1],
    ]);
  });

  it('is not cut out of a word after an escaped backslash', async () => {
    // `\\n` is a backslash and the letter n: `n` + token is one word, not a token.
    const gh = githubToken();
    expect(await found(`path = "C:\\\\n${gh}"\n`)).toEqual([]);
  });
});
