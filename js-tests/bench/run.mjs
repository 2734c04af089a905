// `npm --prefix js-tests run bench`: the performance benchmark (a benchmark, not a timed test).
//
// Packs pkg/ and installs the tarball into js-tests/.bench-scratch, then, one runtime at a time
// and one process per runtime, measures side by side: generateUserSig against the official
// tls-sig-api-v2 (Node, Bun) and a WebCrypto + fflate implementation (every runtime), the batch
// call, TimClient.buildRequest, and cold start (fresh processes; workerd: fresh wrangler dev).
// Prints medians with min-max, ratios, sizes, the machine, and each budget as PASS/FAIL.
//
// Timing budgets are reported, never enforced (shared machines are noisy). The exit code is
// non-zero when a runtime could not be benchmarked, and (full runs only) when a size budget is
// exceeded.
//
// Flags: --quick (one round, one cold sample: the CI smoke)  --only node,deno,bun,workerd
//        --out <file.json> (write the raw results)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './workload.mjs';
import { benchWorkerd } from './workerd.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jsTests = dirname(here);
const root = dirname(jsTests);
const pkgDir = join(root, 'pkg');
const scratch = join(jsTests, '.bench-scratch');
const bin = (name) => join(jsTests, 'node_modules', '.bin', name);

const KB = 1024;
const BUDGETS = {
  wasmGzipBytes: 60 * KB,
  nodeVsOfficial: 10,
  workerdVsWebCrypto: 25,
  nodeBuildRequestUs: 5,
  nodeColdStartMs: 5,
};
const RUNTIMES = ['node', 'deno', 'bun', 'workerd'];

function parseArgs(argv) {
  const o = { quick: false, only: RUNTIMES, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--quick') o.quick = true;
    else if (a.startsWith('--only')) o.only = value().split(',').map((s) => s.trim());
    else if (a.startsWith('--out')) o.out = value();
    else throw new Error(`unknown flag ${a}`);
  }
  for (const r of o.only) if (!RUNTIMES.includes(r)) throw new Error(`unknown runtime ${r}; known: ${RUNTIMES}`);
  return o;
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

function preparePackage() {
  if (!existsSync(join(pkgDir, 'gen', 'tim_edge_bg.wasm'))) {
    console.log('pkg/ is not built: running build.mjs');
    execFileSync(process.execPath, [join(jsTests, 'build.mjs')], { stdio: 'inherit', cwd: jsTests });
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, '.gitignore'), '*\n');
  const packed = JSON.parse(execFileSync('npm', ['pack', pkgDir, '--pack-destination', scratch, '--json', '--silent'], { cwd: scratch, encoding: 'utf8' }))[0];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'tim-edge-bench', private: true, type: 'module' }, null, 2));
  execFileSync('npm', ['install', `./${packed.filename}`, '--no-audit', '--no-fund', '--silent'], { cwd: scratch, stdio: 'inherit' });
  writeFileSync(join(scratch, 'deno.json'), JSON.stringify({ nodeModulesDir: 'manual' }, null, 2));
  writeFileSync(join(scratch, 'wrangler.toml'), 'name = "tim-edge-bench"\nmain = "bench/worker.mjs"\ncompatibility_date = "2026-04-20"\n');
  cpSync(here, join(scratch, 'bench'), { recursive: true });
  const wasm = readFileSync(join(pkgDir, 'gen', 'tim_edge_bg.wasm'));
  return {
    wasmRaw: wasm.length,
    wasmGzip: gzipSync(wasm, { level: 9 }).length,
    tarball: packed.size,
    unpacked: packed.unpackedSize,
    files: packed.files.length,
  };
}

// Runs one process in its own group with a deadline; answers the parsed '@@BENCH ' line.
function runJson(cmd, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: scratch,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DENO_DIR: join(scratch, '.deno-dir'), DENO_NO_UPDATE_CHECK: '1', BUN_INSTALL_CACHE_DIR: join(scratch, '.bun-cache') },
    });
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
      if (!line) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code} without a result:\n${(err || out).slice(-2000)}`));
      else resolve(JSON.parse(line.slice(8)));
    });
  });
}

const COMMANDS = {
  node: (file) => [process.execPath, [file]],
  bun: (file) => [bin('bun'), ['run', '--no-install', file]],
  deno: (file) => [bin('deno'), ['run', '--no-prompt', '--allow-read', file]],
};

async function benchLocal(runtime, config) {
  const cold = [];
  for (let i = 0; i < config.coldSamples; i++) {
    const [cmd, args] = COMMANDS[runtime]('bench/cold.mjs');
    cold.push((await runJson(cmd, args, 60000)).importMs);
  }
  const [cmd, args] = COMMANDS[runtime]('bench/runner.mjs');
  const r = await runJson(cmd, [...args, JSON.stringify(config)], 600000);
  return { ...r, cold: summarize(cold) };
}

// ---- report ----

const fmtUs = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : us >= 100 ? `${us.toFixed(0)} us` : us >= 10 ? `${us.toFixed(1)} us` : `${us.toFixed(2)} us`);
const fmtMs = (ms) => `${ms.toFixed(2)} ms`;
const fmtRate = (us) => Math.round(1e6 / us).toLocaleString('en-US');
const kb = (b) => `${(b / KB).toFixed(1)} KB`;

function report(m, sizes, runs, opts) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  p(`tim-edge benchmark (${opts.quick ? 'quick: 1 round, smoke only, figures not meaningful' : `${opts.rounds} rounds of ~${opts.roundMs} ms per case, cold start over ${opts.coldSamples} fresh processes`})`);
  p(`machine: ${m.cores} cores, ${m.cpu}, ${m.memGb} GB, ${m.os}`);
  p(`runtimes: Node ${m.node}, Deno ${m.deno}, Bun ${m.bun}, workerd ${m.workerd} (wrangler ${m.wrangler})`);
  p('');
  p(`| runtime | case | median | min - max | per second |`);
  p(`|---|---|---|---|---|`);
  for (const r of runs) {
    if (r.error) { p(`| ${r.runtime} | could not run: ${r.error.split('\n')[0].slice(0, 120)} | | | |`); continue; }
    for (const [name, s] of Object.entries(r.results)) {
      p(`| ${r.runtime} | ${r.labels[name]} | ${fmtUs(s.median)} | ${fmtUs(s.min)} - ${fmtUs(s.max)} | ${fmtRate(s.median)} |`);
    }
    p(`| ${r.runtime} | cold start: import + instantiate | ${fmtMs(r.cold.median)} | ${fmtMs(r.cold.min)} - ${fmtMs(r.cold.max)} | |`);
  }
  p('');
  p('ratios (median of the other / median of tim-edge generateUserSig):');
  const ratio = (r, other) => (r.results?.[other] && r.results['tim-edge'] ? r.results[other].median / r.results['tim-edge'].median : undefined);
  for (const r of runs.filter((x) => !x.error)) {
    const parts = [['official', 'tls-sig-api-v2'], ['webcrypto', 'WebCrypto+fflate'], ['webcrypto-cached', 'WebCrypto+fflate, key reused']]
      .map(([k, label]) => [label, ratio(r, k)]).filter(([, v]) => v !== undefined).map(([l, v]) => `${v.toFixed(1)}x ${l}`);
    p(`  ${r.runtime.padEnd(8)} ${parts.join(', ')}`);
  }
  p('');
  p(`sizes: wasm ${sizes.wasmRaw} bytes raw (${kb(sizes.wasmRaw)}), ${sizes.wasmGzip} bytes gzipped (${kb(sizes.wasmGzip)}); npm tarball ${sizes.tarball} bytes (${kb(sizes.tarball)}), ${sizes.unpacked} bytes unpacked, ${sizes.files} files`);
  p('');
  const byName = Object.fromEntries(runs.map((r) => [r.runtime, r]));
  const budgets = [];
  const budget = (what, value, ok, enforced = false) => budgets.push({ what, value, ok, enforced });
  const node = byName.node?.error ? undefined : byName.node;
  const workerd = byName.workerd?.error ? undefined : byName.workerd;
  budget(`wasm <= ${kb(BUDGETS.wasmGzipBytes)} gzipped`, kb(sizes.wasmGzip), sizes.wasmGzip <= BUDGETS.wasmGzipBytes, true);
  if (node) {
    const v = ratio(node, 'official');
    budget(`generateUserSig >= ${BUDGETS.nodeVsOfficial}x tls-sig-api-v2 in Node`, `${v.toFixed(1)}x`, v >= BUDGETS.nodeVsOfficial);
    const b = node.results.buildRequest.median;
    budget(`buildRequest < ${BUDGETS.nodeBuildRequestUs} us in Node`, fmtUs(b), b < BUDGETS.nodeBuildRequestUs);
    const c = node.cold.median;
    budget(`cold start < ${BUDGETS.nodeColdStartMs} ms in Node`, fmtMs(c), c < BUDGETS.nodeColdStartMs);
  }
  if (workerd) {
    const v = ratio(workerd, 'webcrypto');
    budget(`generateUserSig >= ${BUDGETS.workerdVsWebCrypto}x WebCrypto+fflate in workerd`, `${v.toFixed(1)}x`, v >= BUDGETS.workerdVsWebCrypto);
  }
  p('budgets (timing budgets are reported, not enforced; size is enforced):');
  for (const b of budgets) p(`  ${b.ok ? 'PASS' : 'FAIL'}  ${b.what}: ${b.value}${b.enforced ? '' : opts.quick ? ' (quick run: not meaningful)' : ''}`);
  for (const r of runs) for (const pr of r.problems ?? []) p(`  PROBLEM [${r.runtime}] ${pr}`);
  if (workerd) p(`note: workerd figures are request times from outside minus the median empty-request time (${workerd.requestOverheadMs.toFixed(2)} ms); workerd's clock moved ${workerd.clockMovedMs} ms inside requests.`);
  return { text: lines.join('\n'), budgets };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const config = opts.quick
    ? { rounds: 1, roundMs: 5, warmupMs: 2, coldSamples: 1 }
    : { rounds: 7, roundMs: 150, warmupMs: 50, coldSamples: 5 };
  config.jsTestsDir = jsTests;
  config.scratchDir = scratch;
  config.wranglerBin = bin('wrangler');
  const sizes = preparePackage();
  const m = machine();
  const runs = [];
  for (const runtime of opts.only) {
    console.log(`--- ${runtime}`);
    const t = Date.now();
    try {
      runs.push(runtime === 'workerd'
        ? await benchWorkerd({ ...config, coldSamples: opts.quick ? 1 : 3 })
        : await benchLocal(runtime, config));
    } catch (e) {
      runs.push({ runtime, error: String(e && e.message ? e.message : e) });
      console.log(`${runtime}: ${e && e.message}`);
    }
    console.log(`${runtime}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const { text, budgets } = report(m, sizes, runs, { ...config, quick: opts.quick });
  console.log('');
  console.log(text);
  if (opts.out) writeFileSync(opts.out, JSON.stringify({ machine: m, sizes, runs, budgets, config }, null, 2));
  const broken = runs.filter((r) => r.error || (r.problems ?? []).length);
  // The size budget fails a full run. The --quick smoke in the test run checks that the
  // benchmark still works in every runtime; it prints the size verdict without failing on it,
  // because the wasm is over its budget today (docs/PERFORMANCE.md, "Size") and CI must stay
  // able to land other work. The full run keeps failing until the budget holds.
  const sizeFail = opts.quick ? [] : budgets.filter((b) => b.enforced && !b.ok);
  if (broken.length || sizeFail.length) {
    console.log(`bench: FAILED (${[...broken.map((r) => `${r.runtime} did not run cleanly`), ...sizeFail.map((b) => b.what)].join('; ')})`);
    process.exitCode = 1;
  } else console.log('bench: ok');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
