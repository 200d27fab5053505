// One generic test walks every built-in rule: examples found, negative examples not.
import { describe, expect, it } from 'vitest';
import { builtinSpecs } from '../../src/rules/builtin.js';
import { testRule } from '../../src/rules/self-test.js';

const specs = builtinSpecs();

describe('built-in rules', () => {
  it('exist and have unique ids', () => {
    expect(specs.length).toBeGreaterThan(40);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
  });

  it.each(specs.map((s) => [s.id, s] as const))('%s: examples found, negatives not', (_id, spec) => {
    expect(spec.examples.length).toBeGreaterThan(0);
    expect(spec.negativeExamples.length).toBeGreaterThan(0);
    expect(testRule(spec)).toEqual([]);
  });
});
