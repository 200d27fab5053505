// The one place a secret is turned into something printable.
const BULLETS = '••••';
const HEADER = /^(?:-{3,}\s?BEGIN [A-Z0-9 ]{1,60}-{3,}|PuTTY-User-Key-File-\d: [\w@.-]{1,64})$/;

/**
 * `ghp_••••4f2a`: the known prefix, four bullets, the last four characters.
 * Short secrets reveal less: nothing under 12 characters, no tail under 20.
 * Multi-line secrets (PEM blocks) show their header line only, other multi-line ones nothing.
 */
export function maskSecret(secret: string, knownPrefixes: readonly string[] = []): string {
  const nl = secret.search(/\r?\n|\\n/);
  // Only a header line is shown (`-----BEGIN RSA PRIVATE KEY-----`): a first line of anything
  // else (a password with a literal `\n`) would be the secret itself.
  if (nl > 0 && HEADER.test(secret.slice(0, nl))) return `${secret.slice(0, nl)}${BULLETS}`;
  if (nl >= 0) return BULLETS;
  if (secret.length < 12) return BULLETS;
  const lower = secret.toLowerCase();
  let prefix = '';
  for (const p of knownPrefixes) {
    if (p.length > prefix.length && p.length <= secret.length / 3 && lower.startsWith(p)) prefix = secret.slice(0, p.length);
  }
  if (secret.length - prefix.length < 20) return `${prefix}${BULLETS}`;
  return `${prefix}${BULLETS}${secret.slice(-4)}`;
}
