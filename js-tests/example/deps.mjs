// The example Worker's own npm dependencies (example/package.json: jose), installed with `npm ci`
// from example/package-lock.json when one is missing or not the locked version. wrangler bundles
// example/worker.js from example/, so esbuild finds them in example/node_modules. Called by the
// dev script (`node example/deps.mjs`) and by every row that runs the example under wrangler dev.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function ensureExampleDeps(root) {
  const dir = join(root, 'example');
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const stale = Object.entries(lock.packages)
    .filter(([path]) => path.startsWith('node_modules/'))
    .filter(([path, { version }]) => {
      const manifest = join(dir, path, 'package.json');
      return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
    });
  if (stale.length === 0) return false;
  console.log(`example/: installing ${stale.map(([p, { version }]) => `${p.slice('node_modules/'.length)}@${version}`).join(', ')} (npm ci)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300000 });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureExampleDeps(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));
}
