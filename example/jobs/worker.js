// Example: one announcement to a list of recipients, as a durable, quota-paced job
// (tim-edge/jobs). Run it offline with `npm --prefix js-tests run jobs-example` (docs/JOBS.md).
//
//   POST /jobs              { id, text, recipients: [UserID...] } (offline: or { id, text, count })
//                           starts the job (a Workflow by default; `runner: "queue"` for Queues)
//   GET  /jobs/<id>         progress: counts done / failed / unknown / pending, failures with codes
//   POST /jobs/<id>/cancel  stops sending; pending recipients stay pending
//   POST /jobs/<id>/resume  continues with a fresh runner (also after `wrangler dev` restarts)
//
// Secrets: TIM_SDKAPPID and TIM_KEY (and TIM_BASE_URL to use another host than the region's).
// Without them the Worker runs OFFLINE: requests go to the emulator (tim-edge/emulator) kept in
// the DemoTencent Durable Object, so every isolate (the Workflow's, the queue consumer's, this
// fetch handler's) sees one Tencent. With `count`, it imports the recipients there first.
// Optional: TIM_ADMIN, TIM_REGION, JOBS_SENDER (the From_Account, default "announcements"),
// JOBS_RPS (the sendmsg quota per second, default Tencent's 200), TIM_JOBS_GUARD_MS (docs/JOBS.md).
import { WorkflowEntrypoint } from 'cloudflare:workers';
import { TimClient, TimError } from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';
import { cloudflareJobs } from 'tim-edge/jobs';

// The Durable Objects the job machinery needs (bound in wrangler.toml).
export { TimJobLedger, TimRateLimiter } from 'tim-edge/jobs';

// Not secrets: UserSigs signed with this key are useless against Tencent.
const DEMO = { sdkAppId: 1400000000, key: 'DEMO-KEY-NOT-SECRET-replace-with-TIM_KEY' };
const offline = (env) => !(env.TIM_SDKAPPID && env.TIM_KEY);

// Test instrumentation (js-tests/jobs/workerd.mjs), off unless set: JOBS_TEST_FAIL_RATE makes a
// chunk's step throw after a request with that probability (a crashed step); JOBS_TEST_STAMP
// adds the time each request left to its headers, so pacing is measured at the edge.
function testFetch(env) {
  if (!env.JOBS_TEST_STAMP) return undefined;
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-tim-sent-at', String(Date.now()));
    return fetch(input, { ...init, headers });
  };
}

let cached;
function app(env) {
  if (cached) return cached;
  const demo = offline(env);
  const client = new TimClient({
    sdkAppId: demo ? DEMO.sdkAppId : env.TIM_SDKAPPID,
    key: demo ? DEMO.key : env.TIM_KEY,
    adminId: env.TIM_ADMIN,
    region: env.TIM_REGION,
    baseUrl: demo ? undefined : env.TIM_BASE_URL,
    // Offline, every request goes to the one emulator in its Durable Object.
    fetch: demo ? (input, init) => demoTencent(env).fetch(new Request(input, init)) : testFetch(env),
  });
  const failRate = Number(env.JOBS_TEST_FAIL_RATE ?? 0);
  const jobs = cloudflareJobs({
    ledgers: env.JOB_LEDGER,
    limiter: env.JOB_LIMITER,
    workflow: env.JOB_WORKFLOW,
    queue: env.JOB_QUEUE,
    client,
    appName: String(demo ? DEMO.sdkAppId : env.TIM_SDKAPPID),
    hooks: failRate > 0 ? { afterRequest() { if (Math.random() < failRate) throw new Error('injected step failure'); } } : undefined,
  });
  cached = { client, jobs, demo };
  return cached;
}

const demoTencent = (env) => env.DEMO_TENCENT.get(env.DEMO_TENCENT.idFromName('demo'));

/** Offline only: the emulator, one per app, in a Durable Object (its state in memory). */
export class DemoTencent {
  constructor() {
    this.emulator = new Emulator({ sdkAppId: DEMO.sdkAppId, key: DEMO.key });
  }
  fetch(request) {
    return this.emulator.fetch(request);
  }
}

/** The Workflow: every chunk a durable step, retried by Workflows when it throws. */
export class JobWorkflow extends WorkflowEntrypoint {
  run(event, step) {
    return app(this.env).jobs.runWorkflow(event, step);
  }
}

const json = (value, status = 200) =>
  new Response(JSON.stringify(value, null, 2), { status, headers: { 'content-type': 'application/json' } });

async function start(env, body) {
  const { client, jobs, demo } = app(env);
  const sender = env.JOBS_SENDER ?? 'announcements';
  let recipients = body.recipients;
  if (demo && recipients === undefined && Number.isInteger(body.count)) {
    // Offline: make the recipients (and the sender) exist in the emulator first.
    recipients = Array.from({ length: body.count }, (_, i) => `user${String(i).padStart(6, '0')}`);
    await client.account.importAccountsBatched({ Accounts: [sender, ...recipients] }, { concurrency: 4 });
  }
  if (typeof body.id !== 'string' || typeof body.text !== 'string' || !Array.isArray(recipients)) {
    return json({ error: 'POST /jobs takes { id, text, recipients } (offline: or { id, text, count })' }, 400);
  }
  const rps = Number(env.JOBS_RPS ?? 200);
  const job = {
    id: body.id,
    endpoint: 'openim/sendmsg',
    body: { From_Account: sender, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: body.text } }] },
    chunkSize: body.chunkSize ?? 100,
    quotas: { 'openim/sendmsg': [{ limit: rps, windowMs: 1000 }] },
    // The same guard as the limiter Durable Object's (TIM_JOBS_GUARD_MS, default 25 ms).
    guardMs: Number(env.TIM_JOBS_GUARD_MS ?? 25),
  };
  const status = await jobs.start({ job, items: recipients, runner: body.runner ?? env.JOBS_RUNNER ?? 'workflow' });
  return json(status, 202);
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const m = /^\/jobs\/([^/]+)(?:\/(cancel|resume))?$/.exec(url.pathname);
    try {
      if (request.method === 'POST' && url.pathname === '/jobs') return await start(env, await request.json());
      if (m && request.method === 'GET' && !m[2]) {
        const limit = Number(url.searchParams.get('failures') ?? 100);
        const status = await app(env).jobs.status(decodeURIComponent(m[1]), { limit });
        return status ? json(status) : json({ error: 'no such job' }, 404);
      }
      if (m && request.method === 'POST' && m[2]) return json(await app(env).jobs[m[2]](decodeURIComponent(m[1])));
      return json({ routes: ['POST /jobs', 'GET /jobs/<id>', 'POST /jobs/<id>/cancel', 'POST /jobs/<id>/resume'], offline: offline(env) }, 404);
    } catch (e) {
      const status = e instanceof TimError && e.kind === 'bad-input' ? 400 : 500;
      return json({ error: { name: e.name, kind: e.kind, code: e.code, message: e.message } }, status);
    }
  },

  /** The Queues consumer (runner: "queue"): one message per chunk. */
  queue(batch, env) {
    return app(env).jobs.handleQueue(batch);
  },
};
