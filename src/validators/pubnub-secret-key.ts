// PubNub secret keys: "sec-c-" + base64 of a UUID in text.
import { base64Text, UUID } from './decode.js';
import { defineValidator } from './types.js';

export const pubnubSecretKey = defineValidator({
  name: 'pubnub-secret-key',
  description: 'sec-c- + base64 of a UUID',
  validate(secret) {
    const text = secret.startsWith('sec-c-') ? base64Text(secret.slice(6)) : undefined;
    if (text === undefined || !UUID.test(text)) {
      return { ok: false, reason: 'body is not base64 of a UUID' };
    }
    return { ok: true };
  },
});
