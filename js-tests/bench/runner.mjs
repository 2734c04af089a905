// One benchmark process for Node, Bun or Deno (run by run.mjs from the scratch project, so
// 'tim-edge' is the installed tarball). Prints one line: '@@BENCH ' + JSON.
import * as tim from 'tim-edge';
import { makeCases, checkOutputs, measure, timeCase } from './workload.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const config = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);

async function official() {
  // The official package needs node:crypto and node:zlib; compared in Node and Bun only. Its
  // package.json names two "main" files (Bun picks the missing one), so import the file itself.
  if (runtime === 'deno') return undefined;
  const m = await import(`${config.jsTestsDir}/node_modules/tls-sig-api-v2/TLSSigAPIv2.js`);
  return m.Api ? m : m.default;
}

const cases = makeCases({ tim, official: await official() });
const problems = await checkOutputs(tim, cases);
const now = () => performance.now();
const names = Object.keys(cases);
const results = await measure(names, (n) => cases[n].perOp ?? 1, (n, count) => timeCase(cases[n], count, now), config);
const labels = Object.fromEntries(names.map((n) => [n, cases[n].label]));
console.log('@@BENCH ' + JSON.stringify({ runtime, results, labels, problems }));
