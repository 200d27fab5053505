import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { KeyhoundError } from '../src/errors.js';

describe('KeyhoundError.format', () => {
  it('keeps `..` in paths and puts one period after the message', () => {
    expect(new KeyhoundError('cannot read rule file: ENOENT', 'check the path', '../../rules/a.yaml').format()).toBe(
      '../../rules/a.yaml: cannot read rule file: ENOENT. Fix: check the path',
    );
    expect(new KeyhoundError('ends with a period.', 'do x').format()).toBe('ends with a period. Fix: do x');
  });

  it('names a missing rule file outside the working directory by its absolute path', () => {
    let msg = '';
    try {
      parseConfig('rule_files: ["(?<secret>a)"]\n', 'fuzz.yaml', '/nonexistent-dir');
    } catch (e) {
      msg = (e as KeyhoundError).format();
    }
    expect(msg).toBe('/nonexistent-dir/(?<secret>a): cannot read rule file: ENOENT. Fix: check the path in `rule_files`');
  });
});
