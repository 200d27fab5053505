import type { Finding, ScanStats, Severity } from '../engine/types.js';

/** A finding that a suppression (inline marker, allowlist, baseline) removed from the results. */
export type SuppressedFinding = Finding & {
  /** Why it was suppressed, e.g. the allowlist entry's reason or the baseline file. */
  reason: string;
  /** Which mechanism suppressed it, e.g. `inline-allow`, `allowlist`, `baseline`. */
  via: string;
};

/** What reporters need to know about a rule. */
export interface RuleInfo {
  id: string;
  name: string;
  severity: Severity;
  description?: string;
  references: string[];
}

export interface ReportContext {
  /** Already sorted by the engine (path, line, column, rule). */
  findings: readonly Finding[];
  stats: ScanStats;
  suppressed?: readonly SuppressedFinding[];
  rules: ReadonlyMap<string, RuleInfo>;
  /** Decided once by the CLI (TTY and not NO_COLOR); only `text` uses it. */
  color: boolean;
  toolVersion: string;
  /** What was scanned, for headers. An absolute path also becomes SARIF's %SRCROOT%. */
  scanTarget: string;
  showSuppressed?: boolean;
  /** When the scan ended; formats with timestamps use it. Default: now. Injectable for tests. */
  finishedAt?: Date;
  /** When the scan started. Default: `finishedAt - stats.elapsedMs`. */
  startedAt?: Date;
}

export interface Reporter {
  name: string;
  description: string;
  /** Conventional file extension, with the dot (`.sarif`). */
  fileExtension: string;
  render(ctx: ReportContext): string;
}
