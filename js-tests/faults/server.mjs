// The fault-injection server (node:http only, 127.0.0.1): a stand-in for Tencent's REST front
// door that misbehaves on purpose and keeps an independent ledger of what it processed.
//
// Control (one listener):
//   POST /runs {seed, faultRate}         -> {id, primary, backup}: a run gets its own two ports
//   POST /runs/<id>/primary {down}       takes the run's primary down (connections refused) or up
//   POST /runs/<id>/finish {calls}       -> the report (figures below); the run's ports close
// `calls` is what the driver saw: [{id, kind, ok, code, kind, outcomeKnown, attempts, ms, deadlineMs}].
//
// Every request carries a logical id ("fault-id:<n>" in CloudCustomData or Nick). The server
// emulates Tencent's documented deduplication (rest-reliability-facts.md B2):
//   sendmsg         From_Account + MsgSeq + MsgRandom + MsgBody within 120 s; a missing MsgSeq
//                   is filled with a fresh random number per request, as Tencent does
//   send_group_msg  GroupId + Random within 300 s
//   batchsendmsg    none;  account_import: idempotent (a repeat is harmless)
// A "delivery" is a processing that was not deduplicated. Faults are drawn per request from a
// seeded generator, so a run can be repeated exactly.
import { listener as listen } from '../server/listener.mjs';
import { pick, prng } from './draw.mjs';

// Faults and their weights. "before": nothing is processed; "after": processed, then the fault.
const FAULTS = [
  ['drop-before', 3], ['drop-after', 3],
  ['hang-before', 2], ['hang-after', 2],
  ['502-before', 2], ['502-after', 2], ['503-before', 1], ['503-after', 1], ['408-after', 1], ['429', 1],
  ['rate-limit', 4], ['internal-after', 1], ['internal-before', 1],
  ['garbage', 1], ['permanent', 1], ['usersig-expired', 1],
];
const RATE_LIMIT_CODES = [60007, 60011, 60018, 60019];
const MESSAGE_KINDS = new Set(['sendmsg', 'send_group_msg', 'batchsendmsg']);
const HANG_MAX_MS = 30000;

function json(res, status, value, headers = {}) {
  const text = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// A listener that can be closed (refusing connections) and reopened on the same port.
const listener = (handler, port = 0) => listen(handler, { port, keepAliveMs: 2000 });

class Run {
  constructor(id, { seed, faultRate }) {
    this.id = id;
    this.seed = seed >>> 0;
    this.faultRate = faultRate;
    this.rand = prng(this.seed);
    this.ledger = new Map(); // logical id -> entry
    this.dedup = new Map(); // dedup key -> first processing time
    this.faults = {};
    this.requests = 0;
    this.hangs = new Set();
      }

  entry(id, kind) {
    let e = this.ledger.get(id);
    if (!e) {
      e = { kind, trace: [], requests: 0, deliveries: 0, processings: 0, permanentCode: 0, refreshUsed: false, afterPermanent: 0 };
      this.ledger.set(id, e);
    }
    return e;
  }

  // Tencent's processing, deduplication included. Updates the ledger.
  process(command, body, e) {
    e.processings++;
    let key = null;
    let window = 0;
    if (command === 'sendmsg' && body.MsgRandom !== undefined) {
      // Tencent fills a missing MsgSeq with a new random number, so such resends never match.
      const seq = body.MsgSeq ?? Math.floor(this.rand() * 4294967296);
      key = `c2c|${body.From_Account}|${seq}|${body.MsgRandom}|${JSON.stringify(body.MsgBody)}`;
      window = 120000;
    } else if (command === 'send_group_msg' && body.Random !== undefined) {
      key = `group|${body.GroupId}|${body.Random}`;
      window = 300000;
    }
    if (key !== null) {
      const now = Date.now();
      const first = this.dedup.get(key);
      if (first !== undefined && now - first < window) return;
      this.dedup.set(key, now);
    }
    e.deliveries++;
  }

  async handle(req, res, which) {
    const text = await readBody(req);
    this.requests++;
    const url = new URL(req.url, 'http://x');
    const command = url.pathname.split('/').pop();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return json(res, 200, { ActionStatus: 'FAIL', ErrorCode: 90001, ErrorInfo: 'JSON format error' });
    }
    const m = /fault-id:(\d+)/.exec(text);
    if (!m) return json(res, 200, { ActionStatus: 'FAIL', ErrorCode: 90001, ErrorInfo: 'no fault-id in the body' });
    const e = this.entry(Number(m[1]), command);
    e.requests++;
    // A request after a permanent answer is a retry of a permanent error, except the one
    // resend after the first 70001 (the SDK signs a new admin UserSig and tries once more; a
    // UserSig signed in the same second is byte-identical, so the signature cannot tell).
    if (e.permanentCode) {
      if (e.permanentCode === 70001 && !e.refreshUsed) e.refreshUsed = true;
      else e.afterPermanent++;
      e.permanentCode = 0;
    }

    let fault = this.rand() < this.faultRate ? pick(this.rand, FAULTS) : null;
    // Tencent's validation and UserSig answers depend on the request's bytes, the same in every
    // copy of a call (a runtime's own resend included): a call it already processed cannot get
    // a permanent error on a later copy. Other faults (drops, 5xx, rate limits) can hit any copy.
    if ((fault === 'permanent' || fault === 'usersig-expired') && e.processings > 0) fault = null;
    if (fault) this.faults[fault] = (this.faults[fault] ?? 0) + 1;
    e.trace.push(`${which}:${fault ?? 'ok'}`);
    const ok = () => json(res, 200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgTime: Math.floor(Date.now() / 1000) });
    const fail = (code, info) => json(res, 200, { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info });
    const permanent = (code, info) => {
      e.permanentCode = code;
      return fail(code, info);
    };
    const hang = () => {
      const t = setTimeout(() => req.socket.destroy(), HANG_MAX_MS);
      this.hangs.add(t);
      req.socket.on('close', () => {
        clearTimeout(t);
        this.hangs.delete(t);
      });
    };
    switch (fault) {
      case null: this.process(command, body, e); return ok();
      case 'drop-before': return req.socket.destroy();
      case 'drop-after': this.process(command, body, e); return req.socket.destroy();
      case 'hang-before': return hang();
      case 'hang-after': this.process(command, body, e); return hang();
      case '502-before': return json(res, 502, { error: 'bad gateway' });
      case '502-after': this.process(command, body, e); return json(res, 502, { error: 'bad gateway' });
      // An overloaded server that refused says so (Retry-After); a proxy in front of the
      // service may answer 503 or 408 after it forwarded the request (issue 12): no header.
      case '503-before': return json(res, 503, { error: 'unavailable' }, { 'retry-after': '1' });
      case '503-after': this.process(command, body, e); return json(res, 503, { error: 'upstream unavailable' });
      case '408-after': this.process(command, body, e); return json(res, 408, { error: 'request timeout' });
      case '429': return json(res, 429, { error: 'too many requests' });
      case 'rate-limit': return fail(RATE_LIMIT_CODES[Math.floor(this.rand() * RATE_LIMIT_CODES.length)], 'request too frequent');
      case 'internal-after': this.process(command, body, e); return fail(20004, 'internal network error, retry');
      case 'internal-before': return fail(90994, 'internal service error, retry');
      case 'garbage': res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<html>hijacked</html>');
      case 'permanent': return permanent(20003, 'invalid UserID');
      case 'usersig-expired': return permanent(70001, 'UserSig expired');
      default: return json(res, 500, { error: `unknown fault ${fault} (${which})` });
    }
  }

  async open() {
    const h = (which) => (req, res) => this.handle(req, res, which).catch(() => req.socket.destroy());
    this.primary = await listener(h('primary'));
    this.backup = await listener(h('backup'));
    this.primaryPort = this.primary.port;
    this.h = h;
  }

  async setPrimary(down) {
    if (down && this.primary) {
      await this.primary.close();
      this.primary = null;
    } else if (!down && !this.primary) {
      this.primary = await listener(this.h('primary'), this.primaryPort);
    }
  }

  async close() {
    for (const t of this.hangs) clearTimeout(t);
    if (this.primary) await this.primary.close();
    await this.backup.close();
  }

  // The figures, from the ledger (what was processed) and the driver's view (what it was told).
  report(calls) {
    const f = {
      calls: calls.length, requests: this.requests, faultsInjected: 0, faultRate: 0,
      ok: 0, failedKnown: 0, failedUnknown: 0,
      duplicatedMessages: 0, okNotProcessed: 0, knownFailedButProcessed: 0,
      permanentRetries: 0, overDeadline: 0, maxOverrunMs: 0, slowestMs: 0, accountReimports: 0,
    };
    const examples = [];
    f.faultsInjected = Object.values(this.faults).reduce((a, b) => a + b, 0);
    f.faultRate = Number((f.faultsInjected / Math.max(1, this.requests)).toFixed(3));
    for (const c of calls) {
      const e = this.ledger.get(c.id) ?? { deliveries: 0, processings: 0, afterPermanent: 0, kind: c.command };
      if (c.ok) f.ok++;
      else if (c.outcomeKnown) f.failedKnown++;
      else f.failedUnknown++;
      if (MESSAGE_KINDS.has(e.kind) && e.deliveries > 1) {
        f.duplicatedMessages++;
        if (examples.length < 5) examples.push({ why: 'duplicate', id: c.id, kind: e.kind, trace: e.trace, client: c });
      }
      if (c.ok && e.processings === 0) f.okNotProcessed++;
      if (!c.ok && c.outcomeKnown && e.processings > 0) {
        f.knownFailedButProcessed++;
        if (examples.length < 5) examples.push({ why: 'known failure, processed', id: c.id, kind: e.kind, trace: e.trace, client: c });
      }
      if (e.kind === 'account_import' && e.processings > 1) f.accountReimports++;
      f.permanentRetries += e.afterPermanent;
      if (c.ms > f.slowestMs) f.slowestMs = c.ms;
      const over = c.ms - c.deadlineMs;
      if (over > f.maxOverrunMs) f.maxOverrunMs = over;
      if (over > c.toleranceMs) f.overDeadline++;
    }
    return { run: this.id, seed: this.seed, figures: f, faults: this.faults, examples };
  }
}

export async function startFaultServer() {
  const runs = new Map();
  let next = 1;
  const control = await listener(async (req, res) => {
    try {
      const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
      const p = new URL(req.url, 'http://x').pathname;
      if (p === '/runs' && req.method === 'POST') {
        const run = new Run(next++, { seed: body.seed ?? 1, faultRate: body.faultRate ?? 0.4 });
        await run.open();
        runs.set(String(run.id), run);
        return json(res, 200, { id: run.id, primary: `http://127.0.0.1:${run.primaryPort}`, backup: `http://127.0.0.1:${run.backup.port}` });
      }
      const m = /^\/runs\/(\d+)\/(primary|finish)$/.exec(p);
      const run = m && runs.get(m[1]);
      if (!run) return json(res, 404, { error: 'no such run' });
      if (m[2] === 'primary') {
        await run.setPrimary(Boolean(body.down));
        return json(res, 200, { down: !run.primary });
      }
      const report = run.report(Array.isArray(body.calls) ? body.calls : []);
      report.label = String(body.label ?? '');
      report.baseline = Boolean(body.baseline);
      runs.delete(m[1]);
      await run.close();
      printReport(report);
      return json(res, 200, report);
    } catch (e) {
      return json(res, 500, { error: String(e && e.stack ? e.stack : e) });
    }
  });
  return {
    url: `http://127.0.0.1:${control.port}`,
    async close() {
      for (const r of runs.values()) await r.close();
      await control.close();
    },
  };
}

export function printReport({ label, seed, figures: f, faults, examples, baseline }) {
  const line = (k, v) => console.log(`  ${k.padEnd(44)} ${v}`);
  console.log(`fault run ${label} (seed ${seed}): ${f.calls} calls, ${f.requests} requests, ${f.faultsInjected} faults injected (${(f.faultRate * 100).toFixed(1)}% of requests)`);
  // The control group: a client that resends every failed POST. Its duplicates and misreports are
  // the expected baseline (they show the ledger can find them), not a failure of the SDK.
  if (baseline) console.log('  expected baseline (control group, not the SDK): a blind retrier duplicates and misreports under these faults');
  line('succeeded / failed (known) / failed (unknown)', `${f.ok} / ${f.failedKnown} / ${f.failedUnknown}`);
  line('duplicated messages', f.duplicatedMessages);
  line('reported OK but not processed', f.okNotProcessed);
  line('reported failed (outcome known) but processed', f.knownFailedButProcessed);
  line('retries of permanent errors', f.permanentRetries);
  line('calls over their deadline', `${f.overDeadline} (slowest call ${f.slowestMs} ms, largest overrun ${f.maxOverrunMs} ms)`);
  for (const { why, ...x } of examples) line(why, JSON.stringify(x));
  line('faults', Object.entries(faults).map(([k, v]) => `${k} ${v}`).join(', '));
}
