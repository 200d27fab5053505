// The one rule every format obeys: the raw secret appears only when the finding carries it.
import { describe, expect, it } from 'vitest';
import { formatNames, reporters } from '../../src/report/registry.js';
import { fixtureContext, SECRETS } from './fixtures.js';

const visible = [SECRETS.pat, SECRETS.weird, SECRETS.staged, SECRETS.commit, SECRETS.stdin];

describe('raw secrets in reports', () => {
  for (const name of formatNames) {
    it(`${name}: masked findings never print a raw secret`, () => {
      for (const color of [false, true]) {
        const out = reporters[name].render(fixtureContext({ color, showSuppressed: true }));
        for (const s of Object.values(SECRETS)) expect(out).not.toContain(s);
        // Nor a recognisable part of one: the fixture secrets share this marker.
        expect(out).not.toContain('RAWSECRET');
      }
    });

    it(`${name}: --unmask findings print every raw secret`, () => {
      const out = reporters[name].render(fixtureContext({ unmask: true }));
      for (const s of visible) expect(out).toContain(s);
    });
  }
});
