// A runner process for the `jobs` row (Node or Deno): runs one job with the checkpoint-file
// adapter of tim-edge/jobs against the backend, prints one result line, exits. The parent kills
// it at random moments (SIGKILL) and starts it again with the same checkpoint.
//
// argv[2]: { baseUrl, sdkAppId, key, checkpoint, job, itemsFile, failRate, seed, timeoutMs }
import { appendFileSync, readFileSync } from 'node:fs';
import { TimClient } from 'tim-edge';
import { runJob } from 'tim-edge/jobs';

const MARK = '@@JOB ';
const c = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
// The outgoing edge: when each request is handed to the transport (`<command> <ms> <items>` per
// line; items: a batch call's recipients).
// The backend's arrival times are recorded too, but its process shares a loaded machine.
// Date.now(): one clock for every runner process (the limiter's grants use it too).
const now = () => Date.now();
const sentFetch = (input, init) => {
  const t = now();
  const url = typeof input === 'string' ? input : input.url;
  let items = 1;
  try {
    const to = JSON.parse(init.body).To_Account;
    if (Array.isArray(to)) items = to.length;
  } catch { /* not a JSON text body */ }
  appendFileSync(c.sentLog, `${new URL(url).pathname.split('/').pop()} ${t} ${items}\n`);
  return fetch(input, init);
};
const client = new TimClient({ sdkAppId: c.sdkAppId, key: c.key, baseUrl: c.baseUrl, timeoutMs: c.timeoutMs ?? 3000, fetch: sentFetch });

// The host's timekeeping: how late a 10 ms timer fires, beyond 25 ms (the runner's guard).
// Pacing on a host that stalls longer than that costs grants; the parent reports it.
let stallMs = 0;
let expected = now() + 10;
setInterval(() => {
  const late = now() - expected;
  if (late > 25) stallMs += late;
  expected = now() + 10;
}, 10).unref?.();
const items = JSON.parse(readFileSync(c.itemsFile, 'utf8'));

// Injected step failures: after a request, with probability failRate, this runner's chunk
// throws as if its step had crashed (the request went out; its result is never recorded).
let x = (c.seed >>> 0) || 1;
const rand = () => {
  x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
  return x / 4294967296;
};
let injected = 0;
const hooks = {
  afterRequest() {
    if (rand() < (c.failRate ?? 0)) {
      injected++;
      throw new Error('injected step failure');
    }
  },
};

try {
  const status = await runJob({ client, job: c.job, items, checkpoint: c.checkpoint, hooks });
  console.log(MARK + JSON.stringify({ ok: true, injected, stallMs: Math.round(stallMs), status }));
} catch (e) {
  console.log(MARK + JSON.stringify({ ok: false, injected, error: String(e && e.stack ? e.stack : e) }));
}
if (globalThis.Deno) Deno.exit(0);
process.exit(0);
