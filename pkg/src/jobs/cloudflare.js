// Cloudflare: the ledger and the limiter as Durable Objects, a Workflows runner, a Queues
// consumer, and the controls a Worker exposes (start, status, cancel, resume).
//
//   TimJobLedger    one Durable Object per job (idFromName(jobId)): the ledger in its storage.
//   TimRateLimiter  one per app (idFromName(String(sdkAppId))): the quota limiter every
//                   isolate's runner asks before each request, so pacing holds across isolates.
//
// Both are plain classes answering fetch (no `cloudflare:workers` import, so this file loads in
// every runtime); the wrappers below speak their small JSON protocol.
import { Planner, MemoryLimiter } from './planner.js';
import { Ledger, LedgerError } from './ledger.js';
import { executeChunk, ChunkBusy } from './execute.js';
import { badInput } from '../error.js';

const PUT_MAX = 128; // keys per storage.put in a Durable Object

async function rpc(stub, op, args) {
  const res = await stub.fetch(`https://tim-edge.jobs/${op}`, { method: 'POST', body: JSON.stringify(args ?? {}) });
  const out = await res.json();
  if (!res.ok) {
    if (out.code) throw new LedgerError(out.code, out.message);
    throw new Error(out.message ?? `${op} failed (${res.status})`);
  }
  return out.value;
}

async function serve(request, table) {
  const op = new URL(request.url).pathname.slice(1);
  const f = Object.hasOwn(table, op) ? table[op] : null;
  if (!f) return Response.json({ message: `no operation ${op}` }, { status: 404 });
  try {
    const args = await request.json();
    return Response.json({ value: (await f(args)) ?? null });
  } catch (e) {
    const status = e instanceof LedgerError ? 409 : 500;
    return Response.json({ code: e.code, message: String(e && e.message ? e.message : e) }, { status });
  }
}

/** The Durable Object holding one job's ledger. */
export class TimJobLedger {
  constructor(ctx) {
    const storage = ctx.storage;
    this.ledger = new Ledger({
      get: (k) => storage.get(k),
      async put(entries) {
        const keys = Object.keys(entries);
        for (let i = 0; i < keys.length; i += PUT_MAX) {
          await storage.put(Object.fromEntries(keys.slice(i, i + PUT_MAX).map((k) => [k, entries[k]])));
        }
      },
      list: (prefix) => storage.list({ prefix }),
    });
  }

  fetch(request) {
    const l = this.ledger;
    return serve(request, {
      job: () => l.job(),
      create: (a) => l.create(a),
      begin: (a) => l.begin(a.index, a),
      renew: (a) => l.renew(a.index, a),
      commit: (a) => l.commit(a.index, a),
      release: (a) => l.release(a.index, a),
      cancel: () => l.cancel(),
      resume: () => l.resume(),
      pending: () => l.pending(),
      status: (a) => l.status(a),
      setRunner: async (a) => {
        const job = await l.job();
        if (!job) throw new LedgerError('missing', 'no such job');
        await l.storage.put({ job: { ...job, runner: a.runner } });
      },
    });
  }
}

/** The Durable Object pacing every request of an app (its state survives evictions). */
export class TimRateLimiter {
  constructor(ctx, env) {
    this.ctx = ctx;
    const guardMs = Number(env?.TIM_JOBS_GUARD_MS ?? 25);
    ctx.blockConcurrencyWhile(async () => {
      const state = await ctx.storage.get('limiter');
      this.limiter = new MemoryLimiter({ guardMs, state });
    });
  }

  fetch(request) {
    return serve(request, {
      reserve: async (a) => {
        const grants = await this.limiter.reserve(a.costs);
        this.ctx.storage.put('limiter', this.limiter.state()); // written before the answer leaves (output gate)
        return grants;
      },
      penalize: async (a) => {
        await this.limiter.penalize(a.bucket, a.quota);
        this.ctx.storage.put('limiter', this.limiter.state());
      },
    });
  }
}

/** The ledger of job `jobId` through its Durable Object (the same methods as Ledger). */
export function ledgerStub(namespace, jobId) {
  const stub = namespace.get(namespace.idFromName(jobId));
  const call = (op) => (a) => rpc(stub, op, a);
  return {
    job: call('job'),
    create: call('create'),
    begin: (index, a) => rpc(stub, 'begin', { ...a, index }),
    renew: (index, a) => rpc(stub, 'renew', { ...a, index }),
    commit: (index, a) => rpc(stub, 'commit', { ...a, index }),
    release: (index, a) => rpc(stub, 'release', { ...a, index }),
    cancel: call('cancel'),
    resume: call('resume'),
    pending: call('pending'),
    status: call('status'),
    setRunner: (runner) => rpc(stub, 'setRunner', { runner }),
  };
}

/** The app's limiter through its Durable Object. */
export function limiterStub(namespace, name) {
  const stub = namespace.get(namespace.idFromName(String(name)));
  return {
    reserve: (costs) => rpc(stub, 'reserve', { costs }),
    penalize: (bucket, quota) => rpc(stub, 'penalize', { bucket, quota }),
  };
}

// A Workflow instance id: letters, digits, - and _ (at most 100 characters).
function instanceId(jobId, run) {
  const safe = jobId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return `${safe}-run${run}`;
}

/**
 * Everything a Worker needs for jobs, over its bindings:
 *   ledgers   the TimJobLedger namespace      limiter  the TimRateLimiter namespace
 *   workflow  a Workflow binding (optional)   queue    a Queue binding (optional)
 *   client    a TimClient (or a function returning one)
 *   appName   the limiter's name: one per app (its SDKAppID), so all its jobs share the quota
 *   leaseMs   how long a chunk stays held by a runner that stopped answering (renewed every third)
 */
export function cloudflareJobs({ ledgers, limiter, workflow, queue, client, appName = 'default', chunkConcurrency = 4, maxInFlight = 16, leaseMs = 15000, hooks }) {
  if (!ledgers || !limiter) throw badInput('cloudflareJobs needs the ledgers and limiter Durable Object namespaces');
  const clientOf = () => (typeof client === 'function' ? client() : client);
  const limiterOf = () => limiterStub(limiter, appName);
  const planners = new Map();
  const plannerOf = (job) => {
    const key = `${job.spec.id}\n${job.fingerprint}`;
    if (!planners.has(key)) planners.set(key, new Planner(job.spec));
    return planners.get(key);
  };

  async function startRunner(ledger, jobId, kind, run) {
    if (kind === 'workflow') {
      if (!workflow) throw badInput('no workflow binding');
      const id = instanceId(jobId, run);
      await workflow.create({ id, params: { jobId } });
      await ledger.setRunner({ kind, instance: id, run });
    } else if (kind === 'queue') {
      if (!queue) throw badInput('no queue binding');
      const pending = await ledger.pending();
      for (let i = 0; i < pending.length; i += 100) {
        await queue.sendBatch(pending.slice(i, i + 100).map((chunk) => ({ body: { jobId, chunk } })));
      }
      await ledger.setRunner({ kind, run });
    } else throw badInput(`runner must be 'workflow' or 'queue'`);
  }

  async function stopRunner(job) {
    if (job?.runner?.kind === 'workflow' && workflow) {
      try {
        await (await workflow.get(job.runner.instance)).terminate();
      } catch { /* already finished, or never started */ }
    }
  }

  return {
    /** Checks and records the job, then starts its runner. Idempotent for the same spec and items. */
    async start({ job, items, runner = workflow ? 'workflow' : 'queue' }) {
      const planner = new Planner(job);
      const prepared = planner.prepare(items);
      const ledger = ledgerStub(ledgers, planner.spec.id);
      const { created, job: record } = await ledger.create({ prepared, runner: { kind: runner, run: 0 } });
      if (created && record.state === 'running') await startRunner(ledger, planner.spec.id, runner, 1);
      return ledger.status({ limit: 0 });
    },

    status: (jobId, opts) => ledgerStub(ledgers, jobId).status(opts ?? {}),

    /** Stops sending: pending chunks stay pending (resume continues them). */
    async cancel(jobId) {
      const ledger = ledgerStub(ledgers, jobId);
      const job = await ledger.cancel();
      await stopRunner(job);
      return ledger.status({ limit: 0 });
    },

    /**
     * Continues a cancelled or stalled job with a fresh runner (the old one, if any, is stopped
     * first; chunks it left begun are resolved, never resent blindly).
     */
    async resume(jobId) {
      const ledger = ledgerStub(ledgers, jobId);
      const before = await ledger.job();
      if (!before) throw badInput(`no job ${jobId}`);
      if (before.state === 'done') return ledger.status({ limit: 0 });
      await stopRunner(before);
      await ledger.resume();
      await startRunner(ledger, jobId, before.runner?.kind ?? 'workflow', (before.runner?.run ?? 0) + 1);
      return ledger.status({ limit: 0 });
    },

    /** The body of a WorkflowEntrypoint's run(event, step). */
    async runWorkflow(event, step) {
      const jobId = event?.payload?.jobId;
      if (typeof jobId !== 'string') throw badInput('the workflow needs params { jobId }');
      const ledger = ledgerStub(ledgers, jobId);
      // Only what the planner needs (a step's result is stored and capped at 1 MiB).
      const job = await step.do('job', async () => {
        const j = await ledger.job();
        return j && { spec: j.spec, fingerprint: j.fingerprint };
      });
      if (!job) return { state: 'missing' };
      const planner = plannerOf(job);
      const pending = await step.do('pending chunks', () => ledger.pending());
      // A chunk held by a runner that died is free once its lease lapses (leaseMs): retry steps
      // at a steady pace rather than exponentially.
      const config = { retries: { limit: 30, delay: '2 seconds', backoff: 'linear' }, timeout: '15 minutes' };
      // chunkConcurrency steps in flight, the next one starting as soon as one ends, so a
      // step's own overhead (ledger, engine) overlaps other steps' sending.
      let next = 0;
      const worker = async () => {
        while (next < pending.length) {
          // Read outside any step, so a cancel is seen at once on every replay.
          if ((await ledger.job())?.state !== 'running') return;
          const index = pending[next++];
          await step.do(`chunk ${index}`, config, () =>
            executeChunk({ planner, ledger, limiter: limiterOf(), client: clientOf(), index, leaseMs, maxInFlight, hooks }));
        }
      };
      await Promise.all(Array.from({ length: Math.min(chunkConcurrency, pending.length) }, worker));
      const s = await ledger.status({ limit: 0 });
      return { state: s.state, counts: s.counts };
    },

    /** A Queue consumer's queue(batch): one message per chunk, acked once committed. */
    async handleQueue(batch) {
      await Promise.all(batch.messages.map(async (m) => {
        const { jobId, chunk } = m.body ?? {};
        if (typeof jobId !== 'string' || !Number.isInteger(chunk)) return m.ack(); // not a job message
        try {
          const ledger = ledgerStub(ledgers, jobId);
          const job = await ledger.job();
          if (!job) return m.ack();
          await executeChunk({ planner: plannerOf(job), ledger, limiter: limiterOf(), client: clientOf(), index: chunk, leaseMs, maxInFlight, hooks });
          m.ack();
        } catch (e) {
          const wait = e instanceof ChunkBusy ? Math.ceil((e.until - Date.now()) / 1000) + 1 : 2 ** Math.min(m.attempts, 6);
          m.retry({ delaySeconds: Math.max(1, Math.min(wait, 300)) });
        }
      }));
    },
  };
}
