// The fault-run driver: many concurrent calls through the package against the fault server,
// then the server's report. Runtime-neutral (fetch only, no node:*), so the same file runs in
// Node, Deno, Bun and inside workerd.
//
// Mixed traffic, one logical id per call ("fault-id:<n>"): sendmsg and send_group_msg without
// MsgRandom/MsgSeq/Random (the SDK must fill them once and keep them across retries),
// account_import (naturally idempotent) and batchsendmsg (no dedup: never resent when the
// request may have been processed).

const KINDS = [
  ['openim', 'sendmsg', (i) => ({
    SyncOtherMachine: 2, From_Account: 'alice', To_Account: 'bob',
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `hello ${i}` } }], CloudCustomData: `fault-id:${i}`,
  })],
  ['group_open_http_svc', 'send_group_msg', (i) => ({
    GroupId: '@TGS#2FAULTS', From_Account: 'alice',
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `hello group ${i}` } }], CloudCustomData: `fault-id:${i}`,
  })],
  ['im_open_login_svc', 'account_import', (i) => ({ UserID: `user${i}`, Nick: `fault-id:${i}` })],
  ['openim', 'batchsendmsg', (i) => ({
    SyncOtherMachine: 2, From_Account: 'alice', To_Account: ['bob', 'carol'], MsgRandom: (i * 2654435761) >>> 0 || 1,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `hello all ${i}` } }], CloudCustomData: `fault-id:${i}`,
  })],
];

async function post(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`fault server ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// opts: { controlUrl, label, calls, concurrency, faultRate, seed, timeoutMs, deadlineMs,
//         toleranceMs, outage: [fromFraction, toFraction] of the calls with the primary down }
export async function runFaults(tim, opts) {
  return drive(opts, (run, o) => {
    const client = new tim.TimClient({
      sdkAppId: 1400000001, key: 'fault-run-signing-key', baseUrl: [run.primary, run.backup],
      timeoutMs: o.timeoutMs, deadlineMs: o.deadlineMs,
    });
    return async (service, command, body) => {
      try {
        await client.call(service, command, body);
        return { ok: true };
      } catch (e) {
        if (!(e instanceof tim.TimError)) throw e;
        return { ok: false, code: e.code, errorKind: e.kind, outcomeKnown: e.outcomeKnown, attempts: e.attempts };
      }
    };
  });
}

// The control group: signs with the package but sends with plain fetch and resends any failed
// POST up to twice, with a new MsgRandom each time (the caller "fills it" per attempt).
export async function runBlindRetrier(tim, opts) {
  return drive({ ...opts, baseline: true }, (run, o) => {
    const signer = new tim.TimClient({ sdkAppId: 1400000001, key: 'fault-run-signing-key', baseUrl: run.backup });
    return async (service, command, body) => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const b = { ...body, MsgRandom: (Math.random() * 4294967295) >>> 0 };
        const req = signer.buildRequest(service, command, b);
        try {
          const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(o.timeoutMs) });
          const answer = await res.json();
          if (answer.ActionStatus === 'OK') return { ok: true };
        } catch { /* resend */ }
      }
      return { ok: false, outcomeKnown: true, attempts: 3 };
    };
  });
}

async function drive(opts, makeSend) {
  const o = { calls: 300, concurrency: 32, faultRate: 0.4, seed: 1, timeoutMs: 400, deadlineMs: 3000, toleranceMs: 100, outage: [0.2, 0.45], ...opts };
  const run = await post(`${o.controlUrl}/runs`, { seed: o.seed, faultRate: o.faultRate });
  const send = makeSend(run, o);
  const calls = new Array(o.calls);
  const outageFrom = Math.floor(o.calls * o.outage[0]);
  const outageTo = Math.floor(o.calls * o.outage[1]);
  let next = 0;

  async function one(i) {
    const [service, command, body] = KINDS[i % KINDS.length];
    const started = Date.now();
    const c = await send(service, command, body(i));
    return { id: i, command, deadlineMs: o.deadlineMs, toleranceMs: o.toleranceMs, ...c, ms: Date.now() - started };
  }

  async function worker() {
    while (next < o.calls) {
      const i = next++;
      if (i === outageFrom) await post(`${o.controlUrl}/runs/${run.id}/primary`, { down: true });
      if (i === outageTo) await post(`${o.controlUrl}/runs/${run.id}/primary`, { down: false });
      calls[i] = await one(i);
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const report = await post(`${o.controlUrl}/runs/${run.id}/finish`, { label: o.label, calls, baseline: Boolean(o.baseline) });
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
