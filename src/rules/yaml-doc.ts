// Parse YAML keeping node positions, so every error can name file:line:column.
// The `yaml` package (about 80 modules) is loaded on first use only: a pre-commit run with the
// precompiled built-in rules and no config file never parses YAML and should not pay for it.
import { createRequire } from 'node:module';
import type { Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { KeyhoundError } from '../errors.js';

type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;
function yaml(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}

export function isMap(node: unknown): node is YAMLMap<unknown, unknown> {
  return yaml().isMap(node);
}
export function isSeq(node: unknown): node is YAMLSeq<unknown> {
  return yaml().isSeq(node);
}
export function isScalar(node: unknown): node is Scalar<unknown> {
  return yaml().isScalar(node);
}
export type { Pair };

export interface YamlSource {
  file: string;
  root: YamlNode | null;
  /** `file:line:col` of a node (or of the file when the node is unknown). */
  where(node: YamlNode | null | undefined): string;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const where = (node: YamlNode | null | undefined): string => {
    const offset = node?.range?.[0];
    if (offset === undefined) return file;
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const msg = first.message.split('\n')[0] ?? 'invalid YAML';
    throw new KeyhoundError(
      `invalid YAML: ${msg}`,
      'check indentation and quoting (regexes are safest in single quotes)',
      `${file}:${pos.line}:${pos.col}`,
    );
  }
  return { file, root: (doc.contents as YamlNode | null) ?? null, where };
}

/** Key/value pairs of a YAML map node, with each value's node for positions. */
export function mapEntries(node: YamlNode): Array<{ key: string; keyNode: YamlNode; value: YamlNode | null }> {
  if (!isMap(node)) return [];
  return node.items.map((pair) => {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    return { key, keyNode, value: (pair.value as YamlNode | null) ?? null };
  });
}

export type { YamlNode };

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
