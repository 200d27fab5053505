// HashiCorp Vault service tokens (1.10+): "hvs." + base64url (no padding) of a protobuf
//   field 1 varint (version) | field 2 bytes: 32-byte HMAC | field 3 bytes: message whose
//   field 1 is the inner "hvs." token string.
// Short "hvs." tokens (no protobuf) also exist; we only reject what is definitely not a token.
import { decodeBase64, protobufFields, utf8Text } from './decode.js';
import { defineValidator } from './types.js';

const BODY = /^[A-Za-z0-9_-]+$/;
/** Below this many characters the token is the short form, which has no structure to check. */
const PROTOBUF_MIN = 80;

export const vaultServiceToken = defineValidator({
  name: 'vault-service-token',
  description: 'hvs. token: long form must be the protobuf (version, 32-byte HMAC, inner hvs. token)',
  validate(secret) {
    try {
      if (!secret.startsWith('hvs.')) return { ok: false, reason: 'not an hvs. token' };
      const body = secret.slice(4);
      if (!BODY.test(body)) return { ok: false, reason: 'body is not base64url' };
      if (body.length < 24) return { ok: false, reason: 'too short for a service token' };
      if (body.length < PROTOBUF_MIN) return { ok: true };
      const bytes = decodeBase64(body, 'url');
      const fields = bytes ? protobufFields(bytes) : undefined;
      if (!fields) return { ok: false, reason: 'body is not a protobuf message' };
      const hmac = fields.find((f) => f.field === 2);
      if (!hmac || hmac.wire !== 2 || hmac.bytes.length !== 32) return { ok: false, reason: 'no 32-byte HMAC field' };
      const inner = fields.find((f) => f.field === 3);
      const innerFields = inner?.wire === 2 ? protobufFields(inner.bytes) : undefined;
      if (!innerFields) return { ok: false, reason: 'no inner token message' };
      const id = innerFields.find((f) => f.field === 1);
      const idText = id?.wire === 2 ? utf8Text(id.bytes) : undefined;
      if (idText === undefined || !/^hv[sb]\.[A-Za-z0-9_-]+$/.test(idText)) {
        return { ok: false, reason: 'inner message holds no hvs. token' };
      }
      return { ok: true };
    } catch {
      return { ok: false, reason: 'malformed Vault token' };
    }
  },
});
