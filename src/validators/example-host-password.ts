// A password in a URL whose host is a documentation domain (RFC 2606 `example.com`): most are
// made-up values (`user:pass@example.com`), but a host is often redacted while the password is
// left as it was, so a random-looking one still counts. Rules capture the host as `host`.
import { deLeet, isPlaceholder } from '../detectors/placeholder.js';
import { hasRandomRun } from '../detectors/value-shape.js';
import { defineValidator } from './types.js';

const EXAMPLE_HOST = /\bexample\.(?:com|net|org)\b/i;

export const exampleHostPassword = defineValidator({
  name: 'example-host-password',
  filterOnly: true,
  description: 'at an example.com host, only a random-looking password counts',
  validate(secret, groups) {
    const host = groups['host'];
    // A rule that uses this validator without capturing the host is misconfigured.
    if (host === undefined || secret === '') return { ok: false, reason: 'no host or password captured' };
    if (!EXAMPLE_HOST.test(host)) return { ok: true };
    let password = secret;
    try {
      password = decodeURIComponent(secret);
    } catch {
      // Not percent-encoded text: judge it as written.
    }
    if (isPlaceholder(password) !== undefined || !hasRandomRun(password) || !hasRandomRun(deLeet(password))) {
      return { ok: false, reason: 'a made-up password at a documentation host', lookalike: 'placeholder' };
    }
    return { ok: true, notes: ['documentation host, but the password looks real'] };
  },
});
