import { describe, expect, it } from 'vitest';
import { inRanges, inTextOfCode, isSourceCodePath, multilineStrings } from '../../src/detectors/source-code.js';

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

describe('multilineStrings', () => {
  const ranges = (text: string): string[] => multilineStrings(text).map(([a, b]) => text.slice(a, b));

  it('finds heredocs, assigned triple-quoted strings and template literals that span lines', () => {
    expect(ranges('user_data = <<-EOF\n  #!/bin/bash\n  export X=1\n  EOF\nami = "a"\n')).toEqual(['\n  #!/bin/bash\n  export X=1']);
    expect(ranges("CONFIG = '''\n[default]\nkey = 1\n'''\n")).toEqual(['\n[default]\nkey = 1\n']);
    expect(ranges('const env = `\nA=1\n`;\nconst s = `one line`;\n')).toEqual(['\nA=1\n']);
  });

  it('leaves docstrings, one-line strings and unterminated openers', () => {
    expect(ranges('def f(key):\n    """\n    :type key: bytes\n    """\n')).toEqual([]);
    expect(ranges('x = """one line"""\n')).toEqual([]);
    expect(ranges('x = `never closed\n')).toEqual([]);
    // A shift read as a heredoc opener finds no closing line; the strings after it still count.
    expect(ranges('int x = a<<b\nint y;\nconst s = `\nA=1\n`;\n')).toEqual(['\nA=1\n']);
  });

  it('inRanges answers by binary search', () => {
    const r: Array<[number, number]> = [[2, 5], [10, 12], [20, 30]];
    expect([1, 2, 4, 5, 11, 12, 25, 30].map((p) => inRanges(r, p))).toEqual([false, true, true, false, true, false, true, false]);
  });
});
