import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/engine/mask.js';

describe('maskSecret', () => {
  it('keeps the known prefix and the last four characters', () => {
    expect(maskSecret('ghp_' + 'a'.repeat(32) + '4f2a', ['ghp_'])).toBe('ghp_••••4f2a');
  });
  it('reveals nothing for short secrets and no tail for medium ones', () => {
    expect(maskSecret('hunter2')).toBe('••••');
    expect(maskSecret('correcthorse12')).toBe('••••');
  });
  it('never contains the secret body', () => {
    const s = 'sk_live_' + 'Zq9'.repeat(10);
    const m = maskSecret(s, ['sk_live_']);
    expect(m.startsWith('sk_live_••••')).toBe(true);
    expect(m).not.toContain(s.slice(8, 20));
  });
  it('shows only the first line of a PEM block', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----';
    expect(maskSecret(pem)).toBe('-----BEGIN RSA PRIVATE KEY-----••••');
    expect(maskSecret(pem.replace(/\n/g, '\\n'))).toBe('-----BEGIN RSA PRIVATE KEY-----••••');
  });
});
