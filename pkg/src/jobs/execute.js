// One chunk, executed: take the chunk's lease from the ledger, resolve what an earlier runner
// left unfinished, send every request at the time the limiter grants, judge every answer with
// the planner, check Tencent's state for anything that may have been processed, and commit the
// results. Every runner (Workflows, Queues, the Node/Deno loop) calls this and nothing else.
//
// Requests go out with maxRetries: 0: every attempt, first or repeated, is granted by the limiter,
// so the quota holds for retries too. The planner decides what an attempt's result means.

/** The chunk is held by another runner until `until` (ms); try again later. */
export class ChunkBusy extends Error {
  constructor(chunk, until) {
    super(`chunk ${chunk} is being executed by another runner`);
    this.name = 'ChunkBusy';
    this.chunk = chunk;
    this.until = until;
  }
}

/** Verification rounds per request before its items are reported unknown. */
const MAX_ROUNDS = 6;
/** Attempts at one check call before its items are reported unknown. */
const CHECK_ATTEMPTS = 8;
const CHECK_CONCURRENCY = 8;
/** New grants for one attempt whose runner woke too late; then it is sent anyway. */
const MAX_REGRANTS = 20;

// One promise per signal that rejects when it aborts, shared by every sleep on it (a listener
// per sleep would pile up on a signal shared by many requests).
const aborted = new WeakMap();
function whenAborted(signal) {
  let p = aborted.get(signal);
  if (!p) {
    p = new Promise((_, reject) => {
      if (signal.aborted) reject(abortError(signal));
      else signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
    });
    p.catch(() => {});
    aborted.set(signal, p);
  }
  return p;
}

export function sleep(ms, signal) {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (!(ms > 0)) return Promise.resolve();
  let t;
  const timer = new Promise((resolve) => (t = setTimeout(resolve, ms)));
  if (!signal) return timer;
  return Promise.race([timer, whenAborted(signal)]).finally(() => clearTimeout(t));
}

function abortError(signal) {
  const r = signal?.reason;
  return r instanceof Error ? r : new DOMException('The runner was stopped', 'AbortError');
}

/** The fields of a thrown TimError the planner reads; anything else counts as maybe processed. */
function errorFields(e) {
  if (e !== null && typeof e === 'object' && e.name === 'TimError') {
    const { kind, code, info, retryable, outcomeKnown, httpStatus } = e;
    return { kind, code, info, retryable, outcomeKnown, httpStatus };
  }
  return { kind: 'unexpected', code: 0, info: String(e && e.message ? e.message : e), retryable: false, outcomeKnown: false };
}

/**
 * Runs `tasks` (functions) with at most `limit` at a time, in order; rejects with the first
 * error, after aborting `stop` so the others end their waits and send nothing more.
 */
async function pool(tasks, limit, stop) {
  let next = 0;
  let failed = null;
  const worker = async () => {
    while (next < tasks.length && !failed) {
      const t = tasks[next++];
      try {
        await t();
      } catch (e) {
        failed ??= { e };
        stop?.abort(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failed) throw failed.e;
}

export function newOwner() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

/**
 * Executes chunk `index` of the job in `ledger`. Answers `{ chunk, state, done, failed, unknown,
 * requests, checks, lateGrants, heldBack }` with state 'committed', 'done' (already), or 'stopped'
 * (the job is cancelled); `lateGrants` counts grants given up because the host woke too late
 * (shared limiters), `heldBack` sends held for room in a window (local limiters). Throws
 * ChunkBusy when another runner holds it, and rethrows an abort (nothing is committed then: the
 * next runner resolves the chunk).
 */
export async function executeChunk({
  planner, ledger, limiter, client, index, signal: outer,
  owner = newOwner(), leaseMs = 60000, takeOver = false, maxInFlight = 16, callOptions = {}, hooks = {},
}) {
  const taken = await ledger.begin(index, { owner, leaseMs, takeOver });
  if (taken.state === 'done') return { chunk: index, state: 'done' };
  if (taken.state === 'stopped') return { chunk: index, state: 'stopped' };
  if (taken.state === 'busy') throw new ChunkBusy(index, taken.until);

  // Stops every request of this chunk: the caller's signal, a lost lease, or a failed task.
  const stop = new AbortController();
  const onOuter = () => stop.abort(outer.reason);
  if (outer?.aborted) stop.abort(outer.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  // The lease is renewed while this runner works, so it only lapses when the runner is gone.
  const heartbeat = setInterval(async () => {
    try {
      if (!(await ledger.renew(index, { owner, leaseMs }))) stop.abort(new Error(`lost the lease on chunk ${index}`));
    } catch { /* the next beat tries again; the lease outlives two missed beats */ }
  }, Math.max(1000, leaseMs / 3));
  try {
    return await executeTaken({ planner, ledger, limiter, client, index, owner, taken, signal: stop.signal, stop, maxInFlight, callOptions, hooks });
  } catch (e) {
    // This runner is alive and knows it stopped: give the chunk back at once.
    await ledger.release(index, { owner }).catch(() => {});
    throw e;
  } finally {
    clearInterval(heartbeat);
    outer?.removeEventListener('abort', onOuter);
  }
}

async function executeTaken({ planner, ledger, limiter, client, index, owner, taken, signal, stop, maxInFlight, callOptions, hooks }) {
  const { items } = taken;
  const requests = planner.chunk(index, items);
  const byId = new Map();
  let k = 0;
  for (const r of requests) for (const id of r.ids) byId.set(id, items[k++]);
  const results = new Map();
  const { settleMs, guardMs } = planner.spec;
  const stats = { requests: 0, checks: 0, lateGrants: 0, heldBack: 0 };
  // No signal on the calls: a stop lets requests in flight finish (within timeoutMs) rather than
  // cut them off mid-way, which would only make more outcomes unknown.
  const opts = { ...callOptions, maxRetries: 0 };
  // A request admitted by the limiter (`admit`) is restamped when it really leaves: the client's
  // onRequest hook fires in the same tick as its fetch, and the host may have run other work
  // since the admission (a stall longer than the limiter's guard).
  const sendOptions = (admittedAt, costs) => (admittedAt === null || typeof limiter.restamp !== 'function' ? opts : {
    ...opts,
    hooks: {
      ...opts.hooks,
      onRequest(event) {
        limiter.restamp(admittedAt, costs);
        opts.hooks?.onRequest?.(event);
      },
    },
  });
  const unknown = (id, info, kind = 'unknown') => ({ id, code: 0, info, kind, retryable: false });
  const record = (v) => {
    for (const id of v.done) results.set(id, 'done');
    for (const f of v.failed) results.set(f.id, { failed: f });
    for (const u of v.unknown) results.set(u.id, { unknown: u });
  };
  const itemsOf = (ids) => ids.map((id) => byId.get(id));

  // Reads Tencent's state for `ids` of request `reqIndex`; answers the absent ones.
  async function verify(reqIndex, ids, firstMs) {
    const checks = planner.checks(index, reqIndex, ids, firstMs, Date.now());
    if (checks.length === 0) {
      for (const id of ids) results.set(id, { unknown: unknown(id, 'maybe processed, and no check can tell') });
      return [];
    }
    const absent = [];
    await pool(checks.map((first) => async () => {
      let c = first;
      let tries = 0;
      let late = 0;
      for (;;) {
        const [at] = await limiter.reserve([c.costs]);
        await sleep(at - Date.now(), signal);
        let admittedAt = null;
        if (typeof limiter.admit === 'function') {
          // Checked against the real sends (see settle below).
          for (let hold; (hold = limiter.admit(c.costs, (admittedAt = Date.now()))) > 0; ) {
            stats.heldBack++;
            await sleep(hold, signal);
          }
        } else if (guardMs > 0 && Date.now() - at > guardMs && late++ < MAX_REGRANTS) {
          stats.lateGrants++;
          continue; // woke too late: a new grant
        }
        stats.checks++;
        let read;
        try {
          read = planner.readCheck(c, await client.call(c.service, c.command, JSON.parse(c.body), sendOptions(admittedAt, c.costs)));
        } catch (e) {
          if (signal?.aborted) throw abortError(signal);
          const f = errorFields(e);
          if (f.kind === 'api' && !f.retryable) read = planner.readCheckError(c, f.code);
          else if (++tries < CHECK_ATTEMPTS) {
            await sleep(Math.min(5000, 200 * 2 ** tries), signal);
            continue;
          } else read = { found: [], absent: [], unresolved: c.ids, next: null };
        }
        for (const id of read.found) results.set(id, 'done');
        for (const id of read.unresolved) results.set(id, { unknown: unknown(id, 'maybe processed; the check could not tell') });
        absent.push(...read.absent);
        if (!read.next) return;
        c = read.next;
        tries = 0;
      }
    }), CHECK_CONCURRENCY, stop);
    return absent;
  }

  // One request until every item in it is settled (done, failed, unknown).
  async function settle(r, firstMs, grantAt, begunBefore) {
    let attempt = 1;
    let rounds = 0;
    let at = grantAt;
    let regrants = 0;
    // An earlier attempt (or a runner before this one) may have delivered these items.
    let maybeBefore = begunBefore;
    for (;;) {
      await sleep(at - Date.now(), signal);
      if (signal.aborted) throw abortError(signal);
      let admittedAt = null;
      if (typeof limiter.admit === 'function') {
        // This process sends everything through the limiter: check against the real sends,
        // synchronously, right before the call that sends (which starts in a microtask, so the
        // record is restamped when the request really leaves: sendOptions).
        admittedAt = Date.now();
        const wait = limiter.admit(r.costs, admittedAt);
        if (wait > 0) {
          stats.heldBack++;
          at = Date.now() + wait;
          continue;
        }
      } else if (guardMs > 0 && Date.now() - at > guardMs && regrants < MAX_REGRANTS) {
        // Woken later than the guard allows (a stalled host, a busy event loop) with a limiter
        // shared across isolates: sending now could crowd a window with requests granted after
        // this one, so take a new grant.
        regrants++;
        stats.lateGrants++;
        [at] = await limiter.reserve([r.costs]);
        continue;
      }
      stats.requests++;
      let result;
      try {
        result = { answer: await client.call(r.service, r.command, JSON.parse(r.body), sendOptions(admittedAt, r.costs)) };
      } catch (e) {
        if (signal?.aborted) throw abortError(signal);
        result = { error: errorFields(e) };
      }
      // Test hook (fault injection): may throw to stop the runner right after a request.
      await hooks.afterRequest?.(r, result);
      const v = planner.judge(r.ids, result, attempt, firstMs, Date.now(), maybeBefore);
      if (result.error && !result.error.outcomeKnown) maybeBefore = true;
      record(v);
      let next = [];
      if (v.retry.length) {
        if (v.rateLimited) for (const c of r.costs) await limiter.penalize(c.bucket, c.quota);
        await sleep(v.retryInMs, signal);
        attempt++;
        next = v.retry;
      } else if (v.verify.length) {
        if (++rounds > MAX_ROUNDS) {
          for (const id of v.verify) results.set(id, { unknown: unknown(id, 'still unclear after repeated checks and resends') });
          return;
        }
        await sleep(settleMs, signal);
        next = await verify(r.index, v.verify, firstMs);
        attempt = 1;
        firstMs = Date.now();
        maybeBefore = false; // checked: the absent ones were not processed
      }
      if (next.length === 0) return;
      r = planner.request(index, r.index, itemsOf(next));
      [at] = await limiter.reserve([r.costs]);
    }
  }

  let work = [];
  if (taken.startedAt === null) {
    work = requests.map((r) => ({ r, firstMs: taken.begunAt, maybe: false }));
  } else {
    // Begun by a runner that stopped before committing: some requests may have been processed.
    const how = planner.rerun(taken.startedAt, Date.now());
    if (how === 'resend') work = requests.map((r) => ({ r, firstMs: taken.startedAt, maybe: true }));
    else if (how === 'unknown') {
      for (const id of byId.keys()) results.set(id, { unknown: unknown(id, 'begun by a runner that stopped; no check can tell whether it was sent') });
    } else {
      await sleep(settleMs, signal);
      for (const r of requests) {
        const absent = await verify(r.index, r.ids, taken.startedAt);
        if (absent.length) work.push({ r: planner.request(index, r.index, itemsOf(absent)), firstMs: Date.now(), maybe: false });
      }
    }
  }
  // One round trip to the limiter for the whole chunk: a start time (ms since the epoch) each.
  const grants = work.length ? await limiter.reserve(work.map((w) => w.r.costs)) : [];
  await pool(work.map((w, i) => () => settle(w.r, w.firstMs, grants[i], w.maybe)), maxInFlight, stop);

  let done = 0;
  const failed = [];
  const unknownList = [];
  for (const id of byId.keys()) {
    const r = results.get(id);
    if (r === 'done') done++;
    else if (r?.failed) failed.push(r.failed);
    else unknownList.push(r?.unknown ?? unknown(id, 'not settled'));
  }
  await ledger.commit(index, { owner, done, failed, unknown: unknownList });
  return { chunk: index, state: 'committed', done, failed: failed.length, unknown: unknownList.length, ...stats };
}
