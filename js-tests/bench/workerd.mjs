// Host side of the workerd benchmark: starts `wrangler dev` on bench/worker.mjs in the scratch
// project and times requests from outside (workerd freezes its clocks while a request runs).
// wrangler runs in its own process group, killed on every exit path.
import { spawn } from 'node:child_process';
import { freePort } from '../server/free-port.mjs';
import { measure, summarize } from './workload.mjs';

const READY_MS = 120000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startWrangler({ scratchDir, wranglerBin }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const log = [];
  const child = spawn(wranglerBin, [
    'dev', '--config', 'wrangler.toml', '--ip', '127.0.0.1', '--port', String(port),
    '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--log-level', 'warn',
  ], {
    cwd: scratchDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: '1' },
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d) => log.push(String(d)));
  const stop = () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  };
  process.once('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline && !exited) {
    try {
      const r = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
      if (r.ok && (await r.text()) === 'ready') return { base, stop };
    } catch { /* not up yet */ }
    await sleep(200);
  }
  stop();
  throw new Error(`wrangler dev did not come up (${exited ? 'it exited' : 'timeout'}):\n${log.join('').slice(-2000)}`);
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
