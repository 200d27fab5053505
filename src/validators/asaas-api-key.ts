// Asaas API keys: "$aact_" + base64 of `<32 hex>::<account>::$aach_<uuid>`. Keys issued since
// March 2025 put `prod_000` or `hmlg_000` (sandbox) before the base64. Decoding tells a key from a
// `$aact_` string that merely starts like one.
import { base64Text } from './decode.js';
import { defineValidator } from './types.js';

const KEY = /^\$aact_(?:(prod|hmlg)_000)?([A-Za-z0-9+/]+={0,2})$/;
const PAYLOAD = /^[0-9a-f]{32}::[0-9a-f-]{8,40}::\$aac[a-z]_[0-9a-f-]{8,40}$/;

export const asaasApiKey = defineValidator({
  name: 'asaas-api-key',
  description: '$aact_ key whose body is base64 of "<32 hex>::<account>::$aach_<id>"',
  validate(secret) {
    const m = KEY.exec(secret);
    if (!m) return { ok: false, reason: 'not an $aact_ key' };
    const text = base64Text(m[2]!);
    if (text === undefined || !PAYLOAD.test(text)) {
      return { ok: false, reason: 'body is not base64 of "<hex>::<account>::$aach_<id>"' };
    }
    return { ok: true, notes: [m[1] === 'hmlg' ? 'Asaas sandbox key' : m[1] === 'prod' ? 'Asaas production key' : 'Asaas key'] };
  },
});
