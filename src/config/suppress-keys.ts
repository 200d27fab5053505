// The suppression part of .keyhound.yaml: severity overrides, allowlists, fail_on, inline markers.
// Parsed into plain data with the position of every entry, so errors found later (an unknown
// rule id) can still name file:line:column.
import type { Severity } from '../engine/types.js';
import { findBacktrackingRisk } from '../engine/regex-safety.js';
import { KeyhoundError } from '../errors.js';
import { closest, isMap, isScalar, isSeq, mapEntries, type YamlNode, type YamlSource } from '../rules/yaml-doc.js';

/** `none` never fails on findings; `warn` fails on any finding; `error` only on errors. */
export const FAIL_ON = ['error', 'warn', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Comment markers from other scanners that keyhound honours for migration. */
export const MARKER_FAMILIES = ['keyhound', 'gitleaks', 'detect_secrets', 'secretlint'] as const;
export type MarkerFamily = (typeof MARKER_FAMILIES)[number];

export interface SeverityOverride {
  rule: string;
  severity: Severity;
  where: string;
}

export interface AllowlistRegex {
  source: string;
  re: RegExp;
}

/** One allowlist entry. Which conditions must hold: any one (default) or all that are given. */
export interface AllowlistSpec {
  /** Human reason shown with --show-suppressed. */
  reason: string | undefined;
  /** Limit the entry to these rule ids (empty: every rule). */
  rules: string[];
  paths: string[];
  secrets: AllowlistRegex[];
  lines: AllowlistRegex[];
  stopwords: string[];
  match: 'any' | 'all';
  /** file:line:column of the entry. */
  where: string;
  /** file:line:column of each rule id, for "unknown rule" errors. */
  ruleWhere: string[];
}

const ALLOWLIST_KEYS = ['reason', 'rules', 'paths', 'secrets', 'lines', 'stopwords', 'match'] as const;

function fail(src: YamlSource, node: YamlNode | null, msg: string, fix: string): never {
  throw new KeyhoundError(msg, fix, src.where(node));
}

function scalarString(src: YamlSource, node: YamlNode | null, what: string): string {
  if (node && isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return fail(src, node, `${what} must be a string`, 'quote the value');
}

/** A list of strings; a single string is accepted as a one-element list. */
function strings(src: YamlSource, node: YamlNode | null, key: string): Array<{ value: string; node: YamlNode }> {
  if (node === null) return [];
  if (isScalar(node)) return [{ value: scalarString(src, node, `\`${key}\``), node }];
  if (!isSeq(node)) return fail(src, node, `\`${key}\` must be a list`, `write \`${key}: [a, b]\``);
  return node.items.map((it) => {
    const n = it as YamlNode;
    return { value: scalarString(src, n, `every entry of \`${key}\``), node: n };
  });
}

/** A user regex; a leading `(?i)` (other scanners' syntax) becomes the `i` flag. */
function regex(src: YamlSource, value: string, node: YamlNode, key: string): AllowlistRegex {
  let body = value;
  let flags = '';
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    flags = 'i';
  }
  let re: RegExp;
  try {
    re = new RegExp(body, flags);
  } catch (e) {
    return fail(src, node, `invalid regex in \`${key}\`: ${(e as Error).message}`, 'use JavaScript regex syntax, in single quotes');
  }
  // Allowlist regexes run on whole lines in the main thread: one that can hang is refused.
  const risk = findBacktrackingRisk(body, flags);
  if (risk) return fail(src, node, `\`${key}\`: ${risk.message}`, risk.fix);
  return { source: value, re };
}

export function parseSeverity(src: YamlSource, node: YamlNode | null): SeverityOverride[] {
  if (node === null) return [];
  if (!isMap(node)) return fail(src, node, '`severity` must map rule ids to error or warn', 'write `severity: { generic-api-key: warn }`');
  return mapEntries(node).map(({ key, keyNode, value }) => {
    const v = value && isScalar(value) ? value.value : undefined;
    if (v !== 'error' && v !== 'warn') {
      return fail(src, value ?? keyNode, `severity of \`${key}\` must be error or warn`, `write \`${key}: warn\`, or use \`disable\` to turn the rule off`);
    }
    return { rule: key, severity: v, where: src.where(keyNode) };
  });
}

export function parseFailOn(src: YamlSource, node: YamlNode | null): FailOn {
  const v = node && isScalar(node) ? node.value : undefined;
  if (typeof v === 'string' && (FAIL_ON as readonly string[]).includes(v)) return v as FailOn;
  return fail(src, node, '`fail_on` must be error, warn or none', 'write `fail_on: error` to fail only on error-severity findings');
}

/** `inline_markers: false` (all off) or a map of families to booleans. */
export function parseInlineMarkers(src: YamlSource, node: YamlNode | null): Partial<Record<MarkerFamily, boolean>> {
  if (node && isScalar(node) && typeof node.value === 'boolean') {
    return Object.fromEntries(MARKER_FAMILIES.map((f) => [f, node.value as boolean]));
  }
  if (node === null || !isMap(node)) {
    return fail(src, node, '`inline_markers` must be true, false or a map', `write e.g. \`inline_markers: { gitleaks: false }\` (families: ${MARKER_FAMILIES.join(', ')})`);
  }
  const out: Partial<Record<MarkerFamily, boolean>> = {};
  for (const { key, keyNode, value } of mapEntries(node)) {
    if (!(MARKER_FAMILIES as readonly string[]).includes(key)) {
      const hint = closest(key, MARKER_FAMILIES);
      fail(src, keyNode, `unknown marker family \`${key}\``, hint ? `did you mean \`${hint}\`?` : `known: ${MARKER_FAMILIES.join(', ')}`);
    }
    if (!value || !isScalar(value) || typeof value.value !== 'boolean') {
      fail(src, value ?? keyNode, `\`inline_markers.${key}\` must be true or false`, `write \`${key}: false\``);
    }
    out[key as MarkerFamily] = value.value as boolean;
  }
  return out;
}

/** `allowlist:` is one entry (a map) or a list of entries. */
export function parseAllowlists(src: YamlSource, node: YamlNode | null): AllowlistSpec[] {
  if (node === null) return [];
  if (isMap(node)) return [parseEntry(src, node)];
  if (!isSeq(node)) return fail(src, node, '`allowlist` must be a list of entries', 'write `allowlist: [{ paths: [docs/**] }]`');
  return node.items.map((it) => parseEntry(src, it as YamlNode));
}

function parseEntry(src: YamlSource, node: YamlNode): AllowlistSpec {
  if (!isMap(node)) return fail(src, node, 'an `allowlist` entry must be a map', 'write `- { paths: [docs/**], reason: docs }`');
  const spec: AllowlistSpec = {
    reason: undefined, rules: [], paths: [], secrets: [], lines: [], stopwords: [], match: 'any', where: src.where(node), ruleWhere: [],
  };
  for (const { key, keyNode, value } of mapEntries(node)) {
    switch (key) {
      case 'reason':
        spec.reason = scalarString(src, value, '`reason`');
        break;
      case 'rules':
        for (const r of strings(src, value, key)) {
          spec.rules.push(r.value);
          spec.ruleWhere.push(src.where(r.node));
        }
        break;
      case 'paths':
        spec.paths.push(...strings(src, value, key).map((s) => s.value));
        break;
      case 'secrets':
      case 'lines':
        spec[key].push(...strings(src, value, key).map((s) => regex(src, s.value, s.node, key)));
        break;
      case 'stopwords':
        spec.stopwords.push(...strings(src, value, key).map((s) => s.value.toLowerCase()));
        break;
      case 'match': {
        const v = value && isScalar(value) ? value.value : undefined;
        if (v !== 'any' && v !== 'all') fail(src, value ?? keyNode, '`match` must be any or all', 'write `match: all` to require every condition');
        spec.match = v;
        break;
      }
      default: {
        const hint = closest(key, ALLOWLIST_KEYS);
        fail(src, keyNode, `unknown allowlist key \`${key}\``, hint ? `did you mean \`${hint}\`?` : `known keys: ${ALLOWLIST_KEYS.join(', ')}`);
      }
    }
  }
  if (spec.paths.length + spec.secrets.length + spec.lines.length + spec.stopwords.length === 0) {
    fail(src, node, 'an `allowlist` entry needs a condition', 'add `paths`, `secrets`, `lines` or `stopwords` (with only `rules`, use `disable` instead)');
  }
  return spec;
}
