// Sentry organization auth tokens: "sntrys_" + base64(JSON payload) + "_" + secret.
// The payload carries "iat" and the "url"/"region_url" the token belongs to.
import { decodeBase64, jsonObject } from './decode.js';
import { defineValidator } from './types.js';

export const sentryOrgToken = defineValidator({
  name: 'sentry-org-token',
  description: 'sntrys_ token whose payload is base64 JSON with "iat" and "region_url" or "url"',
  validate(secret) {
    try {
      const body = secret.startsWith('sntrys_') ? secret.slice(7) : secret;
      const cut = body.lastIndexOf('_');
      if (cut <= 0 || cut === body.length - 1) return { ok: false, reason: 'expected <payload>_<secret>' };
      const payload = jsonObject(decodeBase64(body.slice(0, cut), 'std'));
      if (!payload) return { ok: false, reason: 'payload is not base64 JSON' };
      if (typeof payload['iat'] !== 'number') return { ok: false, reason: 'payload has no numeric "iat"' };
      const url = payload['region_url'] ?? payload['url'];
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
        return { ok: false, reason: 'payload has no "region_url" or "url"' };
      }
      const org = payload['org'];
      return { ok: true, notes: [typeof org === 'string' && org ? `Sentry org ${org} (${url})` : `Sentry ${url}`] };
    } catch {
      return { ok: false, reason: 'malformed Sentry token' };
    }
  },
});
