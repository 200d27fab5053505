// Weaviate Cloud API keys: base64 of "<16 base64 characters>_<base64 of 32 bytes>_v200".
import { base64Text } from './decode.js';
import { defineValidator } from './types.js';

export const weaviateApiKey = defineValidator({
  name: 'weaviate-api-key',
  description: 'base64 of "<16>_<base64 of 32 bytes>_v200"',
  validate(secret) {
    const text = base64Text(secret);
    if (text === undefined || !/^[A-Za-z0-9+/]{16}_[A-Za-z0-9+/]{43}=_v200$/.test(text)) {
      return { ok: false, reason: 'not base64 of "<id>_<key>_v200"' };
    }
    return { ok: true };
  },
});
