// Grafana Cloud access policy tokens: "glc_" + base64 of JSON {"o": org, "n": name, "k": key, "m": {"r": region}}.
import { decodeBase64Any, jsonObject } from './decode.js';
import { defineValidator } from './types.js';

export const grafanaCloudToken = defineValidator({
  name: 'grafana-cloud-token',
  description: 'glc_ token that decodes to JSON with "o", "n" and "k"',
  validate(secret) {
    try {
      const body = secret.startsWith('glc_') ? secret.slice(4) : secret;
      const payload = jsonObject(decodeBase64Any(body));
      if (!payload) return { ok: false, reason: 'body is not base64 JSON' };
      for (const key of ['o', 'n', 'k']) {
        const v = payload[key];
        if (typeof v !== 'string' && typeof v !== 'number') return { ok: false, reason: `JSON has no "${key}"` };
      }
      if (typeof payload['k'] !== 'string' || payload['k'].length < 8) return { ok: false, reason: '"k" is not a key' };
      const m = payload['m'];
      const region = m && typeof m === 'object' ? (m as Record<string, unknown>)['r'] : undefined;
      const note = `Grafana Cloud org ${String(payload['o'])}${typeof region === 'string' ? `, region ${region}` : ''}`;
      return { ok: true, notes: [note] };
    } catch {
      return { ok: false, reason: 'malformed Grafana Cloud token' };
    }
  },
});
