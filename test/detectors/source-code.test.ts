import { describe, expect, it } from 'vitest';
import { inTextOfCode, isSourceCodePath } from '../../src/detectors/source-code.js';

describe('isSourceCodePath', () => {
  it('knows program source by its extension, config and text files not', () => {
    for (const p of ['a.py', 'src/App.tsx', 'lib/x.GO', 'main.tf', 'build.gradle', 'include/k.h']) expect(isSourceCodePath(p), p).toBe(true);
    for (const p of ['.env', 'config.yaml', 'app.properties', 'run.sh', 'Dockerfile', 'README.md', 'x.py/notes', 'py', '', 'dir.py/file']) {
      expect(isSourceCodePath(p), p).toBe(false);
    }
  });
});

describe('inTextOfCode', () => {
  const at = (line: string, name: string): boolean => inTextOfCode(line, line.indexOf(name));

  it('sees line comments, not a JS private field or a URL', () => {
    expect(at('x = 1  # api_key = abc', 'api_key')).toBe(true);
    expect(at('  // token: abc', 'token')).toBe(true);
    expect(at(' * password = abc', 'password')).toBe(true);
    expect(at('  #password = x', 'password')).toBe(false);
    expect(at('u = http://h/?token=1', 'token')).toBe(false);
  });

  it('sees an open string on the line, with escaped quotes inside it', () => {
    expect(at('c("dbname=x password=y")', 'password')).toBe(true);
    expect(at("s = 'it\\'s token=abc'", 'token')).toBe(true);
    expect(at('f("a", token=b)', 'token')).toBe(false);
    expect(at('x = "a"\ntoken = b', 'token')).toBe(false);
  });
});
