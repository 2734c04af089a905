// The planner: the pure core's JobPlanner (src/jobs) with JSON in and out. Every decision a
// runner makes (chunks, keys, costs, what an answer means, what a check says) comes from here.
import { wasm } from '../glue.js';
import { toTimError, badInput } from '../error.js';

const call = (f) => {
  try {
    return f();
  } catch (e) {
    throw toTimError(e);
  }
};

function jsonText(value, what) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    throw badInput(`${what} cannot be serialised as JSON (${e && e.name})`);
  }
}

export class Planner {
  #inner;

  /** @param {object} spec `{ id, endpoint, body, chunkSize?, quotas?, guardMs?, maxAttempts?, settleMs? }` */
  constructor(spec) {
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw badInput('a job spec must be an object');
    this.#inner = call(() => new wasm.JobPlanner(jsonText(spec, 'the job spec')));
    /** The spec with every default filled in. */
    this.spec = JSON.parse(this.#inner.spec());
  }

  /** Items checked and de-duplicated, the plan and the fingerprint. */
  prepare(items) {
    if (!Array.isArray(items)) throw badInput('items must be an array');
    return JSON.parse(call(() => this.#inner.prepare(jsonText(items, 'items'))));
  }

  chunk(index, items) {
    return JSON.parse(call(() => this.#inner.chunk(index, JSON.stringify(items))));
  }

  request(chunk, index, items) {
    return JSON.parse(call(() => this.#inner.request(chunk, index, JSON.stringify(items))));
  }

  /**
   * `result`: `{ answer }` or `{ error }` (a TimError's fields). `maybeBefore`: an earlier attempt
   * at these items may have been processed (then no later answer proves they were not).
   */
  judge(ids, result, attempt, firstMs, nowMs, maybeBefore = false) {
    return JSON.parse(this.#inner.judge(JSON.stringify(ids), JSON.stringify(result), attempt, firstMs, nowMs, Boolean(maybeBefore)));
  }

  /** 'resend' | 'verify' | 'unknown' for a chunk begun at `startedMs` and never finished. */
  rerun(startedMs, nowMs) {
    return this.#inner.rerun(startedMs, nowMs);
  }

  checks(chunk, index, ids, firstMs, nowMs) {
    return JSON.parse(this.#inner.checks(chunk, index, JSON.stringify(ids), firstMs, nowMs));
  }

  readCheck(check, answer) {
    return JSON.parse(this.#inner.readCheck(JSON.stringify(check), JSON.stringify(answer)));
  }

  readCheckError(check, code) {
    return JSON.parse(this.#inner.readCheckError(JSON.stringify(check), Number(code) || 0));
  }
}

/**
 * A quota limiter in this process (one per app; every job sending through it shares it). Its
 * `admit` checks each request against the sends that really happened, so a stalled host never
 * crowds a window and wastes no grant.
 */
export class MemoryLimiter {
  #inner;

  constructor({ guardMs = 25, state } = {}) {
    this.#inner = state ? call(() => wasm.JobLimiter.restore(state)) : new wasm.JobLimiter(guardMs);
  }

  /** Start times (ms since the epoch) for requests with these costs, in order. */
  async reserve(costs) {
    return Array.from(call(() => this.#inner.reserve(Date.now(), JSON.stringify(costs))));
  }

  /**
   * 0 when a request with these costs may leave now (recorded as sent), else ms to wait.
   * Synchronous on purpose: the runner calls it immediately before the request leaves.
   */
  admit(costs, now = Date.now()) {
    return call(() => this.#inner.admit(now, JSON.stringify(costs)));
  }

  /**
   * The request admitted at `admittedAt` leaves now (the client's onRequest hook, in the same
   * tick as its fetch): its record moves here, so work the host ran in between cannot let a
   * later admission crowd the window the request really falls in.
   */
  restamp(admittedAt, costs) {
    call(() => this.#inner.restamp(admittedAt, Date.now(), JSON.stringify(costs)));
  }

  async penalize(bucket, quota) {
    call(() => this.#inner.penalize(Date.now(), bucket, JSON.stringify(quota)));
  }

  /** The state as text (a Durable Object stores it). */
  state() {
    this.#inner.forgetIdle(Date.now());
    return this.#inner.state();
  }
}
