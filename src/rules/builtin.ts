// Built-in rules: precompiled to JSON at build time (no YAML parsing at start-up), with the
// YAML files as the fallback when the JSON is missing or older than any rule file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseRuleFile, compileRules } from './load.js';
import type { CompiledRuleData, RuleSpec } from './types.js';

export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const COMPILED = fileURLToPath(new URL('../builtin-rules.json', import.meta.url));

export interface CompiledBundle {
  newestSourceMs: number;
  rules: CompiledRuleData[];
}

export function ruleFiles(): string[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(RULES_DIR, f));
}

/** Every built-in rule spec, enabled or not (the rule tests walk all of them). */
export function builtinSpecs(): RuleSpec[] {
  return ruleFiles().flatMap((f) => parseRuleFile(readFileSync(f, 'utf8'), `rules/${f.slice(RULES_DIR.length)}`));
}

function newestSource(files: string[]): number {
  return Math.max(0, ...files.map((f) => statSync(f).mtimeMs));
}

export function compileBuiltins(): CompiledBundle {
  const files = ruleFiles();
  return { newestSourceMs: newestSource(files), rules: compileRules(builtinSpecs()) };
}

let cache: CompiledRuleData[] | undefined;

/** Enabled built-in rules, compiled. */
export function builtinRules(): CompiledRuleData[] {
  if (cache) return cache;
  try {
    const bundle = JSON.parse(readFileSync(COMPILED, 'utf8')) as CompiledBundle;
    if (bundle.newestSourceMs >= newestSource(ruleFiles())) return (cache = bundle.rules);
  } catch {
    // no precompiled bundle (running from source): compile the YAML
  }
  return (cache = compileBuiltins().rules);
}
