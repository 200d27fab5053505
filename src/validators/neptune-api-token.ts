// Neptune.ai API tokens: base64 of a JSON object naming the workspace's API address and a UUID
// api_key. Decoding tells a token from base64 that merely starts like one, and names the host.
import { decodeBase64, jsonObject, UUID } from './decode.js';
import { defineValidator } from './types.js';

export const neptuneApiToken = defineValidator({
  name: 'neptune-api-token',
  description: 'base64 JSON with an http(s) "api_address" or "api_url" and a UUID "api_key"',
  validate(secret) {
    const payload = jsonObject(decodeBase64(secret, 'std'));
    if (!payload) return { ok: false, reason: 'not base64 JSON' };
    const address = payload['api_address'] ?? payload['api_url'];
    if (typeof address !== 'string' || !/^https?:\/\/[^\s/]+/.test(address)) return { ok: false, reason: 'no API address' };
    if (typeof payload['api_key'] !== 'string' || !UUID.test(payload['api_key'])) return { ok: false, reason: 'api_key is not a UUID' };
    return { ok: true, notes: [`Neptune ${address.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}`] };
  },
});
