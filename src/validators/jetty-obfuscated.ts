// Jetty `OBF:` passwords (jetty.xml, realm.properties, jetty-ssl.properties): obfuscation, not
// encryption; anyone reverses it (org.eclipse.jetty.util.security.Password). Each 4-character
// base-36 group holds a byte and its mirror byte (b[i], b[n-1-i]), so a real value decodes the
// same from both ends; random text does not. The plaintext is judged like a password assigned in
// code: the documentation's `OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v` is "password", a placeholder.
import { judgeContextValue } from '../detectors/generic.js';
import { defineValidator } from './types.js';

/** The plaintext bytes, or undefined when a group is malformed or the mirror bytes disagree. */
export function deobfuscateJetty(obf: string): string | undefined {
  const s = obf.startsWith('OBF:') ? obf.slice(4) : obf;
  const bytes: number[] = [];
  const mirrors: Array<number | undefined> = [];
  for (let i = 0; i < s.length; i += 4) {
    if (s[i] === 'U') {
      // A non-ASCII byte pair: (b1 << 8) | b2 in base 36 after the `U`.
      const v = parseInt(s.slice(i + 1, i + 5), 36);
      if (!/^[0-9a-z]{4}$/.test(s.slice(i + 1, i + 5)) || v > 0xffff) return undefined;
      bytes.push(v >> 8);
      mirrors.push(v & 0xff);
      i++;
      continue;
    }
    const g = s.slice(i, i + 4);
    if (!/^[0-9a-z]{4}$/.test(g)) return undefined;
    const v = parseInt(g, 36);
    const i1 = Math.floor(v / 256);
    const i2 = v % 256;
    // i1 = 127 + b1 + b2 and i2 = 127 + b1 - b2 for ASCII bytes b1, b2.
    if ((i1 + i2) % 2 !== 0) return undefined;
    const b1 = (i1 + i2 - 254) / 2;
    const b2 = (i1 - i2) / 2;
    if (b1 < 0 || b1 > 127 || b2 < 0 || b2 > 127) return undefined;
    bytes.push(b1);
    mirrors.push(b2);
  }
  const n = bytes.length;
  if (n === 0 || mirrors.some((m, k) => m !== bytes[n - 1 - k])) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

export const jettyObfuscated = defineValidator({
  name: 'jetty-obfuscated',
  description: 'Jetty OBF: value that deobfuscates consistently to a password that is no placeholder',
  validate(secret) {
    const plain = deobfuscateJetty(secret);
    if (plain === undefined || /[\x00-\x1f\x7f]/.test(plain)) return { ok: false, reason: 'does not deobfuscate' };
    // Judged as a literal behind a password name: `storepwd` (Jetty's demo key store) and a demo
    // user's own name are no secrets, `changeit` is a placeholder.
    const verdict = judgeContextValue(plain, 'password');
    if (!verdict || verdict.placeholder) return { ok: false, reason: 'a placeholder or made-up password', lookalike: 'placeholder' };
    return { ok: true, notes: [`deobfuscates to a ${[...plain].length}-character password`] };
  },
});
