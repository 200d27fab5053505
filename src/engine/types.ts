// Shared data shapes of the scan pipeline:
// Source -> Chunk -> prefilter -> detectors -> Candidate -> validators -> Finding -> reporter.

/** Where a chunk of text came from. A discriminated union so reporters can render each kind. */
export type Origin =
  | { kind: 'file'; path: string }
  | { kind: 'staged'; path: string }
  | { kind: 'commit'; path: string; commit: string; author: string; email: string; date: string }
  | { kind: 'stdin'; path: string };

/** A piece of text to scan. `path` in the origin is relative to the scan root with `/` separators. */
export interface Chunk {
  origin: Origin;
  text: string;
  /** 1-based line number of the first character of `text` in the original file. */
  startLine: number;
  /** UTF-16 column offset of `text`'s first character in its line (a piece of a long line). */
  startColumn?: number;
  /** When set, only findings that start on one of these (1-based, original-file) lines are kept. */
  reportLines?: ReadonlySet<number>;
  /**
   * A binary file that may be a key store: `text` is its bytes in base64, and only the rules
   * whose detector reads binary files see it (src/detectors/key-files.ts).
   */
  binary?: true;
}

export type Severity = 'error' | 'warn';

/**
 * A regex hit that has not been validated yet. The ONLY type that carries a raw secret;
 * it never leaves the engine.
 */
export interface Candidate {
  ruleId: string;
  secret: string;
  /** Named capture groups of the rule pattern, relative to the secret (start/end in `secret`). */
  groups: Readonly<Record<string, string | undefined>>;
  /** Offsets of the secret in the chunk text. */
  start: number;
  end: number;
  /** The text of the matched line(s), for suppression markers and line allowlists. */
}

/** Why a candidate was dropped; counted in scan stats so --verbose can explain. */
export type RejectReason =
  | 'bad-checksum'
  | 'bad-structure'
  | 'low-entropy'
  | 'placeholder'
  | 'allowlisted'
  | 'inline-allow'
  | 'baseline'
  | 'not-added-line';

/** What reporters see. It has no field that can hold a raw secret unless the user asked (--unmask). */
export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  origin: Origin;
  /** 1-based line and column (column counted in UTF-16 code units, as editors do for BMP text). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  masked: string;
  /** Hex hash of rule id + secret: location-free identity, never the secret. */
  fingerprint: string;
  /** Notes from validators, e.g. "checksum valid" or "AWS account 123456789012". */
  notes: string[];
  /** Present only when the user asked for raw values with --unmask. */
  secret?: string;
}

/** A candidate dropped as a look-alike, for `--verbose`: where, which rule, why (masked, never raw). */
export interface Lookalike {
  path: string;
  line: number;
  commit?: string;
  rule: string;
  masked: string;
  reason: RejectReason;
}

/** At most this many look-alikes are kept per scan; the counts in `rejected` stay exact. */
export const MAX_LOOKALIKES = 1000;

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  skipped: { binary: number; tooLarge: number; unreadable: number; other: number };
  rejected: Partial<Record<RejectReason, number>>;
  elapsedMs: number;
  /** Problems the scan went on after (a rule over its time budget on a file); shown on stderr. */
  warnings?: string[];
  /** Present (an array) when the caller asked for look-alikes to be listed. */
  lookalikes?: Lookalike[];
}

export function emptyStats(): ScanStats {
  return {
    filesScanned: 0,
    bytesScanned: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: 0, other: 0 },
    rejected: {},
    elapsedMs: 0,
  };
}
