// Host side of the workerd benchmark: bundles bench/worker.mjs with wrangler and runs it on
// workerd (workerd-serve.mjs), timing requests from outside (workerd freezes its clocks while a
// request computes). Cold start: a fresh workerd per sample and build, the build's first /cold
// request minus the median of later identical ones (the order of builds alternates).
// Peak memory: a fresh workerd per variant, since wasm memory never shrinks.
import { bundleWorker, startWorkerd, processCpuUs } from './workerd-serve.mjs';
import { measure, summarize } from './workload.mjs';
import { KINDS, callRounds } from './calls.mjs';

async function timed(url) {
  const t = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`${url} answered ${r.status}: ${body.slice(0, 600)}`);
  return { ms, body };
}

// First /cold request for a build minus the median of later identical ones: module evaluation
// plus wasm instantiation plus a first generateUserSig inside workerd (workerd compiles the wasm
// when it loads the Worker, so that part is not included).
async function coldSample(base, build) {
  const url = `${base}/cold?build=${build}`;
  const first = (await timed(url)).ms;
  const warm = [];
  for (let i = 0; i < 15; i++) warm.push((await timed(url)).ms);
  return Math.max(0, first - summarize(warm).median);
}

async function requestOverhead(base) {
  const noop = [];
  for (let i = 0; i < 30; i++) noop.push((await timed(`${base}/run?case=noop&n=1`)).ms);
  return summarize(noop).median;
}

export async function benchWorkerd(config) {
  const t0 = Date.now();
  const ids = config.builds.map((b) => b.id);
  const bundleDir = bundleWorker(config);
  const start = () => startWorkerd({ workerdBin: config.workerdBin, bundleDir });
  const cold = Object.fromEntries(ids.map((id) => [id, []]));
  let throughput;
  let calls;
  // One build per fresh workerd: the first package a fresh isolate loads pays more than a
  // second one would. The first workerd also runs the UserSig and call-overhead cases.
  for (let s = 0; s < config.coldSamples; s++) {
    for (const id of s % 2 ? [...ids].reverse() : ids) {
      const w = await start();
      try {
        cold[id].push(await coldSample(w.base, id));
        if (!throughput) {
          throughput = await runCases(w.base, config);
          calls = await runCalls(w, config, throughput.requestOverheadMs);
        }
      } finally {
        w.stop();
      }
    }
  }
  console.log(`workerd: cold start, UserSig cases and call overhead ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const memory = [];
  const t1 = Date.now();
  for (const variant of config.memory.variants) {
    const w = await start();
    try {
      for (const build of ids) {
        const q = new URLSearchParams({ build, variant, count: config.memory.count, seed: config.memory.seed });
        memory.push({ row: 'workerd', build, variant, ...JSON.parse((await timed(`${w.base}/memory?${q}`)).body) });
      }
    } finally {
      w.stop();
    }
  }
  console.log(`workerd: peak memory ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  return {
    ...throughput,
    problems: [...throughput.problems, ...calls.problems],
    calls: { kinds: calls.kinds, labels: calls.labels, cpu: 'workerd process CPU from /proc/<pid>/stat' },
    cold: { workerd: Object.fromEntries(ids.map((id) => [id, summarize(cold[id])])) },
    memory,
  };
}

async function runCases(base, config) {
  const { problems, labels, perOp: units } = JSON.parse((await timed(`${base}/check`)).body);
  const overhead = await requestOverhead(base);
  let clockMoved = 0;
  const perOp = (name) => units[name];
  const names = Object.keys(labels).filter((n) => n !== 'noop');
  const results = await measure(names, perOp, async (name, n) => {
    const { ms, body } = await timed(`${base}/run?case=${name}&n=${n}`);
    clockMoved = Math.max(clockMoved, JSON.parse(body).clockMovedMs);
    return Math.max(ms - overhead, 0.001);
  }, { ...config, warmupMs: Math.max(config.warmupMs, 20 * overhead) });
  delete labels.noop;
  return { runtime: 'workerd', results, labels, problems, requestOverheadMs: overhead, clockMovedMs: clockMoved };
}

// The call-overhead rounds, each side one request of n calls; CPU per call is the workerd
// process's CPU over the request (it also parses that one request: negligible against n calls).
async function runCalls(w, config, overhead) {
  const { perRound, rounds, warmup, kinds } = config.calls;
  const names = ['bare', 'deadline', 'floor', ...config.builds.map((b) => b.id)];
  const problems = [];
  const results = {};
  for (const kind of kinds) {
    const runSide = async (side, n) => {
      const c0 = processCpuUs(w.pid);
      const { ms, body } = await timed(`${w.base}/calls?${new URLSearchParams({ kind, side, n, origin: config.origin })}`);
      const cpuUs = processCpuUs(w.pid) - c0;
      return { ms: Math.max(ms - overhead, 0.001), cpuUs, ...JSON.parse(body) };
    };
    results[kind] = await callRounds({ kind, names, perRound, rounds, warmup, origin: config.origin, runSide, problems });
  }
  return { kinds: results, labels: Object.fromEntries(kinds.map((k) => [k, KINDS[k].label])), problems };
}
