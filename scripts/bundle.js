// Build step: bundle the CLI and the scan worker into dist/bundle/. A pre-commit hook pays for
// every module it loads; one bundle with lazy chunks per command starts ~80 ms sooner than ~90
// separate ESM modules. The library (dist/index.js) stays unbundled for importers.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true }); // chunk names change between builds

await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/engine/worker.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  chunkNames: 'chunk-[hash]',
  // Loaded on demand with createRequire (only when a YAML file must be parsed).
  external: ['yaml'],
  logLevel: 'warning',
});
