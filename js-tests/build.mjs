// Builds pkg/ from a clean checkout: Rust -> wasm32 -> wasm-bindgen (three glues over one .wasm)
// -> wasm-opt -> the CommonJS bundle. Installs what is missing: the wasm32 target, the
// wasm-bindgen CLI matching Cargo.lock, and this folder's npm dev-dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = join(root, 'pkg');
const gen = join(pkg, 'gen');
const started = Date.now();

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
}
function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

// 1. Toolchain.
if (!output('rustup', ['target', 'list', '--installed']).includes('wasm32-unknown-unknown')) {
  run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}
const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const bindgenVersion = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)[1];
if (!output('wasm-bindgen', ['--version']).includes(bindgenVersion)) {
  // --locked fails against this registry mirror (toolchain notes); about 6 minutes on 2 cores.
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', bindgenVersion]);
}
if (!existsSync(join(here, 'node_modules', 'binaryen')) || !existsSync(join(here, 'node_modules', 'esbuild'))) {
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: here });
}

// 2. Rust -> wasm.
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown']);
const raw = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'tim_edge.wasm');

// 3. Three glues over one .wasm. All targets emit identical wasm bytes (checked below).
rmSync(gen, { recursive: true, force: true });
const tmp = join(root, 'target', 'wasm-bindgen');
rmSync(tmp, { recursive: true, force: true });
for (const target of ['web', 'bundler', 'nodejs']) {
  run('wasm-bindgen', [raw, '--target', target, '--out-dir', join(tmp, target)]);
}
const wasmOf = (t) => readFileSync(join(tmp, t, 'tim_edge_bg.wasm'));
if (!wasmOf('web').equals(wasmOf('bundler')) || !wasmOf('web').equals(wasmOf('nodejs'))) {
  throw new Error('wasm-bindgen targets emitted different .wasm files; one shared file would be wrong');
}
mkdirSync(join(gen, 'web'), { recursive: true });
mkdirSync(join(gen, 'node'), { recursive: true });
// bundler glue next to the .wasm: the wasm imports "./tim_edge_bg.js" relative to itself.
copyFileSync(join(tmp, 'bundler', 'tim_edge.js'), join(gen, 'tim_edge.js'));
copyFileSync(join(tmp, 'bundler', 'tim_edge_bg.js'), join(gen, 'tim_edge_bg.js'));
copyFileSync(join(tmp, 'web', 'tim_edge.js'), join(gen, 'web', 'tim_edge.js'));
const nodeGlue = readFileSync(join(tmp, 'nodejs', 'tim_edge.js'), 'utf8').replace(
  '`${__dirname}/tim_edge_bg.wasm`',
  '`${__dirname}/../tim_edge_bg.wasm`',
);
if (!nodeGlue.includes('/../tim_edge_bg.wasm')) throw new Error('nodejs glue: wasm path not found to rewrite');
writeFileSync(join(gen, 'node', 'tim_edge.cjs'), nodeGlue);

// 4. wasm-opt from the npm package binaryen (Debian's old binaryen breaks the module).
const wasmOpt = join(here, 'node_modules', '.bin', 'wasm-opt');
run(wasmOpt, [join(tmp, 'web', 'tim_edge_bg.wasm'), '-Os', '-o', join(gen, 'tim_edge_bg.wasm')]);

// 5. CommonJS bundle for require(): the ESM sources, with the nodejs glue left as its own file.
const esbuild = join(here, 'node_modules', '.bin', 'esbuild');
run(esbuild, [
  join(pkg, 'entry', 'node-cjs.cjs'),
  '--bundle',
  '--platform=node',
  '--format=cjs',
  '--target=node20',
  '--external:../gen/node/tim_edge.cjs',
  `--outfile=${join(pkg, 'dist', 'node.cjs')}`,
  '--log-level=warning',
]);

const size = statSync(join(gen, 'tim_edge_bg.wasm')).size;
const gz = gzipSync(readFileSync(join(gen, 'tim_edge_bg.wasm')), { level: 9 }).length;
console.log(`built pkg/ in ${((Date.now() - started) / 1000).toFixed(1)} s: tim_edge_bg.wasm ${size} bytes raw, ${gz} bytes gzipped`);
