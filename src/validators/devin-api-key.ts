// Devin API keys: "apk_user_" (personal) or "apk_" (service) + base64 of the key's principal and
// secret, `[<user>_]org-<32 hex>:<32 hex>`. Decoding tells a key from `apk_` names in Android
// build code, and the org id in it names the account the key opens.
import { base64Text } from './decode.js';
import { defineValidator } from './types.js';

const PAYLOAD = /^(?:([^\s:]{1,200})_)?(org-[0-9a-f]{32}):[0-9a-f]{32}$/;

export const devinApiKey = defineValidator({
  name: 'devin-api-key',
  description: 'apk_ / apk_user_ key whose body is base64 of "[<user>_]org-<32 hex>:<32 hex>"',
  validate(secret) {
    const personal = secret.startsWith('apk_user_');
    if (!personal && !secret.startsWith('apk_')) return { ok: false, reason: 'not an apk_ key' };
    const text = base64Text(secret.slice(personal ? 9 : 4));
    const m = text === undefined ? null : PAYLOAD.exec(text);
    if (!m) return { ok: false, reason: 'body is not base64 of "org-<id>:<secret>"' };
    // A personal key names its user before the org; a service key names only the org.
    if (personal !== (m[1] !== undefined)) {
      return { ok: false, reason: personal ? 'personal key names no user' : 'service key names a user' };
    }
    return { ok: true, notes: [`Devin ${m[2]}`] };
  },
});
