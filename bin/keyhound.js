#!/usr/bin/env node
// Thin entry point: the only place that touches the process. Runs the bundled CLI (fast start),
// or the unbundled build when the bundle is absent.
import { statSync } from 'node:fs';

const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const plain = new URL('../dist/cli/main.js', import.meta.url);
/** The bundle, unless a later `tsc` made it stale. */
function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= statSync(plain).mtimeMs;
  } catch {
    return false;
  }
}
const { main, processIO } = await import(bundleIsFresh() ? bundle.href : plain.href);

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`keyhound: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
