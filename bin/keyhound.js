#!/usr/bin/env node
// Thin entry point: the only place that touches the process.
import { main } from '../dist/cli/main.js';
import { processIO } from '../dist/cli/io.js';

main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`keyhound: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
