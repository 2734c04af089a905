// The job ledger: what a job is, which chunks are done, who holds which chunk, the counts and
// the failures. It is the checkpoint every runner writes after each chunk, over any storage with
// get / put / list (a Durable Object's storage, or the file storage of the Node/Deno adapter).
//
// Keys:
//   job          { spec, fingerprint, plan, state, counts, chunksDone, invalid, duplicates, ... }
//   items:<i>    the items of chunk i (as the planner normalised them)
//   chunk:<i>    { startedAt, owner, leaseUntil, doneAt?, done?, failed?, unknown? }
//
// A chunk is begun (startedAt written, before anything is sent) and committed (results written)
// exactly once per execution; `startedAt` never moves, so a runner that finds a chunk begun but
// not committed knows the earliest time anything of it may have reached Tencent. A lease keeps two
// runners (a redelivered queue message, a retried step) off the same chunk at the same time.

const PUT_BATCH = 100;

export class LedgerError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
  }
}

function emptyCounts(items) {
  return { items, done: 0, failed: 0, unknown: 0, pending: items };
}

export class Ledger {
  #tail = Promise.resolve();

  /** @param storage `{ get(key), put(entries), list(prefix) }` (values are JSON-compatible). */
  constructor(storage) {
    this.storage = storage;
    // Every operation reads and then writes the job record: one at a time, or two commits of
    // concurrent chunks would both count from the same total. (A Durable Object's input gate
    // already serialises them; this covers storages that do not.)
    for (const name of ['create', 'begin', 'commit', 'renew', 'release', 'setState', 'pending', 'status', 'job']) {
      const f = this[name];
      this[name] = (...args) => this.#exclusive(() => f.apply(this, args));
    }
  }

  #exclusive(f) {
    const run = this.#tail.then(f);
    this.#tail = run.catch(() => {});
    return run;
  }

  job() {
    return this.#record();
  }

  async #record() {
    return (await this.storage.get('job')) ?? null;
  }

  /**
   * Records a prepared job (idempotent: the same fingerprint answers the existing job; another
   * one under the same id is refused).
   */
  async create({ prepared, runner = null, now = Date.now() }) {
    const existing = await this.#record();
    if (existing) {
      if (existing.fingerprint !== prepared.fingerprint) {
        throw new LedgerError('conflict', `job ${existing.spec.id} exists with another spec or other items; use a new job id`);
      }
      return { created: false, job: existing };
    }
    const { spec, plan } = prepared;
    const size = plan.chunkSize;
    let batch = {};
    let n = 0;
    for (let c = 0; c < plan.chunks; c++) {
      batch[`items:${c}`] = prepared.items.slice(c * size, (c + 1) * size);
      if (++n === PUT_BATCH) {
        await this.storage.put(batch);
        batch = {};
        n = 0;
      }
    }
    if (n) await this.storage.put(batch);
    const invalid = prepared.invalid.map((i) => ({ id: i.id ?? `#${i.index}`, code: 0, kind: 'bad-input', info: i.reason, index: i.index }));
    const job = {
      spec,
      fingerprint: prepared.fingerprint,
      plan: { items: plan.items, chunkSize: plan.chunkSize, chunks: plan.chunks, requests: plan.requests, expectedMs: plan.expectedMs },
      state: plan.chunks === 0 ? 'done' : 'running',
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: plan.chunks === 0 ? now : null,
      counts: emptyCounts(plan.items),
      chunksDone: 0,
      invalid,
      duplicates: prepared.duplicates.length,
      runner,
    };
    await this.storage.put({ job });
    return { created: true, job };
  }

  /**
   * Takes chunk `index` for `owner` until `now + leaseMs`. Answers `{ state: 'done' | 'stopped' |
   * 'busy' | 'go', startedAt, items }`: `startedAt` (when going) is the first begin's time if the
   * chunk was begun before and never committed, else null.
   */
  async begin(index, { owner, now = Date.now(), leaseMs = 60000, takeOver = false }) {
    const job = await this.#record();
    if (!job) throw new LedgerError('missing', 'no such job');
    if (!(index >= 0 && index < job.plan.chunks)) throw new LedgerError('range', `no chunk ${index}`);
    const rec = (await this.storage.get(`chunk:${index}`)) ?? null;
    if (rec?.doneAt) return { state: 'done', result: rec };
    if (job.state !== 'running') return { state: 'stopped', job: job.state };
    if (rec && rec.owner !== owner && rec.leaseUntil > now && !takeOver) return { state: 'busy', until: rec.leaseUntil };
    const startedAt = rec?.startedAt ?? null;
    const next = { startedAt: startedAt ?? now, owner, leaseUntil: now + leaseMs };
    const writes = { [`chunk:${index}`]: next };
    if (job.startedAt === null) writes.job = { ...job, startedAt: now, updatedAt: now };
    await this.storage.put(writes);
    const items = (await this.storage.get(`items:${index}`)) ?? [];
    return { state: 'go', startedAt, begunAt: next.startedAt, items };
  }

  /** Records chunk `index`'s results: `{ done: n, failed: [...], unknown: [...] }`. */
  async commit(index, { owner, now = Date.now(), done, failed, unknown }) {
    const job = await this.#record();
    const rec = (await this.storage.get(`chunk:${index}`)) ?? null;
    if (!job || !rec) throw new LedgerError('missing', `chunk ${index} was not begun`);
    if (rec.doneAt) return { committed: false, job };
    if (rec.owner !== owner) throw new LedgerError('lease', `chunk ${index} is held by another runner`);
    const counts = { ...job.counts };
    counts.done += done;
    counts.failed += failed.length;
    counts.unknown += unknown.length;
    counts.pending = counts.items - counts.done - counts.failed - counts.unknown;
    const chunksDone = job.chunksDone + 1;
    const finished = chunksDone === job.plan.chunks;
    const next = {
      ...job,
      counts,
      chunksDone,
      updatedAt: now,
      state: finished ? 'done' : job.state,
      finishedAt: finished ? now : job.finishedAt,
    };
    await this.storage.put({
      [`chunk:${index}`]: { ...rec, leaseUntil: 0, doneAt: now, done, failed, unknown },
      job: next,
    });
    return { committed: true, job: next };
  }

  /** Extends `owner`'s lease; false when the chunk is no longer theirs. */
  async renew(index, { owner, now = Date.now(), leaseMs = 60000 }) {
    const rec = (await this.storage.get(`chunk:${index}`)) ?? null;
    if (!rec || rec.doneAt || rec.owner !== owner) return false;
    await this.storage.put({ [`chunk:${index}`]: { ...rec, leaseUntil: now + leaseMs } });
    return true;
  }

  /** Gives a lease back without results (a runner stopping mid-chunk). */
  async release(index, { owner }) {
    const rec = (await this.storage.get(`chunk:${index}`)) ?? null;
    if (rec && !rec.doneAt && rec.owner === owner) await this.storage.put({ [`chunk:${index}`]: { ...rec, leaseUntil: 0 } });
  }

  async setState(state, now = Date.now()) {
    const job = await this.#record();
    if (!job) throw new LedgerError('missing', 'no such job');
    if (job.state === 'done' || job.state === state) return job;
    const next = { ...job, state, updatedAt: now };
    await this.storage.put({ job: next });
    return next;
  }

  cancel(now) {
    return this.setState('cancelled', now);
  }

  resume(now) {
    return this.setState('running', now);
  }

  /** Chunks not committed yet, in order. */
  async pending() {
    const job = await this.#record();
    if (!job) return [];
    const recs = await this.storage.list('chunk:');
    const out = [];
    for (let c = 0; c < job.plan.chunks; c++) if (!recs.get(`chunk:${c}`)?.doneAt) out.push(c);
    return out;
  }

  /** Counts, state and timing; `failures` (with Tencent's codes) up to `limit`. */
  async status({ limit = 100, offset = 0 } = {}) {
    const job = await this.#record();
    if (!job) return null;
    const failures = [];
    const unknown = [];
    let total = 0;
    const add = (list, x) => {
      if (total++ >= offset && list.length < limit) list.push(x);
    };
    for (const f of job.invalid) add(failures, f);
    const recs = await this.storage.list('chunk:');
    for (let c = 0; c < job.plan.chunks; c++) {
      const r = recs.get(`chunk:${c}`);
      if (!r?.doneAt) continue;
      for (const f of r.failed) add(failures, { ...f, chunk: c });
      for (const u of r.unknown) add(unknown, { ...u, chunk: c });
    }
    const invalid = job.invalid.length;
    const counts = { ...job.counts, items: job.counts.items + invalid, failed: job.counts.failed + invalid, invalid, duplicates: job.duplicates };
    const end = job.finishedAt ?? job.updatedAt;
    return {
      id: job.spec.id,
      endpoint: job.spec.endpoint,
      state: job.state,
      counts,
      chunks: { total: job.plan.chunks, done: job.chunksDone },
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      elapsedMs: job.startedAt === null ? 0 : end - job.startedAt,
      expectedMs: job.plan.expectedMs,
      failures,
      unknown,
      runner: job.runner,
    };
  }
}

/** Storage in memory (tests, or a caller that persists it some other way). */
export class MemoryStorage {
  constructor() {
    this.map = new Map();
  }
  async get(key) {
    const v = this.map.get(key);
    return v === undefined ? undefined : structuredClone(v);
  }
  async put(entries) {
    for (const [k, v] of Object.entries(entries)) this.map.set(k, structuredClone(v));
  }
  async list(prefix) {
    const out = new Map();
    for (const [k, v] of this.map) if (k.startsWith(prefix)) out.set(k, v);
    return out;
  }
}
