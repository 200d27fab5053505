import type { Severity } from '../engine/types.js';

/** A rule as written in YAML (after schema validation). See rules/README.md. */
export interface RuleSpec {
  id: string;
  name: string;
  severity: Severity;
  /** Literals for the prefilter, matched case-insensitively; the regex runs only when one occurs. */
  keywords: string[];
  /** JavaScript regex source with a named `secret` group. */
  pattern: string;
  /** Regex flags besides the ones the engine adds (`g`, `d`): any of `i`, `m`, `s`, `u`. */
  flags: string;
  /** Minimum Shannon entropy (bits per character) of the secret, or of `entropy_group`. */
  entropy?: number;
  entropyGroup?: string;
  /**
   * A keyword must start at most this many characters before the secret (across lines): how a
   * rule for a format without a distinctive prefix ties the value to its provider's name.
   */
  keywordWithin?: number;
  checksum?: { algorithm: string; params: Record<string, unknown> };
  /** Names of structural validators (src/validators/registry.ts). */
  validate: string[];
  /** Reject secrets that look like placeholders/examples (default true). */
  placeholderFilter: boolean;
  /**
   * A catch-all: a format any provider may use (a JWT) or a value read by its place (a URL's
   * password, a Bearer header, a CLI flag). The rule reports a value only when no other rule
   * reports the same text with as much proof, so a GitLab token in a clone URL is the GitLab
   * token, one finding, not also a URL password.
   */
  fallback: boolean;
  examples: string[];
  negativeExamples: string[];
  references: string[];
  enabled: boolean;
  disabledReason?: string;
  description?: string;
  /** A code detector (src/detectors/registry.ts) instead of a pattern, e.g. generic assignments. */
  detector?: string;
  /**
   * Regex over the file's `/`-separated path (case-insensitive): the rule runs only in files it
   * matches, and a keyword in that path selects it as one in the text would.
   */
  path?: string;
  /** The path examples and negative examples are scanned as (for a rule with `path`). */
  examplePath?: string;
  /** Where the rule came from, for error messages: file path, line and column of its `- id:`. */
  source: { file: string; line: number; column?: number };
}

/** A rule ready for the engine. JSON-serialisable (built-in rules are precompiled at build time). */
export interface CompiledRuleData {
  id: string;
  name: string;
  severity: Severity;
  keywords: string[];
  pattern: string;
  flags: string;
  entropy?: number;
  entropyGroup?: string;
  keywordWithin?: number;
  checksum?: { algorithm: string; params: unknown };
  validate: string[];
  placeholderFilter: boolean;
  /** See RuleSpec.fallback; absent when false. */
  fallback?: boolean;
  groups: string[];
  references: string[];
  description?: string;
  detector?: string;
  path?: string;
  source: { file: string; line: number; column?: number };
}
