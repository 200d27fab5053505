// JSON Web Token (JWS compact form): base64url(header JSON) . base64url(payload JSON) . signature.
// An unsigned token (`alg: none`) is still reported, with a note: it often carries real claims.
import { decodeBase64, jsonObject } from './decode.js';
import { defineValidator } from './types.js';

const PART = /^[A-Za-z0-9_-]+$/;

export const jwt = defineValidator({
  name: 'jwt',
  description: 'three base64url parts; header is a JSON object with "alg", payload a JSON object',
  validate(secret) {
    try {
      // A token wrapped after its dots is the same token.
      const parts = secret.replace(/\s+/g, '').split('.');
      if (parts.length !== 3) return { ok: false, reason: `expected 3 dot-separated parts, found ${parts.length}` };
      const [h, p, s] = parts as [string, string, string];
      if (!PART.test(h) || !PART.test(p)) return { ok: false, reason: 'header or payload is not base64url' };
      const header = jsonObject(decodeBase64(h, 'url'));
      if (!header) return { ok: false, reason: 'header is not a base64url JSON object' };
      const alg = header['alg'];
      if (typeof alg !== 'string' || alg.length === 0) return { ok: false, reason: 'header has no "alg"' };
      const payload = jsonObject(decodeBase64(p, 'url'));
      if (!payload) return { ok: false, reason: 'payload is not a base64url JSON object' };
      const notes: string[] = [];
      if (alg.toLowerCase() === 'none') {
        if (s !== '') return { ok: false, reason: 'alg "none" with a signature part' };
        notes.push('unsigned JWT (alg: none)');
      } else if (!PART.test(s) || decodeBase64(s, 'url') === undefined) {
        return { ok: false, reason: `signature missing or not base64url for alg ${alg}` };
      }
      // GitHub signs each view of an image attached to an issue or comment
      // (private-user-images.githubusercontent.com/…?jwt=…) for five minutes: copied into
      // READMEs with the link, it opens one image for minutes and grants nothing else.
      if (payload['iss'] === 'github.com' && payload['aud'] === 'raw.githubusercontent.com') {
        return { ok: false, reason: 'a GitHub image link token (one image, valid 5 minutes)', lookalike: 'placeholder' };
      }
      const exp = payload['exp'];
      if (typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 < Date.now()) {
        const when = new Date(exp * 1000);
        if (!Number.isNaN(when.getTime())) notes.push(`expired ${when.toISOString().slice(0, 10)}`);
      }
      return notes.length > 0 ? { ok: true, notes } : { ok: true };
    } catch {
      return { ok: false, reason: 'malformed JWT' };
    }
  },
});
