// `npm --prefix js-tests test`: tests the package as a user gets it, in every runtime.
//
//  1. builds pkg/ if pkg/gen/tim_edge_bg.wasm is missing (build.mjs);
//  2. `npm pack`s pkg/ into .scratch/ and installs the tarball into a scratch project there;
//  3. copies the suites, harness and runners into .scratch/tests/;
//  4. starts the stand-in server on 127.0.0.1 (random port);
//  4a. runs `cargo test` (the pure Rust core), clippy (native and wasm32, -D warnings) and
//      `cargo fmt --check` as the `cargo` row;
//  4b. runs every cargo-fuzz target for 20 s as the `fuzz` row (fuzz-smoke.mjs; installs
//      cargo-fuzz when missing, needs rustup's nightly toolchain);
//  4c. runs the type tests as the `types` row: types/gen-emulator-answers.mjs (the documented
//      requests through the built emulator; their answers written out for tsc), `npm run
//      typecheck` and types/surface.mjs;
//  5. runs the same suites in Node ESM, Node CJS, Deno, Bun and workerd (wrangler dev), one
//     runtime at a time, each in its own process group with an overall timeout;
//  5a. runs the `ecosystem` row (ecosystem/run.mjs): the tarball installed into scratch projects
//      and taken through users' toolchains (attw, publint, npm/JSR dry runs, tsc in four module
//      modes, esbuild, webpack, Vite, bun build, Next.js, edge-runtime, Node 20/22/24), each app's
//      UserSig checked against the official package; installs ecosystem/'s pinned tools if missing;
//  5b. runs a one-round smoke of the benchmark (bench/run.mjs --quick) as the `bench` row, so it
//      cannot rot; it fails when a runtime did not run cleanly or the wasm is over its size budget;
//  6. prints a table and, last, exactly `N passed, N failed` (CI reads that line).
//
// Flags: --only node-esm,deno (or `node` for both Node runners; `cli` for the bin; `ecosystem` for users' toolchains)  --grep <text in test name>
//        --timeout <s per runtime>  --keep-scratch (leave .scratch/run-<pid>/ for debugging)
//        --build (run build.mjs first even when pkg/ is built)
//        --faults-full (handed to the suites as env.args, like every other flag)
//        --no-cargo, --no-fuzz, --no-bench (skip those rows; for quick local iterations only).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, cpSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { freePort } from './server/free-port.mjs';
import { randomBytes, randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandIn } from './server/stand-in.mjs';
import { startFaultServer } from './faults/server.mjs';
import { RESULT_MARK } from './runners/common.mjs';
import { runFuzz } from './fuzz-smoke.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const pkgDir = join(root, 'pkg');
// One scratch project per run, so concurrent runs (several people share this tree) never collide.
const scratchRoot = join(here, '.scratch');
const scratch = join(scratchRoot, `run-${process.pid}`);
const bin = (name) => join(here, 'node_modules', '.bin', name);

const RUNTIMES = {
  'node-esm': () => [process.execPath, ['tests/runners/node-esm.mjs']],
  'node-cjs': () => [process.execPath, ['tests/runners/node-cjs.cjs']],
  deno: () => [bin('deno'), ['run', '--allow-net=127.0.0.1', '--no-prompt', 'tests/runners/deno.mjs']],
  bun: () => [bin('bun'), ['run', '--no-install', 'tests/runners/bun.mjs']],
  workerd: () => [process.execPath, ['tests/runners/workerd-host.mjs']],
  // Not a runtime: the installed `tim-edge` bin, run as a subprocess by tests/cli/run.mjs (Node).
  cli: () => [process.execPath, ['tests/cli/run.mjs']],
  // Not a runtime: the README's offline walkthrough against the example Worker (wrangler dev).
  walkthrough: () => [process.execPath, ['tests/walkthrough/run.mjs']],
  // Not a runtime: the example Worker deployed with real secrets (wrangler dev against the emulator).
  example: () => [process.execPath, ['tests/example/run.mjs']],
  // Not a runtime: users' toolchains (ecosystem/run.mjs, run in place: its tools live there).
  ecosystem: () => [process.execPath, [join(here, 'ecosystem', 'run.mjs')]],
  // Not a runtime: bulk jobs (tim-edge/jobs) against the emulator, Node/Deno and wrangler dev.
  jobs: () => [process.execPath, ['tests/jobs/run.mjs']],
};
// Rows that need longer than --timeout: the ecosystem row may first `npm ci` its tools (403 MB
// to download) and builds a Next.js app.
const ROW_TIMEOUT_S = { ecosystem: 1200 };

function parseArgs(argv) {
  const o = { only: Object.keys(RUNTIMES), grep: undefined, timeoutS: 300 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--only')) {
      o.only = value().split(',').flatMap((r) => (r === 'node' ? ['node-esm', 'node-cjs'] : [r.trim()]));
      for (const r of o.only) if (!RUNTIMES[r]) throw new Error(`unknown runtime ${r}; known: ${Object.keys(RUNTIMES)}`);
    } else if (a.startsWith('--grep')) o.grep = value();
    else if (a.startsWith('--timeout')) o.timeoutS = Number(value());
    else if (a === '--keep-scratch') o.keep = true;
    else if (a === '--build') o.build = true;
    else if (a === '--no-cargo') o.noCargo = true;
    else if (a === '--no-bench') o.noBench = true;
    else if (a === '--no-fuzz') o.noFuzz = true;
  }
  return o;
}

// The newest modification time under `dir` (files only), 0 when it does not exist.
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function preparePackage(opts) {
  const wasmFile = join(pkgDir, 'gen', 'tim_edge_bg.wasm');
  if (opts.build || !existsSync(wasmFile)) {
    console.log(opts.build ? 'building pkg/ (--build)' : 'pkg/ is not built: running build.mjs');
    execFileSync(process.execPath, [join(here, 'build.mjs')], { stdio: 'inherit', cwd: here });
  } else if (newest(join(root, 'src')) > statSync(wasmFile).mtimeMs) {
    console.log('note: src/ changed after pkg/ was built; testing the old build (pass --build to rebuild)');
  }
  removeStaleScratch();
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratchRoot, '.gitignore'), '*\n');
  const packed = JSON.parse(execFileSync('npm', ['pack', pkgDir, '--pack-destination', scratch, '--json', '--silent'], { cwd: scratch, encoding: 'utf8' }));
  const tgz = packed[0].filename;
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'tim-edge-scratch', private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', `./${tgz}`, '--no-audit', '--no-fund', '--silent'], { cwd: scratch, stdio: 'inherit' });
  // What each runtime needs to find 'tim-edge' the way a user's project would.
  writeFileSync(join(scratch, 'deno.json'), JSON.stringify({ nodeModulesDir: 'manual' }, null, 2));
  writeFileSync(join(scratch, 'wrangler.toml'), [
    'name = "tim-edge-tests"',
    'main = "tests/runners/workerd.mjs"',
    'compatibility_date = "2026-04-20"',
    '',
  ].join('\n'));
  // The tests themselves, with the same relative layout as in js-tests/.
  const tests = join(scratch, 'tests');
  cpSync(join(here, 'harness.mjs'), join(tests, 'harness.mjs'));
  for (const dir of ['suites', 'runners', 'server', 'faults', 'cli', 'walkthrough', 'example', 'jobs']) cpSync(join(here, dir), join(tests, dir), { recursive: true });
  return { tgz, path: join(scratch, tgz), files: packed[0].files.length, size: packed[0].size };
}

// Scratch projects of runs whose process is gone (crashed, killed) are removed.
function removeStaleScratch() {
  if (!existsSync(scratchRoot)) return;
  for (const name of readdirSync(scratchRoot)) {
    const m = /^run-(\d+)$/.exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      alive = false;
    }
    if (!alive || Number(m[1]) === process.pid) rmSync(join(scratchRoot, name), { recursive: true, force: true });
  }
}

const running = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of running) signalGroup(c, 'SIGTERM');
    setTimeout(() => {
      for (const c of running) signalGroup(c, 'SIGKILL');
      process.exit(130);
    }, 2000);
  });
}

// The conditions each runtime resolves `exports` with, in Node's algorithm: the first key (in
// the map's own order) that is active wins. Used to tell each runner which file it must load.
const CONDITIONS = {
  'node-esm': ['node', 'import', 'default'],
  'node-cjs': ['node', 'require', 'default'],
  deno: ['deno', 'node', 'import', 'default'],
  bun: ['bun', 'node', 'import', 'default'],
};

function resolveExports(target, conditions) {
  if (typeof target === 'string') return target;
  if (target === null || typeof target !== 'object') return null;
  for (const [k, v] of Object.entries(target)) {
    if (!conditions.includes(k)) continue;
    const r = resolveExports(v, conditions);
    if (r) return r;
  }
  return null;
}

function expectedEntry(runtime) {
  if (!CONDITIONS[runtime]) return undefined;
  const manifest = JSON.parse(readFileSync(join(scratch, 'node_modules', 'tim-edge', 'package.json'), 'utf8'));
  const root = manifest.exports?.['.'] ?? manifest.exports;
  const file = resolveExports(root, CONDITIONS[runtime]);
  return file ? file.replace(/^\.\//, '') : undefined;
}

function runRuntime(name, config, timeoutS) {
  const [cmd, args] = RUNTIMES[name]();
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, [...args, JSON.stringify(config)], {
      cwd: scratch,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DENO_DIR: join(scratch, '.deno-dir'),
        DENO_NO_UPDATE_CHECK: '1',
        BUN_INSTALL_CACHE_DIR: join(scratch, '.bun-cache'),
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      },
    });
    running.add(child);
    let result = null;
    let buffered = '';
    const onLine = (line) => {
      if (line.startsWith(RESULT_MARK)) {
        try {
          result = JSON.parse(line.slice(RESULT_MARK.length));
        } catch { /* reported as could-not-run below */ }
      } else console.log(`[${name}] ${line}`);
    };
    child.stdout.on('data', (d) => {
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      lines.forEach(onLine);
    });
    child.stderr.on('data', (d) => String(d).split('\n').filter(Boolean).forEach((l) => console.log(`[${name}!] ${l}`)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      terminate(child);
    }, timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (buffered) onLine(buffered);
      kill(child); // anything the runtime left behind in its group
      running.delete(child);
      const ms = Date.now() - started;
      if (!result) {
        const why = timedOut ? `timed out after ${timeoutS} s` : `exited with ${code} before reporting`;
        resolve({ name, ms, passed: 0, failed: 0, error: why });
      } else resolve({ name, ms, passed: result.summary.passed, failed: result.summary.failed, results: result.results, exports: result.summary.exports });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ name, ms: Date.now() - started, passed: 0, failed: 0, error: `could not start: ${e.message}` });
    });
  });
}

// The type tests: types/gen-emulator-answers.mjs (every documented request through the built
// package's emulator, the answers written into types/emulator-answers.test-d.ts), `npm run
// typecheck` (tsc over js-tests/types, that file included) and types/surface.mjs (the TimClient
// types and docs/ENDPOINTS.md against the built package's endpoint table). Each step counts as
// one test, so a type error fails the run like a failed test. The generator runs first: tsc
// must see this build's answers, and a stale file from an earlier run is rewritten (or, when the
// generator fails, deleted so tsc cannot pass on old answers).
function runTypecheck() {
  const started = Date.now();
  const answers = join(here, 'types', 'emulator-answers.test-d.ts');
  const steps = [
    [process.execPath, [join(here, 'types', 'gen-emulator-answers.mjs')]],
    ['npm', ['run', '--silent', 'typecheck']],
    [process.execPath, [join(here, 'types', 'surface.mjs')]],
  ];
  const results = [];
  for (const [cmd, args] of steps) {
    const name = [cmd === process.execPath ? 'node' : cmd, ...args.map((a) => a.replace(`${here}/`, ''))].join(' ');
    try {
      const out = execFileSync(cmd, args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300000 });
      for (const line of out.trim().split('\n').filter(Boolean)) console.log(`[types] ${line}`);
      results.push({ name, ok: true });
    } catch (e) {
      const text = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message;
      for (const line of text.split('\n')) console.log(`[types!] ${line}`);
      results.push({ name, ok: false, error: 'failed (output above)' });
      if (args[0].endsWith('gen-emulator-answers.mjs')) rmSync(answers, { force: true });
    }
  }
  const passed = results.filter((r) => r.ok).length;
  return { name: 'types', ms: Date.now() - started, passed, failed: results.length - passed, results };
}

// The pure core's native tests (counts from cargo's own `test result:` lines), then the lints CI
// holds the code to, each counted as one test: clippy on the native targets and on the wasm32
// library (the edge code only compiles there), and rustfmt.
const LINTS = [
  ['cargo', ['clippy', '--quiet', '--all-targets', '--', '-D', 'warnings']],
  ['cargo', ['clippy', '--quiet', '--target', 'wasm32-unknown-unknown', '--lib', '--', '-D', 'warnings']],
  ['cargo', ['fmt', '--check']],
];

function runCargo() {
  const started = Date.now();
  let out = '';
  let ok = true;
  try {
    out = execFileSync('cargo', ['test', '--quiet'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900000 });
  } catch (e) {
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    ok = false;
  }
  let passed = 0;
  let failed = 0;
  for (const m of out.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  for (const line of out.split('\n').filter((l) => /test result|FAILED|panicked|error(\[|:)/.test(l))) console.log(`[cargo] ${line}`);
  const results = [];
  for (const [cmd, args] of LINTS) {
    const name = `${cmd} ${args.join(' ')}`;
    try {
      execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900000 });
      passed++;
      results.push({ name, ok: true });
    } catch (e) {
      const text = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message;
      for (const line of text.split('\n').slice(0, 60)) console.log(`[cargo!] ${line}`);
      failed++;
      results.push({ name, ok: false, error: 'failed (output above)' });
    }
  }
  const error = ok ? undefined : 'cargo test failed (output above)';
  return { name: 'cargo', ms: Date.now() - started, passed, failed, error, results };
}

// One round of the benchmark, so it cannot rot (timings are not judged; sizes are).
function runBenchSmoke() {
  const started = Date.now();
  let out = '';
  let ok = true;
  try {
    out = execFileSync(process.execPath, [join(here, 'bench', 'run.mjs'), '--quick'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600000 });
  } catch (e) {
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    ok = false;
  }
  for (const line of out.trim().split('\n')) console.log(`[bench] ${line}`);
  const results = [{ name: 'bench/run.mjs --quick', ok, error: ok ? undefined : 'the benchmark smoke failed (output above)' }];
  return { name: 'bench', ms: Date.now() - started, passed: ok ? 1 : 0, failed: ok ? 0 : 1, results };
}

function signalGroup(child, sig) {
  try {
    process.kill(-child.pid, sig);
  } catch { /* the group is gone */ }
}

function kill(child) {
  signalGroup(child, 'SIGKILL');
}

// SIGTERM first so a runner can stop what it started in groups of its own (workerd-host.mjs
// stops wrangler), then SIGKILL whatever is left.
function terminate(child) {
  signalGroup(child, 'SIGTERM');
  setTimeout(() => kill(child), 3000).unref();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const pack = preparePackage(opts);
  console.log(`packed ${pack.tgz} (${pack.files} files, ${pack.size} bytes) and installed it into ${scratch}`);

  const app = { sdkAppId: randomInt(1400000000, 1600000000), key: randomBytes(32).toString('hex') };
  const refusedUrl = `http://127.0.0.1:${await freePort()}`;
  const server = await startStandIn({
    vectorsPath: join(root, 'data', 'usersig-vectors.json'),
    docExamplesPath: join(root, 'data', 'doc-examples.json'),
    app,
    refusedUrl,
  });
  console.log(`stand-in server on ${server.url}`);
  // The fault-injection server (js-tests/faults/): the faults suite reaches it as env.faults.
  const faults = await startFaultServer();

  const rows = [];
  if (!opts.noCargo) {
    console.log('--- cargo');
    rows.push(runCargo());
  }
  if (!opts.noFuzz) {
    console.log('--- fuzz');
    rows.push(runFuzz({ root, scratch }));
  }
  console.log('--- types');
  rows.push(runTypecheck());
  try {
    for (const name of opts.only) {
      const config = {
        server: server.url,
        faults: faults.url,
        args: process.argv.slice(2),
        grep: opts.grep,
        jsTestsDir: here,
        scratchDir: scratch,
        wranglerBin: bin('wrangler'),
        expectedEntry: expectedEntry(name),
        tarball: pack.path,
      };
      console.log(`--- ${name}`);
      rows.push(await runRuntime(name, config, Math.max(opts.timeoutS, ROW_TIMEOUT_S[name] ?? 0)));
    }
  } finally {
    await server.close();
    await faults.close();
    if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
  }
  if (!opts.noBench) {
    console.log('--- bench');
    rows.push(runBenchSmoke());
  }

  // Every runtime must see the same export names (ESM, CJS bundle, Deno, Bun and workerd entries).
  const withExports = rows.filter((r) => r.exports);
  const apis = new Set(withExports.map((r) => r.exports.join(',')));
  if (apis.size > 1) {
    for (const r of withExports) console.log(`exports [${r.name}]: ${r.exports.join(', ')}`);
    rows.push({ name: 'exports', ms: 0, passed: 0, failed: 1, results: [{ name: 'the same export names in every runtime', ok: false, error: 'they differ (listed above)' }] });
  } else if (withExports.length > 1) rows.push({ name: 'exports', ms: 0, passed: 1, failed: 0, results: [] });
  console.log('');
  console.log('runtime    passed  failed  seconds  note');
  for (const r of rows) {
    console.log(`${r.name.padEnd(10)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${(r.ms / 1000).toFixed(1).padStart(7)}  ${r.error ?? ''}`);
  }
  for (const r of rows) for (const f of (r.results ?? []).filter((x) => !x.ok)) console.log(`FAILED [${r.name}] ${f.name}: ${f.error}`);
  if (server.stray.length) console.log(`note: ${server.stray.length} request(s) reached the stand-in outside any scenario`);
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  // A runtime that could not run counts as one failure, so the last line never reads clean.
  const failed = rows.reduce((n, r) => n + r.failed + (r.error ? 1 : 0), 0);
  console.log(`total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
