// Builds pkg/ from a clean checkout: Rust -> wasm32 -> wasm-bindgen (glues over one .wasm)
// -> wasm-opt -> the package around it (build-package.mjs). Installs what is missing: the
// wasm32 target, the wasm-bindgen CLI matching Cargo.lock, and this folder's npm dev-dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage } from './build-package.mjs';
import { assertNoMultiValue, withoutMultivalue } from './wasm-multivalue.mjs';

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

// 2-4, once per module: the SDK (tim_edge) and the dev-only emulator (tim_edge_emulator: the same
// crate with the `emulator` feature, a superset), so production code never carries the emulator.
rmSync(gen, { recursive: true, force: true });
mkdirSync(gen, { recursive: true });
buildModule('tim_edge', []);
buildModule('tim_edge_emulator', ['--features', 'emulator']);
buildModule('tim_edge_jobs', ['--features', 'jobs']);

function buildModule(stem, cargoArgs) {
  // 2. Rust -> wasm.
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', ...cargoArgs]);
  const raw = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'tim_edge.wasm');

  // 3. The glue: wasm-bindgen's `--target bundler` output. The generated code is not rewritten;
  // the module's target_features lose `multivalue` first (-1.5 ms of Node 20's compile; why and
  // the guard: wasm-multivalue.mjs). pkg/entry/start.js starts the module from the glue in every
  // runtime (docs/ARCHITECTURE.md, "How the package loads").
  const tmp = join(root, 'target', 'wasm-bindgen', stem);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const input = join(tmp, `${stem}.in.wasm`);
  writeFileSync(input, withoutMultivalue(readFileSync(raw)));
  run('wasm-bindgen', [input, '--target', 'bundler', '--out-name', stem, '--out-dir', tmp]);
  // The bundler glue beside the .wasm: the wasm imports "./<stem>_bg.js" relative to itself.
  copyFileSync(join(tmp, `${stem}.js`), join(gen, `${stem}.js`));
  copyFileSync(join(tmp, `${stem}_bg.js`), join(gen, `${stem}_bg.js`));

  // 4. wasm-opt from the npm package binaryen (Debian's old binaryen breaks the module).
  const wasmOpt = join(here, 'node_modules', '.bin', 'wasm-opt');
  // -Oz --converge: -0.5 KB against -Os at the same speed. --low-memory-unused (-1 KB: constant
  // offsets fold into loads and stores): Rust's stack grows down from 1 MiB towards address 0 with
  // the data above it, so the first 1 KiB is only reached by a stack about to overflow anyway.
  run(wasmOpt, [join(tmp, `${stem}_bg.wasm`), '-Oz', '--converge', '--low-memory-unused', '--strip-producers', '-o', join(gen, `${stem}_bg.wasm`)]);
  assertNoMultiValue(readFileSync(join(gen, `${stem}_bg.wasm`)), `pkg/gen/${stem}_bg.wasm`);
}

// 5-8. The package around the modules: one bundle per runtime entry in dist/, the CommonJS
// type declarations, README and LICENSE, the JSR files (build-package.mjs).
await buildPackage({ root, pkg });

const size = statSync(join(gen, 'tim_edge_bg.wasm')).size;
const gz = gzipSync(readFileSync(join(gen, 'tim_edge_bg.wasm')), { level: 9 }).length;
const emuSize = statSync(join(gen, 'tim_edge_emulator_bg.wasm')).size;
console.log(`built pkg/ in ${((Date.now() - started) / 1000).toFixed(1)} s: tim_edge_bg.wasm ${size} bytes raw, ${gz} bytes gzipped; tim_edge_emulator_bg.wasm (dev only) ${emuSize} bytes raw`);
