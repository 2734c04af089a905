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

// 2-4, once per module: the SDK (tim_edge) and the dev-only emulator (tim_edge_emulator: the same
// crate with the `emulator` feature, a superset), so production code never carries the emulator.
rmSync(gen, { recursive: true, force: true });
mkdirSync(join(gen, 'web'), { recursive: true });
mkdirSync(join(gen, 'node'), { recursive: true });
buildModule('tim_edge', []);
buildModule('tim_edge_emulator', ['--features', 'emulator']);
buildModule('tim_edge_jobs', ['--features', 'jobs']);

function buildModule(stem, cargoArgs) {
  // 2. Rust -> wasm.
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', ...cargoArgs]);
  const raw = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'tim_edge.wasm');

  // 3. Three glues over one .wasm. All targets emit identical wasm bytes (checked below).
  const tmp = join(root, 'target', 'wasm-bindgen', stem);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // Plain wasm-bindgen output: no rewriting of the module or of the generated glue
  // (docs/PERFORMANCE.md, "Build", has the measurements behind dropping the old patches).
  for (const target of ['web', 'bundler', 'nodejs']) {
    run('wasm-bindgen', [raw, '--target', target, '--out-name', stem, '--out-dir', join(tmp, target)]);
  }
  const wasmOf = (t) => readFileSync(join(tmp, t, `${stem}_bg.wasm`));
  if (!wasmOf('web').equals(wasmOf('bundler')) || !wasmOf('web').equals(wasmOf('nodejs'))) {
    throw new Error('wasm-bindgen targets emitted different .wasm files; one shared file would be wrong');
  }
  const glue = (target, file) => readFileSync(join(tmp, target, file), 'utf8');
  // bundler glue next to the .wasm: the wasm imports "./<stem>_bg.js" relative to itself.
  copyFileSync(join(tmp, 'bundler', `${stem}.js`), join(gen, `${stem}.js`));
  writeFileSync(join(gen, `${stem}_bg.js`), glue('bundler', `${stem}_bg.js`));
  writeFileSync(join(gen, 'web', `${stem}.js`), glue('web', `${stem}.js`));
  // The nodejs glue is inlined into dist/*.cjs (step 5), so the .wasm is found from dist/.
  const nodeGlue = glue('nodejs', `${stem}.js`).replace(
    `\`\${__dirname}/${stem}_bg.wasm\``,
    `\`\${__dirname}/../gen/${stem}_bg.wasm\``,
  );
  if (!nodeGlue.includes(`/../gen/${stem}_bg.wasm`)) throw new Error('nodejs glue: wasm path not found to rewrite');
  writeFileSync(join(gen, 'node', `${stem}.cjs`), nodeGlue);

  // 4. wasm-opt from the npm package binaryen (Debian's old binaryen breaks the module).
  const wasmOpt = join(here, 'node_modules', '.bin', 'wasm-opt');
  // -Oz --converge: -0.5 KB against -Os at the same speed. --low-memory-unused (-1 KB: constant
  // offsets fold into loads and stores): Rust's stack grows down from 1 MiB towards address 0 with
  // the data above it, so the first 1 KiB is only reached by a stack about to overflow anyway.
  run(wasmOpt, [join(tmp, 'web', `${stem}_bg.wasm`), '-Oz', '--converge', '--low-memory-unused', '--strip-producers', '-o', join(gen, `${stem}_bg.wasm`)]);
}

// 5. One file per entry, so a runtime loads two modules instead of ten (Node's ESM loader costs
// about 1 ms per file at startup). The Node and workerd bundles inline the web glue; the .wasm
// stays an import for workerd (it refuses to compile bytes), and Deno's bundler glue stays its
// own file because the .wasm imports it by name ("./tim_edge_bg.js"). Inlining the glue saves
// about 1.2 ms of Node's cold start here (ESM), 0.4 ms for require().
const esbuild = join(here, 'node_modules', '.bin', 'esbuild');
rmSync(join(pkg, 'dist'), { recursive: true, force: true });
const bundle = (entry, out, args) =>
  run(esbuild, [join(pkg, 'entry', entry), '--bundle', ...args, `--outfile=${join(pkg, 'dist', out)}`, '--log-level=warning']);
bundle('node.mjs', 'node.mjs', ['--platform=node', '--format=esm', '--target=node20']);
bundle('deno.mjs', 'deno.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge.js']);
bundle('workerd.mjs', 'workerd.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge_bg.wasm']);
// CommonJS for require(): the same sources and the nodejs glue (its own synchronous load).
bundle('node-cjs.cjs', 'node.cjs', ['--platform=node', '--format=cjs', '--target=node20']);
// The same four for `tim-edge/emulator`.
bundle('emulator-node.mjs', 'emulator-node.mjs', ['--platform=node', '--format=esm', '--target=node20']);
bundle('emulator-deno.mjs', 'emulator-deno.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge_emulator.js']);
bundle('emulator-workerd.mjs', 'emulator-workerd.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge_emulator_bg.wasm']);
bundle('emulator-node-cjs.cjs', 'emulator-node.cjs', ['--platform=node', '--format=cjs', '--target=node20']);
// The same four for `tim-edge/jobs` (its own module: the SDK plus the job planner).
bundle('jobs-node.mjs', 'jobs-node.mjs', ['--platform=node', '--format=esm', '--target=node20']);
bundle('jobs-deno.mjs', 'jobs-deno.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge_jobs.js', '--external:node:fs']);
bundle('jobs-workerd.mjs', 'jobs-workerd.mjs', ['--platform=neutral', '--format=esm', '--target=es2022', '--external:../gen/tim_edge_jobs_bg.wasm']);
bundle('jobs-node-cjs.cjs', 'jobs-node.cjs', ['--platform=node', '--format=cjs', '--target=node20']);

const size = statSync(join(gen, 'tim_edge_bg.wasm')).size;
const gz = gzipSync(readFileSync(join(gen, 'tim_edge_bg.wasm')), { level: 9 }).length;
const emuSize = statSync(join(gen, 'tim_edge_emulator_bg.wasm')).size;
console.log(`built pkg/ in ${((Date.now() - started) / 1000).toFixed(1)} s: tim_edge_bg.wasm ${size} bytes raw, ${gz} bytes gzipped; tim_edge_emulator_bg.wasm (dev only) ${emuSize} bytes raw`);
