// One benchmark process for Node, Bun or Deno (run by run.mjs from the scratch project, so each
// build is an installed tarball: 'tim-edge', and 'tim-edge-baseline' with --baseline). Runs the
// UserSig and buildRequest cases of every build in the same rounds. Prints one line:
// '@@BENCH ' + JSON.
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

const builds = [];
for (const b of config.builds) builds.push({ id: b.id, tim: await import(b.spec) });
const cases = makeCases({ builds, official: await official() });
const problems = await checkOutputs(builds[0].tim, cases);
const now = () => performance.now();
const names = Object.keys(cases);
const results = await measure(names, (n) => cases[n].perOp ?? 1, (n, count) => timeCase(cases[n], count, now), config);
const labels = Object.fromEntries(names.map((n) => [n, cases[n].label]));
console.log('@@BENCH ' + JSON.stringify({ runtime, results, labels, problems }));
