// The call-overhead case (issue 19), shared by every runtime (no node:* imports): a whole
// `client.call` against a plain `fetch` of the same request followed by `response.json()`, both
// against the local origin (origin.mjs), with a fixed number of calls in flight.
import { APP } from './app.mjs';
import { summarize } from './stats.mjs';

export const IN_FLIGHT = 64;
// Two kinds: a write (sendmsg, a DedupKey endpoint) and a read. They differ only in Deno, where
// the package sends writes on unpooled connections and reads on the pooled default.
export const KINDS = {
  write: { label: "call('openim', 'sendmsg')", service: 'openim', command: 'sendmsg', body: { From_Account: 'alice', To_Account: 'bob', MsgRandom: 12345, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] } },
  read: { label: "call('group_open_http_svc', 'get_appid_group_list')", service: 'group_open_http_svc', command: 'get_appid_group_list', body: { Limit: 100 } },
};

// `builds` is [{ id, tim }]; `floor` is the design-floor module's `call` (floor/src/lib.rs).
// Answers { sideName: op } with 'bare' first, then the two reference sides, then the builds;
// each op resolves with the parsed answer.
//   bare      fetch + response.json(): what a user's own code would do;
//   deadline  the same with what the SDK's guarantees add in JS (issue 12): an AbortController
//             whose signal goes to fetch, a deadline timer cleared at the end, no redirects;
//   floor     the least a call on the design card's async loop can do while keeping the
//             deadline (floor/src/lib.rs: fetch with a controller's signal and text() chained,
//             one await in Rust through wasm-bindgen-futures, JSON.parse), none of tim-edge's work.
export function makeSides({ builds, origin, kind, floor }) {
  const { service, command, body } = KINDS[kind];
  const baseUrl = `http://127.0.0.1:${origin}`;
  const sides = {};
  // The bare side sends what the package sends (the same signed URL, from buildRequest once)
  // and, like the package, stringifies the body on every call.
  const { url } = new builds[0].tim.TimClient({ ...APP, baseUrl }).buildRequest(service, command, body);
  const headers = { 'content-type': 'application/json' };
  const init = () => ({ method: 'POST', headers, body: JSON.stringify(body) });
  sides.bare = () => fetch(url, init()).then((r) => r.json());
  sides.deadline = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 3000);
    try {
      const r = await fetch(url, { ...init(), redirect: 'manual', signal: controller.signal });
      return await r.json();
    } finally {
      clearTimeout(timer);
    }
  };
  if (floor) sides.floor = () => floor(url, JSON.stringify(body), headers);
  for (const { id, tim } of builds) {
    const client = new tim.TimClient({ ...APP, baseUrl });
    sides[id] = () => client.call(service, command, body);
  }
  return sides;
}

/** Runs `op` n times with `width` calls in flight; answers { failed, firstError }. */
export async function inFlight(n, width, op) {
  let next = 0;
  let failed = 0;
  let firstError;
  const lane = async () => {
    while (next < n) {
      next++;
      try {
        const answer = await op();
        if (answer?.ActionStatus !== 'OK') {
          failed++;
          firstError ??= `answer without ActionStatus OK: ${JSON.stringify(answer).slice(0, 120)}`;
        }
      } catch (e) {
        failed++;
        firstError ??= String(e?.message ?? e).slice(0, 200);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, lane));
  return { failed, firstError };
}

/** The origin's counters (origin.mjs GET /stats). */
async function originStats(origin) {
  const r = await fetch(`http://127.0.0.1:${origin}/stats`);
  return r.json();
}

/**
 * The rounds of one kind: a warm-up of `warmup` calls per side, then `rounds` rounds of
 * `perRound` calls per side, the order alternating (A B C, then C B A, ...) so drift hits every
 * side alike. `runSide(name, n)` makes the calls and answers { ms, cpuUs (total, or undefined),
 * failed, firstError }. The origin's CPU is read around each run (outside the timing) to show
 * how busy it was. Answers per side: throughput, CPU per call and origin load, and per build
 * the round-by-round ratio to the bare side's throughput and difference from its CPU per call.
 */
export async function callRounds({ kind, names, perRound, rounds, warmup, origin, runSide, problems }) {
  const samples = Object.fromEntries(names.map((n) => [n, { rate: [], cpuUs: [], originBusy: [] }]));
  const once = async (name, n) => {
    const o0 = await originStats(origin);
    const r = await runSide(name, n);
    const o1 = await originStats(origin);
    if (r.failed) problems.push(`${kind} ${name}: ${r.failed} of ${n} calls failed (${r.firstError})`);
    return { rate: (n * 1000) / r.ms, cpuUs: r.cpuUs === undefined ? undefined : r.cpuUs / n, originBusy: (o1.cpuUs - o0.cpuUs) / (r.ms * 1000) };
  };
  for (const name of names) await once(name, warmup);
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const r = await once(name, perRound);
      for (const k of Object.keys(r)) if (r[k] !== undefined) samples[name][k].push(r[k]);
    }
  }
  const bare = samples.bare;
  const result = {};
  for (const name of names) {
    const s = samples[name];
    const entry = { rate: summarize(s.rate), cpuUs: s.cpuUs.length ? summarize(s.cpuUs) : undefined, originBusy: summarize(s.originBusy) };
    if (name !== 'bare') {
      entry.ratio = summarize(s.rate.map((v, i) => v / bare.rate[i]));
      if (s.cpuUs.length) entry.overheadUs = summarize(s.cpuUs.map((v, i) => v - bare.cpuUs[i]));
    }
    result[name] = entry;
  }
  return result;
}
