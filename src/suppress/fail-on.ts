// --fail-on / fail_on: which findings make the exit code 1.
import type { FailOn } from '../config/suppress-keys.js';
import type { Finding } from '../engine/types.js';

/** How many findings fail the scan at this level. */
export function failingFindings(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): number {
  if (failOn === 'none') return 0;
  if (failOn === 'error') return findings.filter((f) => f.severity === 'error').length;
  return findings.length;
}
