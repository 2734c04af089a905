// Host side of the workerd benchmark: starts `wrangler dev` on bench/worker.mjs in the scratch
// project and times requests from outside (workerd freezes its clocks while a request runs).
// wrangler runs in its own process group, killed on every exit path.
import { startWranglerDev } from '../server/wrangler-dev.mjs';
import { measure, summarize } from './workload.mjs';

function startWrangler({ scratchDir, wranglerBin }) {
  return startWranglerDev({
    wranglerBin,
    cwd: scratchDir,
    isUp: async (base) => {
      const r = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
      return r.ok && (await r.text()) === 'ready';
    },
  });
}

async function timed(url) {
  const t = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`${url} answered ${r.status}: ${body.slice(0, 300)}`);
  return { ms, body };
}

// First /cold request minus the median of later identical ones: module evaluation plus wasm
// instantiation inside workerd (the wasm itself is compiled when workerd loads the Worker).
async function coldSample(base) {
  const first = (await timed(`${base}/cold`)).ms;
  const warm = [];
  for (let i = 0; i < 15; i++) warm.push((await timed(`${base}/cold`)).ms);
  return Math.max(0, first - summarize(warm).median);
}

export async function benchWorkerd(config) {
  const cold = [];
  let throughput;
  for (let s = 0; s < config.coldSamples; s++) {
    const w = await startWrangler(config);
    try {
      cold.push(await coldSample(w.base));
      if (s === 0) throughput = await runCases(w.base, config);
    } finally {
      w.stop();
    }
  }
  return { ...throughput, cold: summarize(cold) };
}

async function runCases(base, config) {
  const { problems, labels, perOp: units } = JSON.parse((await timed(`${base}/check`)).body);
  const noop = [];
  for (let i = 0; i < 30; i++) noop.push((await timed(`${base}/run?case=noop&n=1`)).ms);
  const overhead = summarize(noop).median;
  let clockMoved = 0;
  const perOp = (name) => units[name];
  const names = Object.keys(labels).filter((n) => n !== 'noop');
  const results = await measure(names, perOp, async (name, n) => {
    const { ms, body } = await timed(`${base}/run?case=${name}&n=${n}`);
    clockMoved = Math.max(clockMoved, JSON.parse(body).clockMovedMs);
    return Math.max(ms - overhead, 0.001);
  }, { ...config, warmupMs: Math.max(config.warmupMs, 20 * overhead) });
  return { runtime: 'workerd', results, labels, problems, requestOverheadMs: overhead, clockMovedMs: clockMoved };
}
