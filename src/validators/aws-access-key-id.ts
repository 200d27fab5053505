// AWS access key ids: 4-character resource prefix + 16 base32 characters. For "new generation"
// ids (bit 47 of the decoded value set) the account id is (z & 0x7fffffffff80) >> 7, where z is
// the first 6 decoded bytes big-endian.
import { defineValidator } from './types.js';

const PREFIXES: Record<string, string> = {
  AKIA: 'long-term access key',
  ASIA: 'temporary (STS) access key',
  ABIA: 'AWS STS service bearer token',
  ACCA: 'context-specific credential',
  AGPA: 'user group id',
  AIDA: 'IAM user id',
  AIPA: 'EC2 instance profile id',
  ANPA: 'managed policy id',
  ANVA: 'managed policy version id',
  APKA: 'public key id',
  AROA: 'role id',
  ASCA: 'certificate id',
};
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The 12-digit account id encoded in a new-generation key id, or undefined. */
export function awsAccountId(keyId: string): string | undefined {
  let z = 0n;
  for (const ch of keyId.slice(4, 14)) {
    const v = BASE32.indexOf(ch); // 10 chars = 50 bits; the top 48 are the 6 bytes we need
    if (v < 0) return undefined;
    z = (z << 5n) | BigInt(v);
  }
  z >>= 2n;
  if (((z >> 47n) & 1n) === 0n) return undefined;
  return ((z & 0x7fffffffff80n) >> 7n).toString().padStart(12, '0');
}

export const awsAccessKeyId = defineValidator({
  name: 'aws-access-key-id',
  description: 'known 4-character prefix + 16 base32 characters; notes the AWS account when encoded',
  validate(secret) {
    if (secret.length !== 20) return { ok: false, reason: 'AWS key ids are 20 characters' };
    const prefix = secret.slice(0, 4);
    const kind = PREFIXES[prefix] ?? (prefix.startsWith('A3T') ? 'legacy key id' : undefined);
    if (!kind) return { ok: false, reason: `unknown AWS id prefix ${prefix}` };
    if (!/^[A-Z2-7]{16}$/.test(secret.slice(4))) return { ok: false, reason: 'body is not base32 (A-Z, 2-7)' };
    const account = awsAccountId(secret);
    return { ok: true, notes: account ? [kind, `AWS account ${account}`] : [kind] };
  },
});
