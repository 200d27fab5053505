// Rule files: YAML as read -> validated RuleSpec -> CompiledRuleData (what the engine uses).
// Every error names file:line:column, the rule id and how to fix it.
import { readFileSync } from 'node:fs';
import { KeyhoundError } from '../errors.js';
import { checksums } from '../checksums/registry.js';
import { ChecksumParamError } from '../checksums/types.js';
import { validators } from '../validators/registry.js';
import { detectors } from '../detectors/registry.js';
import { findBacktrackingRisk } from '../engine/regex-safety.js';
import { expandFragments, FRAGMENTS, unknownFragments } from './fragments.js';
import type { CompiledRuleData, RuleSpec } from './types.js';
import { closest, isMap, isScalar, isSeq, mapEntries, parseYamlSource, type YamlNode, type YamlSource } from './yaml-doc.js';

const RULE_KEYS = [
  'id', 'name', 'severity', 'keywords', 'pattern', 'flags', 'entropy', 'entropy_group', 'checksum', 'validate',
  'placeholder_filter', 'keyword_within', 'examples', 'negative_examples', 'references', 'enabled', 'disabled_reason', 'description',
  'detector', 'path', 'example_path', 'fallback',
] as const;

const ID_RE = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/** `untrusted`: the rules come from a user's config, so patterns are checked for backtracking. */
export interface RuleParseOptions {
  untrusted?: boolean;
}

/** Parse a rule file's text (`rules:` list at the top). */
export function parseRuleFile(text: string, file: string, opts: RuleParseOptions = {}): RuleSpec[] {
  const src = parseYamlSource(text, file);
  if (!src.root) return [];
  const top = mapEntries(src.root);
  if (!isMap(src.root)) {
    throw new KeyhoundError('a rule file must be a mapping with a `rules:` list', 'start the file with `rules:`', src.where(src.root));
  }
  const specs: RuleSpec[] = [];
  for (const { key, keyNode, value } of top) {
    if (key !== 'rules') {
      const hint = closest(key, ['rules']);
      throw new KeyhoundError(`unknown top-level key \`${key}\``, hint ? `did you mean \`${hint}\`?` : 'a rule file has only `rules:`', src.where(keyNode));
    }
    if (!value || !isSeq(value)) {
      throw new KeyhoundError('`rules` must be a list', 'write each rule as `- id: ...`', src.where(value ?? keyNode));
    }
    for (const item of value.items) specs.push(parseRuleNode(src, item as YamlNode, opts));
  }
  return specs;
}

export function parseRuleNodes(src: YamlSource, list: YamlNode, opts: RuleParseOptions = {}): RuleSpec[] {
  if (!isSeq(list)) throw new KeyhoundError('`rules` must be a list', 'write each rule as `- id: ...`', src.where(list));
  return list.items.map((item) => parseRuleNode(src, item as YamlNode, opts));
}

export function loadRuleFile(path: string, displayPath = path, opts: RuleParseOptions = {}): RuleSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KeyhoundError(`cannot read rule file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'check the path in `rule_files`', displayPath);
  }
  return parseRuleFile(text, displayPath, opts);
}

function parseRuleNode(src: YamlSource, node: YamlNode, opts: RuleParseOptions): RuleSpec {
  const where = src.where(node);
  if (!isMap(node)) throw new KeyhoundError('each rule must be a mapping', 'write `- id: my-rule` followed by its fields', where);
  const fields = new Map<string, { value: YamlNode | null; keyNode: YamlNode }>();
  for (const e of mapEntries(node)) fields.set(e.key, { value: e.value, keyNode: e.keyNode });
  const idField = fields.get('id');
  const id = idField?.value && isScalar(idField.value) ? String(idField.value.value) : undefined;
  const label = id ? `rule \`${id}\`` : 'rule';
  const fail = (msg: string, fix: string, at: YamlNode | null | undefined = node): never => {
    throw new KeyhoundError(`${label}: ${msg}`, fix, src.where(at));
  };
  for (const [key, { keyNode }] of fields) {
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, RULE_KEYS);
      fail(`unknown field \`${key}\``, hint ? `did you mean \`${hint}\`?` : `allowed fields: ${RULE_KEYS.join(', ')}`, keyNode);
    }
  }
  const get = (k: string) => fields.get(k)?.value ?? null;
  const str = (k: string, required: boolean): string | undefined => {
    const v = get(k);
    if (v === null) return required ? fail(`missing \`${k}\``, `add \`${k}:\` to the rule`) : undefined;
    if (!isScalar(v) || typeof v.value !== 'string' || v.value === '') return fail(`\`${k}\` must be a non-empty string`, `quote the value of \`${k}\``, v);
    return v.value;
  };
  const strList = (k: string, required: boolean): string[] => {
    const v = get(k);
    if (v === null) return required ? fail(`missing \`${k}\``, `add \`${k}:\` with at least one entry`) : [];
    if (!isSeq(v)) return fail(`\`${k}\` must be a list of strings`, `write \`${k}: ['...']\``, v);
    return v.items.map((it) => {
      const n = it as YamlNode;
      if (!isScalar(n) || typeof n.value !== 'string') return fail(`every entry of \`${k}\` must be a string`, 'quote the entry', n);
      return n.value;
    });
  };
  const num = (k: string): number | undefined => {
    const v = get(k);
    if (v === null) return undefined;
    if (!isScalar(v) || typeof v.value !== 'number') return fail(`\`${k}\` must be a number`, `e.g. \`${k}: 3.5\``, v);
    return v.value;
  };
  const bool = (k: string, dflt: boolean): boolean => {
    const v = get(k);
    if (v === null) return dflt;
    if (!isScalar(v) || typeof v.value !== 'boolean') return fail(`\`${k}\` must be true or false`, `write \`${k}: ${dflt}\``, v);
    return v.value;
  };

  if (!id) return fail('missing `id`', 'add `id: provider-credential` (kebab-case)');
  if (!ID_RE.test(id)) fail(`id \`${id}\` is not kebab-case`, 'use lower-case letters, digits and dashes, e.g. `acme-api-key`', idField?.value);
  const severity = str('severity', false) ?? 'error';
  if (severity !== 'error' && severity !== 'warn') return fail(`severity \`${severity}\` is not valid`, 'use `error` or `warn`', get('severity'));
  const detector = str('detector', false);
  const written = str('pattern', detector === undefined);
  const unknown = written === undefined ? [] : unknownFragments(written);
  if (unknown.length > 0) {
    fail(`pattern calls unknown fragment \`(?&${unknown[0]})\``, `use one of: ${Object.keys(FRAGMENTS).map((n) => `(?&${n})`).join(', ')}`, get('pattern'));
  }
  const pattern = written === undefined ? undefined : expandFragments(written);
  if (detector !== undefined && pattern !== undefined) fail('`detector` and `pattern` exclude each other', 'remove one of them', get('detector'));
  if (detector !== undefined && !Object.hasOwn(detectors, detector)) {
    fail(`unknown detector \`${detector}\``, `use one of: ${Object.keys(detectors).join(', ')}`, get('detector'));
  }
  // A rule that reads binary files is not selected by text, so it has no keywords.
  const binary = detector !== undefined && (detectors as Record<string, { binary?: boolean }>)[detector]?.binary === true;
  const keywords = strList('keywords', !binary).map((k) => k.toLowerCase());
  if (binary && keywords.length > 0) fail(`detector \`${detector}\` reads binary files: keywords are never used`, 'remove `keywords`', get('keywords'));
  if (!binary && (keywords.length === 0 || keywords.some((k) => k.length < 2))) {
    fail('`keywords` needs at least one literal of 2+ characters', 'add the token prefix or a provider word, e.g. `keywords: [acme_]`', get('keywords'));
  }
  const flags = str('flags', false) ?? '';
  if (!/^[imsu]*$/.test(flags)) fail(`flags \`${flags}\` are not allowed`, 'use only i, m, s, u (g and d are added by the engine)', get('flags'));
  if (pattern !== undefined) {
    try {
      new RegExp(pattern, `${flags}gd`);
    } catch (e) {
      fail(`invalid regex: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
        'JavaScript regex syntax: no inline (?i) (use `flags: i`), escape `/` only where needed', get('pattern'));
    }
  }
  if (opts.untrusted && pattern !== undefined) {
    // A user pattern that can hang a scan is refused here, where the error can point at it.
    const risk = findBacktrackingRisk(pattern, flags);
    if (risk) fail(risk.message, risk.fix, get('pattern'));
  }
  const path = str('path', false);
  let pathRe: RegExp | undefined;
  if (path !== undefined) {
    try {
      pathRe = new RegExp(path, 'i');
    } catch (e) {
      fail(`invalid \`path\` regex: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
        'a JavaScript regex over the file path, e.g. `path: \'(^|/)\\.npmrc$\'`', get('path'));
    }
    if (opts.untrusted) {
      const risk = findBacktrackingRisk(path, 'i');
      if (risk) fail(`\`path\`: ${risk.message}`, risk.fix, get('path'));
    }
  }
  const examplePath = str('example_path', false);
  if (examplePath !== undefined && path === undefined) fail('`example_path` needs a `path`', 'add `path:` or remove `example_path`', get('example_path'));
  if (pathRe && examplePath !== undefined && !pathRe.test(examplePath)) {
    fail(`\`example_path\` \`${examplePath}\` does not match \`path\``, 'give a path the rule applies to', get('example_path'));
  }
  const checksumNode = get('checksum');
  let checksum: RuleSpec['checksum'];
  if (checksumNode !== null) {
    if (!isMap(checksumNode)) return fail('`checksum` must be a mapping', 'write `checksum: { algorithm: crc32, ... }`', checksumNode);
    const raw = (checksumNode.toJSON() ?? {}) as Record<string, unknown>;
    const { algorithm, ...params } = raw;
    if (typeof algorithm !== 'string') return fail('`checksum.algorithm` is missing', `use one of: ${Object.keys(checksums).join(', ')}`, checksumNode);
    if (!Object.hasOwn(checksums, algorithm)) {
      const hint = closest(algorithm, Object.keys(checksums));
      const at = mapEntries(checksumNode).find((e) => e.key === 'algorithm')?.value ?? checksumNode;
      fail(`unknown checksum algorithm \`${algorithm}\``,
        hint ? `did you mean \`${hint}\`? (known: ${Object.keys(checksums).join(', ')})` : `use one of: ${Object.keys(checksums).join(', ')}`, at);
    }
    checksum = { algorithm, params };
  }
  const examples = strList('examples', true);
  const negativeExamples = strList('negative_examples', true);
  if (examples.length === 0) fail('`examples` is empty', 'add at least one text the rule must find', get('examples'));
  if (negativeExamples.length === 0) fail('`negative_examples` is empty', 'add at least one look-alike the rule must not find', get('negative_examples'));
  const enabled = bool('enabled', true);
  const disabledReason = str('disabled_reason', false);
  if (!enabled && !disabledReason) fail('a disabled rule needs `disabled_reason`', 'say why it is off by default', get('enabled'));

  const spec: RuleSpec = {
    id,
    name: str('name', true)!,
    severity,
    keywords,
    pattern: pattern ?? '',
    flags,
    validate: strList('validate', false),
    placeholderFilter: bool('placeholder_filter', true),
    fallback: bool('fallback', false),
    examples,
    negativeExamples,
    references: strList('references', false),
    enabled,
    source: sourceOf(src.file, where),
  };
  const entropy = num('entropy');
  if (entropy !== undefined) spec.entropy = entropy;
  const within = num('keyword_within');
  if (within !== undefined) {
    if (!Number.isInteger(within) || within < 1 || within > 1000) {
      fail('`keyword_within` must be a whole number of characters from 1 to 1000', 'e.g. `keyword_within: 80`', get('keyword_within'));
    }
    if (detector !== undefined) fail('`keyword_within` applies to a pattern, not a detector', 'remove `keyword_within`', get('keyword_within'));
    spec.keywordWithin = within;
  }
  const entropyGroup = str('entropy_group', false);
  if (entropyGroup !== undefined) spec.entropyGroup = entropyGroup;
  if (checksum) spec.checksum = checksum;
  if (disabledReason !== undefined) spec.disabledReason = disabledReason;
  const description = str('description', false);
  if (description !== undefined) spec.description = description;
  if (detector !== undefined) spec.detector = detector;
  if (path !== undefined) spec.path = path;
  if (examplePath !== undefined) spec.examplePath = examplePath;
  return spec;
}

/** `file:line:column` (from YamlSource.where) as a rule's source record. */
function sourceOf(file: string, where: string): RuleSpec['source'] {
  const m = /:(\d+):(\d+)$/.exec(where);
  return m ? { file, line: Number(m[1]), column: Number(m[2]) } : { file, line: 1 };
}

/** `file:line[:column]` of a rule, for error messages. */
export function ruleWhere(source: RuleSpec['source']): string {
  return `${source.file}:${source.line}${source.column !== undefined ? `:${source.column}` : ''}`;
}

/** Named groups declared in a regex source (not lookbehinds). */
export function groupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!);
}

/** Check everything that needs more than the schema, and produce the engine's record. */
export function compileRule(spec: RuleSpec): CompiledRuleData {
  const where = ruleWhere(spec.source);
  const fail = (msg: string, fix: string): never => {
    throw new KeyhoundError(`rule \`${spec.id}\`: ${msg}`, fix, where);
  };
  let groups: string[] = [];
  if (!spec.detector) {
    try {
      new RegExp(spec.pattern, spec.flags + 'gd');
    } catch (e) {
      fail(`invalid regex: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
        'JavaScript regex syntax: no inline (?i) (use `flags: i`), escape `/` only where needed');
    }
    groups = groupNames(spec.pattern);
    if (!groups.includes('secret')) fail('pattern has no named group `secret`', 'wrap the credential in `(?<secret>...)`');
  }
  if (spec.entropyGroup && !groups.includes(spec.entropyGroup)) {
    fail(`entropy_group \`${spec.entropyGroup}\` is not a named group of the pattern`, `name a group: ${groups.join(', ')}`);
  }
  let checksum: CompiledRuleData['checksum'];
  if (spec.checksum) {
    const algo = Object.hasOwn(checksums, spec.checksum.algorithm)
      ? checksums[spec.checksum.algorithm as keyof typeof checksums]
      : undefined;
    if (!algo) {
      const hint = closest(spec.checksum.algorithm, Object.keys(checksums));
      return fail(`unknown checksum algorithm \`${spec.checksum.algorithm}\``,
        hint ? `did you mean \`${hint}\`? (known: ${Object.keys(checksums).join(', ')})` : `use one of: ${Object.keys(checksums).join(', ')}`);
    }
    try {
      (algo as { parseParams(raw: Record<string, unknown>, groups: readonly string[]): unknown }).parseParams(spec.checksum.params, groups);
    } catch (e) {
      if (e instanceof ChecksumParamError) fail(`checksum: ${e.message}`, e.fix);
      throw e;
    }
    checksum = { algorithm: spec.checksum.algorithm, params: spec.checksum.params };
  }
  for (const v of spec.validate) {
    if (!Object.hasOwn(validators, v)) {
      const hint = closest(v, Object.keys(validators));
      fail(`unknown validator \`${v}\``, hint ? `did you mean \`${hint}\`?` : `use one of: ${Object.keys(validators).join(', ')}`);
    }
  }
  const data: CompiledRuleData = {
    id: spec.id,
    name: spec.name,
    severity: spec.severity,
    keywords: spec.keywords,
    pattern: spec.pattern,
    flags: spec.flags,
    validate: spec.validate,
    placeholderFilter: spec.placeholderFilter,
    groups,
    references: spec.references,
    source: spec.source,
  };
  if (spec.entropy !== undefined) data.entropy = spec.entropy;
  if (spec.entropyGroup !== undefined) data.entropyGroup = spec.entropyGroup;
  if (spec.keywordWithin !== undefined) data.keywordWithin = spec.keywordWithin;
  if (checksum) data.checksum = checksum;
  if (spec.detector) data.detector = spec.detector;
  if (spec.path !== undefined) data.path = spec.path;
  if (spec.description) data.description = spec.description;
  if (spec.fallback) data.fallback = true;
  return data;
}

/** Compile a list of specs; duplicate ids are an error naming both places. */
export function compileRules(specs: readonly RuleSpec[]): CompiledRuleData[] {
  const seen = new Map<string, RuleSpec>();
  const out: CompiledRuleData[] = [];
  for (const s of specs) {
    const prev = seen.get(s.id);
    if (prev) {
      throw new KeyhoundError(`duplicate rule id \`${s.id}\` (also at ${ruleWhere(prev.source)})`,
        'rename one of them (ids must be unique across all rule files)', ruleWhere(s.source));
    }
    seen.set(s.id, s);
    const compiled = compileRule(s); // disabled rules are still checked, so they stay valid
    if (s.enabled) out.push(compiled);
  }
  return out;
}
