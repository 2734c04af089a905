// The `ecosystem` row of js-tests/run.mjs: the packed package (the tarball run.mjs made) installed
// into a scratch project and taken through the toolchains users have, pinned in this folder's
// package.json: the package linters, TypeScript in every module mode, the bundlers, Next.js (a
// Node route and an edge route), Vercel's edge-runtime, Node 20.16/22/24 and Deno 2.1.4. Every app prints a
// UserSig made with random parameters, checked against the official tls-sig-api-v2 package
// (oracle.mjs), and bundled apps run from an empty directory, so nothing is read from
// node_modules at run time. One verdict line per check, then run.mjs's result line.
//
// Run alone: node js-tests/ecosystem/run.mjs '{"tarball":"/abs/tim-edge-0.1.0.tgz","jsTestsDir":"/abs/js-tests"}'
// (optional "grep": a substring of the check names to run).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failure, lastJson, run } from './exec.mjs';
import { checkUserSig, usersigParams } from './oracle.mjs';
import packageChecks from './checks/package.mjs';
import typescriptChecks from './checks/typescript.mjs';
import bundlerChecks from './checks/bundlers.mjs';
import edgeChecks from './checks/edge.mjs';
import nextChecks from './checks/next.mjs';
import nodeChecks from './checks/node.mjs';
import denoChecks from './checks/deno.mjs';
import unbundledChecks from './checks/unbundled.mjs';

const RESULT_MARK = '@@TIM_RESULTS ';
const here = dirname(fileURLToPath(import.meta.url));
const config = JSON.parse(process.argv[2] ?? '{}');
const jsTestsDir = config.jsTestsDir ?? dirname(here);
const started = Date.now();

// The tools: `npm ci` here when they are missing (the lockfile pins every version).
if (!existsSync(join(here, 'node_modules', '.bin', 'next'))) {
  console.log('installing the ecosystem tools (npm ci in js-tests/ecosystem)');
  const r = await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, timeoutMs: 600000 });
  if (r.code !== 0) throw failure('npm ci', r);
}

// One scratch project per run, inside this folder so Next.js/Turbopack and the bundlers find
// react, next and the other tools in ../node_modules; the package itself comes from the tarball.
const scratchRoot = join(here, '.scratch');
for (const name of existsSync(scratchRoot) ? readdirSync(scratchRoot) : []) {
  const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
  if (!pid) continue;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(join(scratchRoot, name), { recursive: true, force: true });
  }
}
const scratch = join(scratchRoot, `run-${process.pid}`);
mkdirSync(scratch, { recursive: true });
writeFileSync(join(scratchRoot, '.gitignore'), '*\n');
writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'tim-edge-ecosystem-scratch', private: true, type: 'module' }, null, 2));
const install = await run('npm', ['install', config.tarball, '--no-audit', '--no-fund', '--no-save', '--offline'], { cwd: scratch, timeoutMs: 120000 });

const params = usersigParams();
const ctx = {
  here,
  scratch,
  jsTestsDir,
  pkgDir: join(jsTestsDir, '..', 'pkg'),
  tarball: config.tarball,
  params,
  /** A tool from this folder's node_modules/.bin (or js-tests' for bun and deno). */
  tool: (name) => join(here, 'node_modules', '.bin', name),
  jsTestsTool: (name) => join(jsTestsDir, 'node_modules', '.bin', name),
  /** Copies fixtures/<name> to <scratch>/<to>, with PARAMS replaced by this run's parameters. */
  fixture(name, to = name) {
    const target = join(scratch, to);
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(join(here, 'fixtures', name), 'utf8');
    if (!text.includes('= PARAMS;')) throw new Error(`fixtures/${name} has no \`= PARAMS;\` to replace`);
    writeFileSync(target, text.replace('= PARAMS;', `= ${JSON.stringify(params)};`));
    return target;
  },
  /** Copies a fixture folder as is. */
  fixtureDir(name, to = name) {
    cpSync(join(here, 'fixtures', name), join(scratch, to), { recursive: true });
    return join(scratch, to);
  },
  /**
   * Runs a built app from a fresh empty directory outside the project (the files copied there),
   * so it works only if the build holds everything it loads. Returns the evidence.
   */
  async runBuilt(files, cmd, args) {
    const dir = mkdtempSync(join(tmpdir(), 'tim-edge-eco-'));
    try {
      for (const f of files) cpSync(f, join(dir, f.split('/').pop()), { recursive: true });
      const r = await run(cmd, args, { cwd: dir, timeoutMs: 30000 });
      if (r.code !== 0) throw failure(`${cmd.split('/').pop()} ${args.join(' ')}`, r);
      return this.checkApp(r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** The app's JSON line: its UserSig checked by the oracle, its bad-input error a TimError. */
  checkApp(stdout) {
    const out = lastJson(stdout);
    if (out.badInput !== undefined && out.badInput !== 'bad-input') throw new Error(`bad input gave ${out.badInput}, not a bad-input TimError`);
    return `UserSig ${checkUserSig(out.userSig, params, jsTestsDir)}${out.badInput ? '; bad input threw the exported TimError' : ''}`;
  },
};

const checks = [...packageChecks, ...typescriptChecks, ...bundlerChecks, ...edgeChecks, ...nextChecks, ...nodeChecks, ...denoChecks, ...unbundledChecks]
  .filter((c) => !config.grep || c.name.includes(config.grep));
const results = [];
for (const check of checks) {
  const t0 = Date.now();
  let result;
  try {
    if (install.code !== 0) throw failure('npm install <tarball>', install);
    const evidence = await check.run(ctx);
    result = { name: `ecosystem: ${check.name}`, ok: true, ms: Date.now() - t0, evidence };
    console.log(`ok   ${result.name}: ${evidence} (${(result.ms / 1000).toFixed(1)} s)`);
  } catch (e) {
    result = { name: `ecosystem: ${check.name}`, ok: false, ms: Date.now() - t0, error: String(e?.message ?? e).replace(/\s+/g, ' ') };
    console.log(`FAIL ${result.name} (${(result.ms / 1000).toFixed(1)} s): ${result.error}`);
  }
  results.push(result);
}

if (!config.keepScratch) rmSync(scratch, { recursive: true, force: true });
const passed = results.filter((r) => r.ok).length;
console.log(`ecosystem: ${passed} passed, ${results.length - passed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (slowest: ${[...results].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.name.slice(11)} ${(r.ms / 1000).toFixed(0)} s`).join(', ')})`);
console.log(RESULT_MARK + JSON.stringify({ summary: { runtime: 'ecosystem', passed, failed: results.length - passed }, results }));
