import { createHash } from 'node:crypto';

/**
 * Location-free identity of a finding: a hash of rule id and secret, never the secret.
 * The same secret in 50 files has one fingerprint; moving it keeps it; changing it changes it.
 */
export function fingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex').slice(0, 32);
}
