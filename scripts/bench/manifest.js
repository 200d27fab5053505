// The corpus manifest: pinned npm package versions and the rules for which of their files count
// as text. Pure functions apart from loadManifest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Throws an Error naming every problem when `m` is not a usable manifest; returns `m`. */
export function validateManifest(m) {
  const problems = [];
  if (!m || typeof m !== 'object') throw new Error('manifest: expected a JSON object');
  if (!Array.isArray(m.extensions) || m.extensions.length === 0) problems.push('extensions: a non-empty list is required');
  if (!(Number.isInteger(m.maxFileBytes) && m.maxFileBytes > 0)) problems.push('maxFileBytes: a positive integer is required');
  if (!Array.isArray(m.packages) || m.packages.length === 0) problems.push('packages: a non-empty list is required');
  const seen = new Set();
  for (const [i, p] of (m.packages ?? []).entries()) {
    if (!p || typeof p.name !== 'string' || !PACKAGE_NAME.test(p.name)) problems.push(`packages[${i}]: bad name ${JSON.stringify(p?.name)}`);
    else if (seen.has(p.name)) problems.push(`packages[${i}]: ${p.name} is listed twice`);
    else seen.add(p.name);
    if (typeof p?.version !== 'string' || !EXACT_VERSION.test(p.version)) {
      problems.push(`packages[${i}] (${p?.name}): version must be exact (x.y.z), got ${JSON.stringify(p?.version)}`);
    }
  }
  if ((m.packages ?? []).length > 0 && !(m.packages ?? []).some((p) => p?.quick === true)) {
    problems.push('packages: mark at least one package "quick": true for --quick');
  }
  const s = m.secrets;
  if (!s || !Number.isInteger(s.seed) || !(Number.isInteger(s.perKind) && s.perKind > 0) || !Array.isArray(s.plantExtensions)) {
    problems.push('secrets: { seed: integer, perKind: positive integer, plantExtensions: [...] } is required');
  }
  if (problems.length > 0) throw new Error(`manifest is invalid:\n  - ${problems.join('\n  - ')}`);
  return m;
}

/** Read and validate the manifest JSON at `path`. */
export function loadManifest(path) {
  let raw;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read manifest ${path}: ${e.message}`);
  }
  return validateManifest(raw);
}

/** The packages of the full corpus, or only those marked `quick`. */
export function selectPackages(m, quick) {
  return quick ? m.packages.filter((p) => p.quick === true) : [...m.packages];
}

/** File name `npm pack` gives a package: `@babel/core@7.26.0` → `babel-core-7.26.0.tgz`. */
export function packFileName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** Directory of a package inside the corpus tree (same stem as its tarball). */
export function packageDirName(name, version) {
  return packFileName(name, version).replace(/\.tgz$/, '');
}

/**
 * True when a file belongs in the corpus: a listed extension (the last one, case-insensitive;
 * so `.map` files stay out unless listed), no dot-file or dot-directory in its path, and no
 * larger than `maxFileBytes`.
 */
export function isCorpusFile(relPath, size, m) {
  if (size > m.maxFileBytes) return false;
  const parts = relPath.split('/');
  // Dot files are left out: glob-based tools skip them by default, so every tool sees one tree.
  if (parts.some((p) => p.startsWith('.'))) return false;
  const base = parts[parts.length - 1] ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return false;
  const ext = base.slice(dot + 1).toLowerCase();
  return m.extensions.includes(ext);
}

/**
 * A key that changes whenever anything that shapes the corpus changes, so a cached corpus built
 * from another manifest (or the other mode) is rebuilt rather than silently reused.
 */
export function corpusKey(m, quick) {
  const shape = {
    quick,
    packages: selectPackages(m, quick).map((p) => `${p.name}@${p.version}`),
    extensions: [...m.extensions].sort(),
    maxFileBytes: m.maxFileBytes,
    secrets: m.secrets,
    format: 1,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}
