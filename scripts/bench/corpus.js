// Build (once) and reuse the benchmark corpus: pinned npm tarballs, text files only, plus
// generated secrets. Tarballs are cached in .bench/cache; the tree is rebuilt only when the
// manifest changes (see corpusKey).
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { corpusKey, isCorpusFile, packageDirName, packFileName, selectPackages } from './manifest.js';
import { chooseFiles, insertLine, makeRng, plantLine, SECRET_KINDS } from './secrets.js';

/** Every regular file under `dir`, as paths relative to `dir` with `/` separators, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function looksBinary(buf) {
  return buf.subarray(0, 8192).includes(0);
}

function fetchTarball(pkg, cacheDir, log) {
  const file = join(cacheDir, packFileName(pkg.name, pkg.version));
  if (existsSync(file)) return file;
  log(`  fetching ${pkg.name}@${pkg.version}`);
  const r = spawnSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', cacheDir, '--silent'], {
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`cannot run npm (${r.error.message}); npm is needed to fetch the corpus`);
  if (r.status !== 0 || !existsSync(file)) {
    throw new Error(`npm pack ${pkg.name}@${pkg.version} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
  }
  return file;
}

function extract(tgz, into) {
  mkdirSync(into, { recursive: true });
  const r = spawnSync('tar', ['xzf', tgz, '-C', into, '--no-same-owner'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`tar failed on ${tgz}: ${r.error?.message ?? r.stderr}`);
  // npm tarballs normally hold one top directory ("package/"), but not always under that name.
  const tops = readdirSync(into);
  return tops.length === 1 && lstatSync(join(into, tops[0])).isDirectory() ? join(into, tops[0]) : into;
}

/**
 * Make sure the corpus exists under `benchDir/corpus/<full|quick>` and return its description:
 * { dir, key, quick, packages, files, bytes, planted: [{file, line, rule}], reused }.
 * `makeRepairFn()` (returning makeRepair's function) is called only when the corpus is built.
 */
export function ensureCorpus({ benchDir, manifest, quick, makeRepairFn, log = () => {} }) {
  const name = quick ? 'quick' : 'full';
  const corpusRoot = join(benchDir, 'corpus');
  const dir = join(corpusRoot, name);
  const metaFile = join(corpusRoot, `${name}.json`);
  const key = corpusKey(manifest, quick);
  if (existsSync(metaFile) && existsSync(dir)) {
    try {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
      if (meta.key === key) {
        markBoundary(dir);
        return { ...meta, dir, reused: true };
      }
    } catch {
      // unreadable metadata: rebuild
    }
  }

  const packages = selectPackages(manifest, quick);
  log(`building the ${name} corpus (${packages.length} packages) in ${dir}`);
  const cacheDir = join(benchDir, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  rmSync(metaFile, { force: true });
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(benchDir, 'staging-'));
  let files = 0;
  let bytes = 0;
  try {
    for (const pkg of packages) {
      const tgz = fetchTarball(pkg, cacheDir, log);
      const top = extract(tgz, join(staging, packageDirName(pkg.name, pkg.version)));
      const dest = join(dir, packageDirName(pkg.name, pkg.version));
      for (const rel of listFiles(top)) {
        const src = join(top, rel);
        const size = lstatSync(src).size;
        if (!isCorpusFile(rel, size, manifest)) continue;
        if (looksBinary(readFileSync(src))) continue;
        const to = join(dest, rel);
        mkdirSync(join(to, '..'), { recursive: true });
        renameSync(src, to);
        files++;
        bytes += size;
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  const planted = plant(dir, manifest, makeRepairFn());
  markBoundary(dir);
  for (const p of planted) bytes += p.addedBytes;
  const meta = {
    key,
    quick,
    packages: packages.map((p) => `${p.name}@${p.version}`),
    files,
    bytes,
    planted: planted.map(({ file, line, rule }) => ({ file, line, rule })),
    builtAt: new Date().toISOString(),
  };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  log(`corpus ready: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${planted.length} planted secrets`);
  return { ...meta, dir, reused: false };
}

/**
 * Make the corpus root a (empty) git repository. Scanners that honour ignore files look upward
 * only as far as the enclosing repository; without this boundary the project's own ignore
 * files (e.g. a `rules/` line) would hide parts of the corpus from one tool and not the others.
 */
function markBoundary(dir) {
  if (existsSync(join(dir, '.git'))) return;
  const r = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`git init ${dir} failed: ${r.error?.message ?? r.stderr}`);
}

function plant(dir, manifest, repair) {
  const { seed, perKind, plantExtensions } = manifest.secrets;
  const rng = makeRng(seed);
  const candidates = listFiles(dir).filter((rel) => {
    const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
    if (!plantExtensions.includes(ext)) return false;
    const size = lstatSync(join(dir, rel)).size;
    return size >= 1024 && size <= 2_000_000;
  });
  const jobs = [];
  for (const kind of SECRET_KINDS) for (let i = 0; i < perKind; i++) jobs.push(kind);
  const files = chooseFiles(candidates, jobs.length, rng);
  // Tokens are made in a fixed order from the same generator, so the corpus is reproducible.
  return jobs.map((kind, i) => {
    const file = files[i];
    const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
    const token = kind.make(rng, repair);
    const path = join(dir, file);
    const before = readFileSync(path);
    const { buf, line } = insertLine(before, plantLine(token, ext));
    writeFileSync(path, buf);
    return { file, line, rule: kind.rule, addedBytes: buf.length - before.length };
  });
}
