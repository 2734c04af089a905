// The workerd side of the benchmark. workerd advances Date.now and performance.now only at I/O
// (a Spectre mitigation), so in-isolate timing is unreliable; the host times each request from
// outside (workerd.mjs):
//   GET /ready           answers without touching the package (builds are imported lazily),
//   GET /cold?build=     imports a build (the first time: module evaluation and instantiation)
//                        and signs one UserSig,
//   GET /check, GET /run?case=&n=   the UserSig cases; 'noop' measures the request overhead,
//   GET /calls?kind=&side=&n=&origin=   n calls of one call-overhead side, IN_FLIGHT in flight,
//   GET /memory?build=&variant=&count=&seed=   the peak-memory case on that build's instance.
// builds.gen.mjs is written by run.mjs: { buildId: () => import(<its package>) }.
import { BUILDS } from './builds.gen.mjs';
import { makeCases, checkOutputs, timeCase } from './workload.mjs';
import { IN_FLIGHT, makeSides, inFlight } from './calls.mjs';
import * as floorModule from './floor-pkg/floor.js';
import floorWasm from './floor-pkg/floor_bg.wasm';
import { captureInstances, findMemory, memoriesOf, runMemory } from './memory.mjs';

const loaded = {};
// Each build is imported with WebAssembly.Instance wrapped, to find its memory later.
function load(id) {
  if (!BUILDS[id]) throw new Error(`unknown build ${id}`);
  loaded[id] ??= (async () => {
    const capture = captureInstances();
    try {
      const tim = await BUILDS[id]();
      return { id, tim, memories: memoriesOf(capture.instances) };
    } finally {
      capture.restore();
    }
  })();
  return loaded[id];
}
const loadAll = () => Promise.all(Object.keys(BUILDS).map(load));

// The design floor (floor/src/lib.rs), instantiated on first use from the module wrangler compiled.
let floorReady = false;
function floorCall() {
  if (!floorReady) floorModule.initSync({ module: floorWasm });
  floorReady = true;
  return floorModule.call;
}

let cases;
const sides = {};

async function handle(url) {
  const q = (name) => url.searchParams.get(name);
  switch (url.pathname) {
    case '/ready':
      return new Response('ready');
    case '/cold': {
      const { tim } = await load(q('build'));
      tim.generateUserSig({ sdkAppId: 1400000000, key: 'k', userId: 'u' });
      return new Response('ok');
    }
    case '/check': {
      const builds = await loadAll();
      cases ??= { ...makeCases({ builds }), noop: { op: () => {} } };
      const { noop, ...real } = cases;
      const map = (f) => Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, f(c)]));
      return Response.json({ problems: await checkOutputs(builds[0].tim, real), labels: map((c) => c.label), perOp: map((c) => c.perOp ?? 1) });
    }
    case '/run': {
      const c = cases?.[q('case')];
      if (!c) return new Response('unknown case (GET /check first)', { status: 404 });
      const n = Math.min(Number(q('n')) || 1, 1 << 24);
      const frozen = Date.now();
      await timeCase(c, n, () => 0);
      // Date.now() - frozen shows whether the clock moved during the loop (0 when it was frozen).
      return Response.json({ n, clockMovedMs: Date.now() - frozen });
    }
    case '/calls': {
      const key = `${q('kind')}:${q('origin')}`;
      sides[key] ??= makeSides({ builds: await loadAll(), origin: Number(q('origin')), kind: q('kind'), floor: floorCall() });
      const op = sides[key][q('side')];
      if (!op) return new Response('unknown side', { status: 404 });
      return Response.json(await inFlight(Math.min(Number(q('n')) || 1, 1e6), IN_FLIGHT, op));
    }
    case '/memory': {
      const { tim, memories } = await load(q('build'));
      const memory = findMemory(tim, memories);
      if (!memory) return Response.json({ unavailable: `no wasm memory holding the marker among ${memories.length} captured instance(s)` });
      const result = await runMemory({ tim, memory, variant: q('variant'), count: Number(q('count')), seed: Number(q('seed')) });
      return Response.json({ how: 'WebAssembly.Instance captured', ...result });
    }
    default:
      return new Response('not found', { status: 404 });
  }
}

export default {
  async fetch(request) {
    try {
      return await handle(new URL(request.url));
    } catch (e) {
      return new Response(String(e?.stack ?? e), { status: 500 });
    }
  },
};
