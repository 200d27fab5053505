// .keyhound.yaml: found from the scan root upward, or given with --config.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { KeyhoundError } from '../errors.js';
import { loadRuleFile, parseRuleNodes } from '../rules/load.js';
import type { RuleSpec } from '../rules/types.js';
import { closest, isMap, isScalar, isSeq, mapEntries, parseYamlSource, type YamlNode, type YamlSource } from '../rules/yaml-doc.js';
import {
  parseAllowlists,
  parseFailOn,
  parseInlineMarkers,
  parseSeverity,
  type AllowlistSpec,
  type FailOn,
  type MarkerFamily,
  type SeverityOverride,
} from './suppress-keys.js';

export const CONFIG_NAMES = ['.keyhound.yaml', '.keyhound.yml'] as const;

export interface Config {
  /** Absolute path of the file, or undefined when no config was found. */
  path: string | undefined;
  rules: RuleSpec[];
  disable: string[];
  maxFileSize: number | undefined;
  /** Archive layers opened (`max_archive_depth`); undefined: the default. */
  maxArchiveDepth: number | undefined;
  ignore: string[];
  /** Directory the file's path patterns are relative to (the file's own directory). */
  dir: string | undefined;
  severity: SeverityOverride[];
  allowlists: AllowlistSpec[];
  failOn: FailOn | undefined;
  inlineMarkers: Partial<Record<MarkerFamily, boolean>>;
  /** A config in a subdirectory of the top-level one: only per-path keys are allowed. */
  nested: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const CONFIG_KEYS = [
  'rule_files', 'rules', 'disable', 'max_file_size', 'max_archive_depth', 'ignore', 'severity', 'allowlist', 'fail_on', 'inline_markers',
] as const;
/** Keys that shape the whole scan, so a nested config (one subtree) cannot set them. */
const TOP_LEVEL_ONLY: Readonly<Record<string, string>> = {
  rule_files: 'move it to the top-level config',
  rules: 'move the rule to the top-level config',
  max_file_size: 'move it to the top-level config',
  max_archive_depth: 'move it to the top-level config',
  fail_on: 'move it to the top-level config',
  ignore: 'put the patterns in a .keyhoundignore file in this directory',
};

export function emptyConfig(): Config {
  return {
    path: undefined, rules: [], disable: [], maxFileSize: undefined, maxArchiveDepth: undefined, ignore: [],
    dir: undefined, severity: [], allowlists: [], failOn: undefined, inlineMarkers: {}, nested: false,
  };
}

/** The nearest config file from `start` (a file or directory) up to the filesystem root. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** "10MB", "512kb", 1048576 -> bytes. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase().replace(/i?b$/, '');
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

export function loadConfig(path: string, cwd = process.cwd(), nested = false): Config {
  const abs = resolve(cwd, path);
  const display = relative(cwd, abs) || abs;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new KeyhoundError(`cannot read config file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      'check the --config path', display);
  }
  return parseConfig(text, display, dirname(abs), abs, nested);
}

/** A path as the user reads it: relative to the working directory when below it, else absolute. */
function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? p : rel;
}

export function parseConfig(text: string, display: string, baseDir: string, abs = display, nested = false): Config {
  const src = parseYamlSource(text, display);
  const cfg = emptyConfig();
  cfg.path = abs;
  cfg.dir = baseDir;
  cfg.nested = nested;
  if (!src.root) return cfg;
  if (!isMap(src.root)) throw new KeyhoundError('a config file must be a map of keys', 'start lines with keys such as `allowlist:`', src.where(src.root));
  for (const { key, keyNode, value } of mapEntries(src.root)) {
    const fail = (msg: string, fix: string, node: YamlNode | null = value): never => {
      throw new KeyhoundError(msg, fix, src.where(node ?? keyNode));
    };
    const topOnly = TOP_LEVEL_ONLY[key];
    if (nested && topOnly) fail(`\`${key}\` is only allowed in the top-level config, not in a nested one`, topOnly, keyNode);
    switch (key) {
      case 'rule_files':
        for (const f of stringList(src, value, key)) {
          const p = isAbsolute(f) ? f : join(baseDir, f);
          cfg.rules.push(...loadRuleFile(p, displayPath(p), { untrusted: true }));
        }
        break;
      case 'rules':
        if (value) cfg.rules.push(...parseRuleNodes(src, value, { untrusted: true }));
        break;
      case 'disable':
        cfg.disable.push(...stringList(src, value, key));
        break;
      case 'ignore':
        cfg.ignore.push(...stringList(src, value, key));
        break;
      case 'max_file_size': {
        const raw = value && isScalar(value) ? value.value : undefined;
        const size = typeof raw === 'string' || typeof raw === 'number' ? parseSize(raw) : undefined;
        if (size === undefined) fail('`max_file_size` must be a size', 'write e.g. `max_file_size: 10MB`');
        cfg.maxFileSize = size;
        break;
      }
      case 'max_archive_depth': {
        const raw = value && isScalar(value) ? value.value : undefined;
        if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 5) {
          fail('`max_archive_depth` must be a whole number from 0 to 5', 'write e.g. `max_archive_depth: 2` (0 reads no archive)');
        }
        cfg.maxArchiveDepth = raw as number;
        break;
      }
      case 'severity':
        cfg.severity.push(...parseSeverity(src, value));
        break;
      case 'allowlist':
        cfg.allowlists.push(...parseAllowlists(src, value));
        break;
      case 'fail_on':
        cfg.failOn = parseFailOn(src, value);
        break;
      case 'inline_markers':
        cfg.inlineMarkers = parseInlineMarkers(src, value);
        break;
      default: {
        const hint = closest(key, CONFIG_KEYS);
        fail(`unknown key \`${key}\``, hint ? `did you mean \`${hint}\`?` : `known keys: ${CONFIG_KEYS.join(', ')}`, keyNode);
      }
    }
  }
  return cfg;
}

function stringList(src: YamlSource, node: YamlNode | null, key: string): string[] {
  if (node === null) return [];
  if (!isSeq(node)) throw new KeyhoundError(`\`${key}\` must be a list`, `write \`${key}: [a, b]\``, src.where(node));
  return node.items.map((it) => {
    const n = it as YamlNode;
    if (!isScalar(n) || typeof n.value !== 'string') {
      throw new KeyhoundError(`every entry of \`${key}\` must be a string`, 'quote the entry', src.where(n));
    }
    return n.value;
  });
}
