// Key stores written as base64 (JKS, JCEKS, PKCS#12): one that holds only certificates is a trust
// store, public by design (`truststore.jks` in a ConfigMap), and is not a finding. A store cut
// short (a first line quoted in a document) cannot be walked and stays a finding on its header.
import { identifyKeyFile, mayBeKeyFile } from '../detectors/key-files.js';
import { defineValidator } from './types.js';

export const keyStore = defineValidator({
  name: 'key-store',
  description: 'base64 key store that holds a private or secret key (not certificates only)',
  validate(secret) {
    const bytes = Buffer.from(secret.replace(/\s+/g, ''), 'base64');
    const k = identifyKeyFile(bytes);
    if (!k) return mayBeKeyFile(bytes) ? { ok: true, notes: ['entries not readable (cut short?)'] } : { ok: false, reason: 'not a key store' };
    return k.secret ? { ok: true, notes: [k.note] } : { ok: false, reason: k.note };
  },
});
