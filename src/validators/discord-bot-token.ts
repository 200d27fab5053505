// Discord bot tokens: base64(user snowflake id) . base64(timestamp) . HMAC.
import { decodeBase64Any, utf8Text } from './decode.js';
import { defineValidator } from './types.js';

const PART = /^[A-Za-z0-9_-]+$/;

export const discordBotToken = defineValidator({
  name: 'discord-bot-token',
  description: 'three dot-separated parts; the first decodes to a 17-20 digit user id',
  validate(secret) {
    const parts = secret.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'expected 3 dot-separated parts' };
    const [id, ts, mac] = parts as [string, string, string];
    if (![id, ts, mac].every((p) => PART.test(p))) return { ok: false, reason: 'parts are not base64url' };
    const decoded = decodeBase64Any(id);
    const text = decoded ? utf8Text(decoded) : undefined;
    if (text === undefined || !/^\d{17,20}$/.test(text)) {
      return { ok: false, reason: 'first part does not decode to a Discord user id' };
    }
    if (mac.length < 20) return { ok: false, reason: 'HMAC part too short' };
    return { ok: true, notes: [`Discord user id ${text}`] };
  },
});
