// PubNub secret keys: "sec-c-" + base64 of a UUID in text.
import { decodeBase64, utf8Text } from './decode.js';
import { defineValidator } from './types.js';

export const pubnubSecretKey = defineValidator({
  name: 'pubnub-secret-key',
  description: 'sec-c- + base64 of a UUID',
  validate(secret) {
    const bytes = secret.startsWith('sec-c-') ? decodeBase64(secret.slice(6), 'std') : undefined;
    const text = bytes ? utf8Text(bytes) : undefined;
    if (text === undefined || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
      return { ok: false, reason: 'body is not base64 of a UUID' };
    }
    return { ok: true };
  },
});
