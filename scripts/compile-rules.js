// Build step: validate and precompile rules/*.yaml into dist/builtin-rules.json,
// so the CLI does not parse YAML at every start (pre-commit start-up budget).
import { writeFileSync } from 'node:fs';
import { compileBuiltins } from '../dist/rules/builtin.js';
import { KeyhoundError } from '../dist/errors.js';

try {
  const bundle = compileBuiltins();
  writeFileSync(new URL('../dist/builtin-rules.json', import.meta.url), JSON.stringify(bundle));
  // stderr: `npm pack` (used by the pre-commit framework) must print only the tarball name on stdout.
  console.error(`compiled ${bundle.rules.length} built-in rules`);
} catch (e) {
  if (e instanceof KeyhoundError) {
    console.error(`keyhound: ${e.format()}`);
    process.exit(2);
  }
  throw e;
}
