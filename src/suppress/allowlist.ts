// Config allowlists: conditions on the path (globs), the secret and the line (regexes), and
// stopwords; `match: any` (default) needs one condition to hold, `match: all` every given one.
import { relative } from 'node:path';
import type { AllowlistSpec } from '../config/suppress-keys.js';
import { compileGlob, normalizePath, type PathGlob } from './glob.js';

export interface AllowlistTarget {
  ruleId: string;
  secret: string;
  lineText: string;
  /** Absolute path of the file. */
  absPath: string;
}

export class Allowlist {
  private readonly globs: readonly PathGlob[];

  /** @param base directory the path globs are relative to (the config file's directory) */
  constructor(
    readonly spec: AllowlistSpec,
    readonly base: string,
  ) {
    this.globs = spec.paths.map(compileGlob);
  }

  get reason(): string {
    return this.spec.reason ?? `allowlist at ${this.spec.where}`;
  }

  matches(t: AllowlistTarget): boolean {
    const s = this.spec;
    if (s.rules.length > 0 && !s.rules.includes(t.ruleId)) return false;
    const checks: Array<() => boolean> = [];
    if (this.globs.length > 0) {
      const rel = normalizePath(relative(this.base, t.absPath));
      checks.push(() => this.globs.some((g) => g.test(rel)));
    }
    if (s.secrets.length > 0) checks.push(() => s.secrets.some((r) => r.re.test(t.secret)));
    if (s.lines.length > 0) checks.push(() => s.lines.some((r) => r.re.test(t.lineText)));
    if (s.stopwords.length > 0) {
      const lower = t.secret.toLowerCase();
      checks.push(() => s.stopwords.some((w) => lower.includes(w)));
    }
    return s.match === 'all' ? checks.every((c) => c()) : checks.some((c) => c());
  }
}
