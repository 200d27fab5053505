// Runs after `npm install` / `npm ci`. In a source checkout (src/ present) it builds dist/ and sets
// up this repository's own husky hook; in an installed package (dist/ shipped, no src/) it does
// nothing. The build is here and not in `prepare` because `npm pack` runs `prepare` and prints its
// banners on stdout, which the pre-commit framework reads as the tarball name.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
if (existsSync('src') && existsSync('tsconfig.json')) {
  execSync('npm run build', { stdio: 'inherit' });
  if (existsSync('.git') && existsSync('node_modules/husky') && process.env.HUSKY !== '0') {
    execSync('npx --no-install husky', { stdio: 'inherit' });
  }
}
