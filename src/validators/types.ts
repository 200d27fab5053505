// Contract for structural validators: checks that a candidate has the internal structure of the
// real format (JWT JSON header, PyPI macaroon, ...). One file per validator, one registry line.
// Rule YAML: `validate: [jwt]`.

/**
 * `lookalike: 'placeholder'`: well formed, but a documentation value or a token that grants
 * nothing (counted as a placeholder).
 */
export type ValidationResult = { ok: true; notes?: string[] } | { ok: false; reason: string; lookalike?: 'placeholder' };

export interface StructureValidator {
  readonly name: string;
  readonly description: string;
  /**
   * True for a filter that only drops look-alikes (not words, not an example host) without
   * proving the format: it does not make a finding outrank another on the same text.
   */
  readonly filterOnly?: boolean;
  /** Must never throw; malformed input is `{ ok: false }`. */
  validate(secret: string, groups: Readonly<Record<string, string | undefined>>): ValidationResult;
}

export function defineValidator(v: StructureValidator): StructureValidator {
  return v;
}
