// The call-overhead case in one Node, Deno or Bun process (run by run.mjs from the scratch
// project): per kind, the bare fetch and every build in alternating rounds (calls.mjs), each
// round timed and its CPU read with process.cpuUsage (every thread of the process, so the
// runtime's own HTTP threads count; Deno through node:process). Prints '@@BENCH ' + JSON.
import process from 'node:process';
import { readFileSync } from 'node:fs';
import * as floorModule from './floor-pkg/floor.js';
import { IN_FLIGHT, KINDS, makeSides, inFlight, callRounds } from './calls.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const config = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
const { perRound, rounds, warmup, kinds } = config.calls;

const builds = [];
for (const b of config.builds) builds.push({ id: b.id, tim: await import(b.spec) });
floorModule.initSync({ module: readFileSync(new URL('./floor-pkg/floor_bg.wasm', import.meta.url)) });
const cpuUs = typeof process.cpuUsage === 'function' ? () => { const c = process.cpuUsage(); return c.user + c.system; } : undefined;

const problems = [];
const results = {};
for (const kind of kinds) {
  const sides = makeSides({ builds, origin: config.origin, kind, floor: floorModule.call });
  const runSide = async (name, n) => {
    const c0 = cpuUs?.();
    const t0 = performance.now();
    const { failed, firstError } = await inFlight(n, IN_FLIGHT, sides[name]);
    const ms = performance.now() - t0;
    return { ms, cpuUs: cpuUs ? cpuUs() - c0 : undefined, failed, firstError };
  };
  results[kind] = await callRounds({ kind, names: Object.keys(sides), perRound, rounds, warmup, origin: config.origin, runSide, problems });
}
const labels = Object.fromEntries(kinds.map((k) => [k, KINDS[k].label]));
console.log('@@BENCH ' + JSON.stringify({ runtime, kinds: results, labels, cpu: cpuUs ? 'process.cpuUsage()' : undefined, problems }));
