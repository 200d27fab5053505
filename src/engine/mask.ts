// The one place a secret is turned into something printable.
const BULLETS = '••••';

/**
 * `ghp_••••4f2a`: the known prefix, four bullets, the last four characters.
 * Short secrets reveal less: nothing under 12 characters, no tail under 20.
 * Multi-line secrets (PEM blocks) show their first line only.
 */
export function maskSecret(secret: string, knownPrefixes: readonly string[] = []): string {
  const nl = secret.search(/\r?\n|\\n/);
  if (nl > 0) return `${secret.slice(0, nl)}${BULLETS}`;
  if (secret.length < 12) return BULLETS;
  const lower = secret.toLowerCase();
  let prefix = '';
  for (const p of knownPrefixes) {
    if (p.length > prefix.length && p.length <= secret.length / 3 && lower.startsWith(p)) prefix = secret.slice(0, p.length);
  }
  if (secret.length - prefix.length < 20) return `${prefix}${BULLETS}`;
  return `${prefix}${BULLETS}${secret.slice(-4)}`;
}
