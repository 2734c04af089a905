// `npm --prefix js-tests run bench`: the performance benchmark (a benchmark, not a timed test).
// See bench/README.md for the cases, the method and every flag.
//
// Packs pkg/ and installs the tarball into js-tests/.bench-scratch (with --baseline, a second
// build beside it as 'tim-edge-baseline'), starts the local origin (origin.mjs) in its own
// process, then one runtime at a time (Node, Deno, Bun, workerd), one process per case, runs
// every build side by side in the same interleaved rounds: generateUserSig against the official
// tls-sig-api-v2 (Node, Bun) and a WebCrypto + fflate implementation, the batch call,
// buildRequest, call overhead against a bare fetch, peak wasm memory over mixed answers, and cold
// start per runtime row (fresh processes). Prints medians with min-max, ratios, sizes, the
// machine and its load, and each budget as PASS/FAIL.
//
// Timing and memory budgets are reported, never enforced (shared machines are noisy); --quick
// reports them as not enforced at all. The exit code is non-zero when a case could not run in
// some runtime, and (full runs only) when the size ceiling is exceeded.
//
// Flags: --quick (the CI smoke: few calls, one round, one cold sample)
//        --only node,deno,bun,workerd   --out <file.json> (the raw results)
//        --baseline <tarball | package dir | dir holding one tim-edge-*.tgz> (the "before" build)
//        --calls <n> (calls per side per call-overhead round; default 5,000)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './stats.mjs';
import { VARIANTS } from './memory.mjs';
import { benchWorkerd } from './workerd.mjs';
import { report } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jsTests = dirname(here);
const root = dirname(jsTests);
const pkgDir = join(root, 'pkg');
const scratch = join(jsTests, '.bench-scratch');
const bin = (name) => join(jsTests, 'node_modules', '.bin', name);
const RUNTIMES = ['node', 'deno', 'bun', 'workerd'];
const COMPATIBILITY_DATE = '2026-04-20';

function parseArgs(argv) {
  const o = { quick: false, only: RUNTIMES, out: undefined, baseline: undefined, calls: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--quick') o.quick = true;
    else if (a.startsWith('--only')) o.only = value().split(',').map((s) => s.trim());
    else if (a.startsWith('--out')) o.out = value();
    else if (a.startsWith('--baseline')) o.baseline = resolve(value());
    else if (a.startsWith('--calls')) o.calls = Number(value());
    else throw new Error(`unknown flag ${a}`);
  }
  for (const r of o.only) if (!RUNTIMES.includes(r)) throw new Error(`unknown runtime ${r}; known: ${RUNTIMES}`);
  if (o.calls !== undefined && !(Number.isInteger(o.calls) && o.calls > 0)) throw new Error('--calls takes a positive integer');
  return o;
}

function configFor(opts) {
  const config = opts.quick
    ? {
      rounds: 1, roundMs: 5, warmupMs: 2, coldSamples: 1, workerdColdSamples: 1,
      calls: { perRound: 300, rounds: 1, warmup: 64 },
      memory: { count: 40, seed: 12, variants: Object.keys(VARIANTS) },
    }
    : {
      rounds: 7, roundMs: 150, warmupMs: 50, coldSamples: 11, workerdColdSamples: 7,
      calls: { perRound: 5000, rounds: 5, warmup: 1000 },
      memory: { count: 1000, seed: 12, variants: Object.keys(VARIANTS) },
    };
  if (opts.calls) config.calls.perRound = opts.calls;
  return { ...config, jsTestsDir: jsTests, scratchDir: scratch, wranglerBin: bin('wrangler'), workerdBin: bin('workerd'), compatibilityDate: COMPATIBILITY_DATE };
}

function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return 'unavailable';
  }
}

function machine() {
  const pkgVersion = (name) => JSON.parse(readFileSync(join(jsTests, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memGb: +(totalmem() / 2 ** 30).toFixed(1),
    os: `${platform()} ${release()}`,
    node: process.version,
    deno: version(bin('deno'), ['--version']).replace(/^deno /, '').split(' ')[0],
    bun: version(bin('bun'), ['--version']),
    workerd: pkgVersion('workerd'),
    wrangler: pkgVersion('wrangler'),
  };
}

// ---- the builds ----

const pack = (dir, dest) => JSON.parse(execFileSync('npm', ['pack', dir, '--pack-destination', dest, '--json', '--silent'], { cwd: dest, encoding: 'utf8' }))[0];

// The baseline's tarball: the file given, the one tim-edge-*.tgz in the directory given, or the
// package directory given, packed.
function baselineTarball(path, dest) {
  if (!existsSync(path)) throw new Error(`--baseline ${path} does not exist`);
  if (statSync(path).isFile()) return path;
  if (existsSync(join(path, 'package.json'))) return join(dest, pack(path, dest).filename);
  const tgz = readdirSync(path).filter((f) => /^tim-edge-.*\.tgz$/.test(f));
  if (tgz.length !== 1) throw new Error(`--baseline ${path}: expected one tim-edge-*.tgz, a package directory or a tarball (found ${tgz.length} tarballs)`);
  return join(path, tgz[0]);
}

// The shipped SDK module of an installed build (the emulator's module is dev-only; tim-edge/jobs
// has its own, loaded only by those who import it), and a digest
// of the code that runs (dist/ and the .wasm), to tell when two builds are the same code.
function wasmSizes(installedDir, tarballBytes) {
  const gen = join(installedDir, 'gen');
  const files = readdirSync(gen).filter((f) => f.endsWith('.wasm') && !/emulator|jobs/.test(f));
  if (files.length !== 1) throw new Error(`${gen}: expected one SDK .wasm, found ${files.join(', ') || 'none'}`);
  const wasm = readFileSync(join(gen, files[0]));
  const hash = createHash('sha256').update(wasm);
  const dist = join(installedDir, 'dist');
  for (const f of readdirSync(dist, { recursive: true }).sort()) {
    if (statSync(join(dist, f)).isFile()) hash.update(f).update(readFileSync(join(dist, f)));
  }
  return { wasmFile: files[0], wasmRaw: wasm.length, wasmGzip: gzipSync(wasm, { level: 9 }).length, tarball: tarballBytes, codeDigest: hash.digest('hex').slice(0, 16) };
}

// The call-overhead case's design floor (floor/src/lib.rs): a wasm-bindgen module of its own,
// built with the SDK's toolchain (the wasm-bindgen CLI that build.mjs installed) into `out`.
function buildFloor(out) {
  const targetDir = join(root, 'target', 'bench-floor');
  execFileSync('cargo', ['build', '--release', '--quiet', '--target', 'wasm32-unknown-unknown', '--manifest-path', join(here, 'floor', 'Cargo.toml'), '--target-dir', targetDir], { stdio: 'inherit' });
  const wasm = join(targetDir, 'wasm32-unknown-unknown', 'release', 'tim_edge_bench_floor.wasm');
  execFileSync('wasm-bindgen', [wasm, '--target', 'web', '--out-name', 'floor', '--out-dir', out], { stdio: 'inherit' });
}

/** Installs every build into the scratch project; answers [{ id, spec, label, sizes }]. */
function prepareBuilds(opts) {
  if (!existsSync(join(pkgDir, 'gen', 'tim_edge_bg.wasm'))) {
    console.log('pkg/ is not built: running build.mjs');
    execFileSync(process.execPath, [join(jsTests, 'build.mjs')], { stdio: 'inherit', cwd: jsTests });
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, 'baseline'), { recursive: true });
  writeFileSync(join(scratch, '.gitignore'), '*\n');
  const packed = pack(pkgDir, scratch);
  const builds = [{ id: 'after', spec: 'tim-edge', label: `pkg/ of ${root}`, tarball: `./${packed.filename}`, tarballBytes: packed.size }];
  if (opts.baseline) {
    const tgz = baselineTarball(opts.baseline, join(scratch, 'baseline'));
    const copy = join(scratch, 'baseline', basename(tgz));
    if (resolve(tgz) !== copy) cpSync(tgz, copy);
    builds.push({ id: 'before', spec: 'tim-edge-baseline', label: opts.baseline, tarball: `./baseline/${basename(tgz)}`, tarballBytes: statSync(copy).size });
  }
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'tim-edge-bench', private: true, type: 'module' }, null, 2));
  // A second build installs under its own name (an npm alias of a local tarball).
  execFileSync('npm', ['install', ...builds.map((b) => `${b.spec}@file:${b.tarball}`), '--no-audit', '--no-fund', '--silent'], { cwd: scratch, stdio: 'inherit' });
  writeFileSync(join(scratch, 'deno.json'), JSON.stringify({ nodeModulesDir: 'manual' }, null, 2));
  writeFileSync(join(scratch, 'wrangler.toml'), `name = "tim-edge-bench"\nmain = "bench/worker.mjs"\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`);
  cpSync(here, join(scratch, 'bench'), { recursive: true });
  buildFloor(join(scratch, 'bench', 'floor-pkg'));
  // workerd's bundle needs each build as a static import.
  writeFileSync(join(scratch, 'bench', 'builds.gen.mjs'), `// Written by run.mjs.\nexport const BUILDS = {\n${builds.map((b) => `  ${b.id}: () => import('${b.spec}'),`).join('\n')}\n};\n`);
  return builds.map((b) => ({ id: b.id, spec: b.spec, label: b.label, sizes: wasmSizes(join(scratch, 'node_modules', b.spec), b.tarballBytes) }));
}

// ---- processes ----

const childEnv = { ...process.env, DENO_DIR: join(scratch, '.deno-dir'), DENO_NO_UPDATE_CHECK: '1', BUN_INSTALL_CACHE_DIR: join(scratch, '.bun-cache') };

// Runs one process in its own group with a deadline; answers the parsed '@@BENCH ' line.
function runJson(cmd, args, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    const timer = setTimeout(kill, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      kill();
      const line = out.split('\n').find((l) => l.startsWith('@@BENCH '));
      if (!line) reject(new Error(`${basename(cmd)} ${args.slice(0, 3).join(' ')} exited with ${code} without a result:\n${(err || out).slice(-2000)}`));
      else resolvePromise(JSON.parse(line.slice(8)));
    });
  });
}

/** The origin (origin.mjs) under Bun, in its own process group; answers { port, stop }. */
function startOrigin() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin('bun'), ['run', '--no-install', 'bench/origin.mjs'], { cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
    const stop = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    process.once('exit', stop);
    let out = '';
    const timer = setTimeout(() => { stop(); reject(new Error(`the origin did not start: ${out.slice(-500)}`)); }, 20000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.stderr.on('data', (d) => { out += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /@@ORIGIN (\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolvePromise({ port: Number(m[1]), stop }); }
    });
  });
}

// How each local runtime runs a bench file (Deno: reads for the .wasm import, net for the origin).
const COMMANDS = {
  node: (file) => [process.execPath, [file]],
  bun: (file) => [bin('bun'), ['run', '--no-install', file]],
  deno: (file) => [bin('deno'), ['run', '--no-prompt', '--allow-read', '--allow-net=127.0.0.1', file]],
};
// Runtime rows: Node has two entries (import and require).
const ROWS = { node: ['node-esm', 'node-cjs'], deno: ['deno'], bun: ['bun'] };
const CALL_KINDS = { node: ['write'], deno: ['write', 'read'], bun: ['write'], workerd: ['write'] };

async function benchLocal(runtime, config) {
  const run = (file, args, timeoutMs) => {
    const [cmd, base] = COMMANDS[runtime](file);
    return runJson(cmd, [...base, ...args], timeoutMs);
  };
  const problems = [];
  const part = async (what, fn) => {
    const t = Date.now();
    try {
      return await fn();
    } catch (e) {
      problems.push(`${what}: ${String(e?.message ?? e).split('\n').slice(0, 4).join(' | ').slice(0, 400)}`);
      return undefined;
    } finally {
      console.log(`${runtime}: ${what} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  };
  const ids = config.builds.map((b) => b.id);
  const specOf = Object.fromEntries(config.builds.map((b) => [b.id, b.spec]));

  // Cold start per row: fresh processes, builds alternating.
  const cold = {};
  for (const row of ROWS[runtime]) {
    const file = row === 'node-cjs' ? 'bench/cold.cjs' : 'bench/cold.mjs';
    const samples = Object.fromEntries(ids.map((id) => [id, { total: [], import: [] }]));
    await part(`cold start ${row}`, async () => {
      for (let s = 0; s < config.coldSamples; s++) {
        for (const id of s % 2 ? [...ids].reverse() : ids) {
          const r = await run(file, [specOf[id]], 60000);
          samples[id].total.push(r.importMs + r.firstCallMs);
          samples[id].import.push(r.importMs);
        }
      }
      cold[row] = Object.fromEntries(ids.map((id) => [id, { ...summarize(samples[id].total), importMedian: summarize(samples[id].import).median }]));
    });
  }

  const arg = (extra) => [JSON.stringify({ ...config, ...extra })];
  const cases = await part('UserSig cases', () => run('bench/runner.mjs', arg({}), 600000));
  const calls = await part('call overhead', () => run('bench/calls-runner.mjs', arg({ calls: { ...config.calls, kinds: CALL_KINDS[runtime] } }), 900000));

  // Peak memory: a fresh process per row, variant and build.
  const memory = [];
  for (const row of ROWS[runtime]) {
    for (const variant of config.memory.variants) {
      for (const id of ids) {
        await part(`peak memory ${row} ${variant} ${id}`, async () => {
          const m = { ...config.memory, spec: specOf[id], variant, cjs: row === 'node-cjs' };
          const r = await run('bench/memory-runner.mjs', arg({ memory: m }), 600000);
          memory.push({ row, build: id, ...r });
        });
      }
    }
  }
  return {
    runtime,
    results: cases?.results ?? {},
    labels: cases?.labels ?? {},
    calls,
    cold,
    memory,
    problems: [...problems, ...(cases?.problems ?? []), ...(calls?.problems ?? [])],
  };
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const config = configFor(opts);
  const loadStart = loadavg();
  const builds = prepareBuilds(opts);
  config.builds = builds.map(({ id, spec }) => ({ id, spec }));
  const m = machine();
  const origin = await startOrigin();
  config.origin = origin.port;
  const originServer = (await (await fetch(`http://127.0.0.1:${origin.port}/stats`)).json()).server;
  const runs = [];
  try {
    for (const runtime of opts.only) {
      console.log(`--- ${runtime}`);
      const t = Date.now();
      try {
        runs.push(runtime === 'workerd'
          ? await benchWorkerd({ ...config, coldSamples: config.workerdColdSamples, calls: { ...config.calls, kinds: CALL_KINDS.workerd } })
          : await benchLocal(runtime, config));
      } catch (e) {
        runs.push({ runtime, error: String(e && e.message ? e.message : e) });
        console.log(`${runtime}: ${e && e.message}`);
      }
      for (const p of runs.at(-1).problems ?? []) console.log(`${runtime}: PROBLEM ${p}`);
      runs.at(-1).elapsedS = (Date.now() - t) / 1000;
      console.log(`${runtime}: ${runs.at(-1).elapsedS.toFixed(1)} s`);
    }
  } finally {
    origin.stop();
  }
  const { text, budgets } = report({
    machine: m, builds, runs, config, quick: opts.quick, originServer,
    load: { start: loadStart, end: loadavg() }, elapsedS: (Date.now() - started) / 1000,
  });
  console.log('');
  console.log(text);
  if (opts.out) writeFileSync(opts.out, JSON.stringify({ machine: m, builds, runs, budgets, config }, null, 2));
  const broken = runs.filter((r) => r.error || (r.problems ?? []).length);
  // The size ceiling fails a full run; the --quick smoke in the test run checks that the
  // benchmark still works in every runtime and prints the size verdict without failing on it.
  const sizeFail = opts.quick ? [] : budgets.filter((b) => b.enforced && b.ok === false);
  if (broken.length || sizeFail.length) {
    console.log(`bench: FAILED (${[...broken.map((r) => `${r.runtime} did not run cleanly`), ...sizeFail.map((b) => b.what)].join('; ')})`);
    process.exitCode = 1;
  } else console.log('bench: ok');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
