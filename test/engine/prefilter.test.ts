import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from '../../src/engine/prefilter.js';

describe('KeywordMatcher', () => {
  it('finds overlapping keywords case-insensitively, like indexOf does', () => {
    const kws = ['ghp_', 'hp_', 'xoxb-', 'akia', 'sk_live_', 'sk_', 'k_l'];
    const m = new KeywordMatcher(kws);
    const text = 'token=GHP_abc; other: sk_LIVE_x, xoxb-1 and AKIA';
    const present = m.present(text);
    kws.forEach((k, i) => expect(Boolean(present[i]), k).toBe(text.toLowerCase().includes(k)));
    expect(m.hits(text).map((h) => [kws[h.keyword], h.start])).toContainEqual(['ghp_', 6]);
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = 'abAB_-c';
    const kws = ['ab_', 'b_a', 'aab', 'ba-c', 'c', 'abab'];
    const m = new KeywordMatcher(kws);
    for (let n = 0; n < 300; n++) {
      let t = '';
      for (let i = 0; i < 40; i++) t += alphabet[Math.floor(Math.random() * alphabet.length)];
      const naive = kws.map((k) => t.toLowerCase().includes(k));
      expect([...m.present(t)].map(Boolean)).toEqual(naive);
    }
  });

  it('does not match across non-ASCII characters', () => {
    const m = new KeywordMatcher(['abc']);
    expect(m.present('ab\u00e9c')[0]).toBe(0);
    expect(m.present('\u00e9abc')[0]).toBe(1);
  });
});
