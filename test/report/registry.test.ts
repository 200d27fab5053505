import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { formatNames, getReporter, isFormatName, reporters } from '../../src/report/registry.js';

describe('report registry', () => {
  it('lists the seven formats, each under its own name', () => {
    expect(formatNames).toEqual(['text', 'json', 'sarif', 'junit', 'github', 'gitlab', 'csv']);
    for (const name of formatNames) {
      const r = reporters[name];
      expect(r.name).toBe(name);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.fileExtension).toMatch(/^\.[a-z]+$/);
    }
  });

  it('returns the reporter for a known name', () => {
    expect(getReporter('sarif')).toBe(reporters.sarif);
    expect(isFormatName('csv')).toBe(true);
  });

  it('rejects unknown names (and inherited object keys) with the list of choices', () => {
    for (const bad of ['xml', 'toString', '__proto__', '']) {
      expect(isFormatName(bad)).toBe(false);
      expect(() => getReporter(bad)).toThrow(UsageError);
    }
    try {
      getReporter('yaml');
    } catch (e) {
      const msg = (e as UsageError).format();
      expect(msg).toContain('"yaml"');
      for (const name of formatNames) expect(msg).toContain(name);
    }
  });
});
