// The fault run as a suite: the same driver in every runtime. The normal test run makes a few
// hundred calls; `npm --prefix js-tests run faults` (run.mjs --faults-full) makes 10,000 in
// Node, Deno and workerd. The fault server (started by run.mjs) prints the figures; this suite
// fails when any of them is not zero.
import { runFaults, runBlindRetrier } from './driver.mjs';

const FULL_RUNTIMES = new Set(['node-esm', 'deno', 'workerd']);

export default function register(test, tim, env) {
  const { assert } = env;
  const full = env.args.includes('--faults-full') && FULL_RUNTIMES.has(env.runtime);
  const calls = full ? 10000 : 400;
  const controlUrl = () => {
    assert.ok(env.faults, 'env.faults (the fault server URL) is missing: run through js-tests/run.mjs');
    return env.faults;
  };

  test(`${calls} mixed calls at a 40% fault rate: no duplicate, no false OK, no permanent retry, every deadline kept`, async () => {
    const r = await runFaults(tim, { controlUrl: controlUrl(), label: `${env.runtime}${full ? ' (full)' : ''}`, calls, seed: 20261126 });
    const f = r.figures;
    assert.ok(f.faultRate >= 0.3, `fault rate ${f.faultRate} is under 30%`);
    assert.equal(f.calls, calls, 'every call settled');
    assert.equal(f.duplicatedMessages, 0, 'duplicated messages');
    assert.equal(f.okNotProcessed, 0, 'calls reported OK that were not processed');
    assert.equal(f.knownFailedButProcessed, 0, 'calls reported failed with outcomeKnown that were processed');
    assert.equal(f.permanentRetries, 0, 'retries of permanent errors');
    assert.equal(f.overDeadline, 0, 'calls over their deadline');
    // Most calls get through: failover and retries work, not just refusal to retry.
    // Without retries about 60% would succeed at this fault rate.
    assert.ok(f.ok >= calls * 0.75, `only ${f.ok} of ${calls} calls succeeded`);
  }, { timeoutMs: full ? 600000 : 60000 });

  // The options and the error fields, one scripted scenario each (stand-in server).
  const client = (sc, opts = {}) => new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl: sc.baseUrl, ...opts });
  const rejects = async (p) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof tim.TimError, `not a TimError: ${e}`);
      return e;
    }
    throw new Error('expected a rejection');
  };
  const text = { MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] };

  const batch = { From_Account: 'a', To_Account: ['b'], MsgRandom: 1, ...text };
  test('a 503 that says it refused (Retry-After, or Tencent\'s envelope) then OK is retried; maxRetries: 0 stops after one attempt', async () => {
    const refused = [
      { status: 503, body: 'busy', headers: { 'retry-after': '1' } },
      { status: 503, body: JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 60018, ErrorInfo: 'busy' }), contentType: 'application/json' },
    ];
    for (const first of refused) {
      const sc = await env.scenario([first, { ok: {} }]);
      await client(sc).call('openim', 'batchsendmsg', batch);
      assert.equal((await sc.requests()).length, 2, JSON.stringify(first));
    }
    const sc0 = await env.scenario([refused[0], { ok: {} }]);
    const e = await rejects(client(sc0, { maxRetries: 0 }).call('openim', 'batchsendmsg', batch));
    assert.deepEqual([e.httpStatus, e.attempts, e.outcomeKnown], [503, 1, true]);
    assert.equal((await sc0.requests()).length, 1);
  });

  test('a plain 503 or 408 (a proxy may have forwarded it) is not resent for an unsafe write: outcome unknown', async () => {
    for (const status of [503, 408]) {
      const sc = await env.scenario([{ status, body: 'upstream trouble' }, { ok: {} }]);
      const e = await rejects(client(sc).call('openim', 'batchsendmsg', batch));
      assert.deepEqual([e.httpStatus, e.attempts, e.outcomeKnown, e.retryable], [status, 1, false, true], String(status));
      assert.equal((await sc.requests()).length, 1);
      // Resending is harmless for a read: it is retried.
      const sc2 = await env.scenario([{ status, body: 'upstream trouble' }, { ok: {} }]);
      await client(sc2).call('openim', 'query_online_status', { To_Account: ['a'] });
      assert.equal((await sc2.requests()).length, 2);
    }
  });

  test('sendmsg resends carry the same MsgRandom and MsgSeq, filled once by the SDK', async () => {
    const sc = await env.scenario([{ drop: true }, { status: 502, body: '' }, { ok: {} }]);
    await client(sc).call('openim', 'sendmsg', { From_Account: 'a', To_Account: 'b', ...text });
    const reqs = await sc.requests();
    const bodies = reqs.map((r) => JSON.parse(r.body));
    assert.ok(Number.isInteger(bodies[0].MsgRandom) && bodies[0].MsgRandom > 0, 'MsgRandom filled');
    assert.ok(Number.isInteger(bodies[0].MsgSeq) && bodies[0].MsgSeq > 0, 'MsgSeq filled');
    assert.equal(new Set(reqs.map((r) => r.body)).size, 1, 'the same bytes on every attempt');
    if (env.runtime === 'deno') {
      // Deno's fetch resends a request itself after a dropped pooled connection (the same URL);
      // dedup-key sends keep their pooled connections because such a resend is deduplicated.
      // The stand-in's answers then go to the resend, so the SDK may need one attempt fewer.
      assert.equal(reqs.length, 3);
      assert.ok(new Set(reqs.map((r) => r.random)).size >= 2, 'each SDK attempt carries a new URL random');
    } else {
      assert.equal(reqs.length, 3);
      assert.equal(new Set(reqs.map((r) => r.random)).size, 3, 'a new URL random per attempt');
    }
  });

  test('a timeout after sending is not resent for batchsendmsg: outcome unknown', async () => {
    const sc = await env.scenario([{ hang: true, maxMs: 3000 }, { ok: {} }]);
    const e = await rejects(client(sc, { timeoutMs: 300 }).call('openim', 'batchsendmsg', { From_Account: 'a', To_Account: ['b'], MsgRandom: 1, ...text }));
    assert.deepEqual([e.kind, e.attempts, e.outcomeKnown, e.retryable], ['timeout', 1, false, true]);
    assert.equal((await sc.requests()).length, 1);
  });

  test('permanent errors are not retried; rate limits are, then report attempts', async () => {
    const sc = await env.scenario([{ apiError: { ErrorCode: 20003, ErrorInfo: 'invalid UserID' } }, { ok: {} }]);
    const e = await rejects(client(sc).call('openim', 'sendmsg', { From_Account: 'a', To_Account: 'b', ...text }));
    assert.deepEqual([e.code, e.attempts, e.outcomeKnown, e.retryable], [20003, 1, true, false]);
    assert.equal((await sc.requests()).length, 1);
    const limited = { apiError: { ErrorCode: 60018, ErrorInfo: 'too frequent' } };
    const sc2 = await env.scenario([limited, limited, limited, { ok: {} }]);
    const e2 = await rejects(client(sc2, { deadlineMs: 10000 }).call('openim', 'batchsendmsg', { From_Account: 'a', To_Account: ['b'], MsgRandom: 1, ...text }));
    assert.deepEqual([e2.code, e2.attempts, e2.outcomeKnown], [60018, 3, true]);
  }, { timeoutMs: 15000 });

  test('deadlineMs cuts a hanging call short; the signal ends a backoff wait at once', async () => {
    const sc = await env.scenario([{ hang: true, maxMs: 5000 }]);
    let started = Date.now();
    const e = await rejects(client(sc).call('openim', 'query_online_status', { To_Account: ['a'] }, { deadlineMs: 600 }));
    assert.equal(e.kind, 'timeout');
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    // A rate limit makes the SDK wait at least 500 ms; aborting 100 ms in ends the call.
    const sc2 = await env.scenario([{ apiError: { ErrorCode: 60018, ErrorInfo: 'too frequent' } }, { ok: {} }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    started = Date.now();
    const e2 = await rejects(client(sc2).call('openim', 'query_online_status', { To_Account: ['a'] }, { signal: ac.signal }));
    assert.deepEqual([e2.kind, e2.attempts], ['aborted', 1]);
    assert.ok(Date.now() - started < 450, `the wait was not cut short: ${Date.now() - started} ms`);
    assert.equal((await sc2.requests()).length, 1);
  });

  test('a refused primary fails over to the next baseUrl', async () => {
    const sc = await env.scenario([{ ok: {} }]);
    const c = new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl: [env.refusedUrl, sc.baseUrl] });
    await c.call('openim', 'query_online_status', { To_Account: ['a'] });
    assert.equal((await sc.requests()).length, 1);
  });

  test('bad retry options are refused before anything is sent', async () => {
    const sc = await env.scenario([]);
    for (const opts of [{ maxRetries: -1 }, { maxRetries: 11 }, { maxRetries: 1.5 }, { deadlineMs: 0 }, { deadlineMs: '1000' }, { timeoutMs: NaN }]) {
      const e = await rejects(client(sc).call('openim', 'query_online_status', { To_Account: ['a'] }, opts));
      assert.equal(e.kind, 'bad-input', JSON.stringify(opts));
      assert.throws(() => client(sc, opts), (x) => x.kind === 'bad-input', `client ${JSON.stringify(opts)}`);
    }
    assert.equal((await sc.requests()).length, 0);
  });

  // The oracle can fail: a client that resends every POST after any failure, the way some SDKs
  // do, duplicates messages under the same faults.
  test('the fault server counts the duplicates a blind retrier makes', async () => {
    const r = await runBlindRetrier(tim, { controlUrl: controlUrl(), label: `${env.runtime} blind retrier`, calls: 400, seed: 7 });
    assert.ok(r.figures.duplicatedMessages > 0, `the blind retrier made no duplicate: ${JSON.stringify(r.figures)}`);
  }, { timeoutMs: 60000 });
}
