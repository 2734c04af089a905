// Observing calls (issue 16): hooks, the logger, request ids and response metadata, item
// iterators and batched partial failures, against the stand-in (which checks every request).

const SVC = 'tim_edge_test';

export default function register(test, tim, env) {
  const { assert } = env;
  const recorder = () => {
    const events = [];
    const hooks = Object.fromEntries(['onRequest', 'onResponse', 'onRetry', 'onError'].map((k) => [k, (e) => void events.push(e)]));
    return { events, hooks };
  };
  const client = (baseUrl, opts = {}) => new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl, ...opts });
  const origin = (u) => new URL(u).origin;

  test('hooks fire in order across a failover and a retry, with the fields of each attempt; responseMeta agrees', async () => {
    const sc = await env.scenario([{ apiError: { ErrorCode: 60018, ErrorInfo: 'too frequent' } }, { ok: { ToAccountOnlineStatus: [] } }]);
    const { events, hooks } = recorder();
    const c = client([env.refusedUrl, sc.baseUrl], { hooks });
    const answer = await c.call('openim', 'query_online_status', { To_Account: ['a'] }, { deadlineMs: 20000 });
    assert.deepEqual(events.map((e) => `${e.type}:${e.attempt}`), [
      'request:1', 'response:1', 'retry:2', 'request:2', 'response:2', 'retry:3', 'request:3', 'response:3',
    ]);
    const reqs = await sc.requests();
    const [r1, , rt1, r2, s2, rt2, r3, s3] = events;
    for (const e of events) assert.deepEqual([e.service, e.command], ['openim', 'query_online_status']);
    assert.equal(r1.host, origin(env.refusedUrl));
    assert.deepEqual([events[1].outcome, events[1].status], ['network', undefined]);
    assert.deepEqual([rt1.decision, rt1.nextHost], ['failover', origin(sc.baseUrl)]);
    assert.equal(r2.host, origin(sc.baseUrl));
    assert.deepEqual([s2.outcome, s2.status, s2.errorCode], ['api-error', 200, 60018]);
    assert.equal(rt2.decision, 'retry');
    assert.ok(rt2.delayMs >= 500, `a rate limit waits at least 500 ms (${rt2.delayMs})`);
    assert.deepEqual([s3.outcome, s3.status, s3.errorCode], ['ok', 200, 0]);
    // Each attempt's request id is its URL's random, as the stand-in saw it.
    assert.deepEqual([r2.requestId, r3.requestId], reqs.map((r) => Number(r.random)));
    for (const e of [r1, r2, r3]) {
      assert.ok(e.url.includes('&usersig=<redacted>&') && e.url.includes(`&random=${e.requestId}&`), e.url);
    }
    for (const e of [s2, s3]) assert.ok(Number.isInteger(e.durationMs) && e.durationMs >= 0, 'durationMs');
    const meta = tim.responseMeta(answer);
    assert.deepEqual({ ...meta, durationMs: 0 }, { service: 'openim', command: 'query_online_status', status: 200, host: origin(sc.baseUrl), requestId: r3.requestId, attempts: 3, durationMs: 0 });
    assert.ok(meta.durationMs >= rt2.delayMs, 'the call took at least its backoff');
    // The answer itself is unchanged: no extra enumerable property.
    assert.deepEqual(Object.keys(answer).sort(), ['ActionStatus', 'ErrorCode', 'ErrorInfo', 'ToAccountOnlineStatus']);
    assert.equal(tim.responseMeta({}), undefined);
  }, { timeoutMs: 20000 });

  test('70001 re-signs the admin UserSig once: a retry event with decision refresh-usersig', async () => {
    const sc = await env.scenario([{ apiError: { ErrorCode: 70001, ErrorInfo: 'UserSig expired' } }, { ok: {} }]);
    const { events, hooks } = recorder();
    await client(sc.baseUrl, { hooks }).call(SVC, 'resign');
    assert.deepEqual(events.filter((e) => e.type === 'retry').map((e) => [e.decision, e.errorCode, e.delayMs]), [['refresh-usersig', 70001, 0]]);
  });

  test('a failed call: an error event, and the TimError names the request id, host, attempts and duration', async () => {
    const sc = await env.scenario([], { fallback: { apiError: { ErrorCode: 20003, ErrorInfo: 'invalid UserID' } } });
    const { events, hooks } = recorder();
    const e = await assert.rejects(client(sc.baseUrl, { hooks }).call('openim', 'sendmsg', { To_Account: 'b', MsgBody: [] }), (x) => x instanceof tim.TimError);
    const [req] = await sc.requests();
    assert.deepEqual([e.kind, e.code, e.attempts, e.requestId, e.host], ['api', 20003, 1, Number(req.random), origin(sc.baseUrl)]);
    assert.ok(Number.isInteger(e.durationMs));
    const last = events.at(-1);
    assert.deepEqual([last.type, last.decision, last.kind, last.errorCode, last.requestId, last.attempt], ['error', 'permanent', 'api', 20003, e.requestId, 1]);
    assert.match(last.message, /Tencent error 20003: invalid UserID/);
    // Nothing sent: no request id.
    const bad = await assert.rejects(client(sc.baseUrl).call('bad service', 'x'), (x) => x instanceof tim.TimError);
    assert.deepEqual([bad.kind, bad.requestId, bad.host, bad.attempts], ['bad-input', null, '', 0]);
  });

  test('a network failure keeps its cause (the host\'s error, without secrets)', async () => {
    const e = await assert.rejects(client(env.refusedUrl, { maxRetries: 0 }).call(SVC, 'refused'), (x) => x instanceof tim.TimError);
    assert.equal(e.kind, 'network');
    assert.ok(e.cause instanceof Error, `cause: ${e.cause}`);
    // Node and Bun say ECONNREFUSED in a code; Deno and workerd in the message.
    const chain = [];
    for (let c = e.cause; c && chain.length < 5; c = c.cause) chain.push(`${c.name} ${c.message} ${c.code ?? ''}`);
    assert.ok(chain.length >= 1 && chain.every((x) => !/usersig=[^<&]/.test(x)), chain.join(' <- '));
  });

  test('a hook that throws or rejects changes nothing; call hooks run after client hooks', async () => {
    const sc = await env.scenario([{ status: 502, body: 'gateway' }, { ok: { N: 1 } }]);
    const order = [];
    const boom = () => {
      throw new Error('hook failure');
    };
    const c = client(sc.baseUrl, { hooks: { onRequest: (e) => { order.push(`client:${e.attempt}`); boom(); }, onResponse: async () => { throw new Error('async hook failure'); }, onRetry: boom } });
    const out = await c.call('openim', 'query_online_status', { To_Account: ['a'] }, { hooks: { onRequest: (e) => order.push(`call:${e.attempt}`), onError: boom } });
    assert.equal(out.N, 1);
    assert.deepEqual(order, ['client:1', 'call:1', 'client:2', 'call:2']);
    assert.equal((await sc.requests()).length, 2);
    // A throwing hook on a failing call does not change the error either.
    const sc2 = await env.scenario([], { fallback: { apiError: { ErrorCode: 20003, ErrorInfo: 'x' } } });
    await assert.rejects(client(sc2.baseUrl, { hooks: { onError: boom } }).call('openim', 'sendmsg', { To_Account: 'b', MsgBody: [] }), { kind: 'api', code: 20003 });
  });

  test('logLevel and logger: debug logs every event, warn only retries and errors, off nothing', async () => {
    const make = () => {
      const lines = [];
      const logger = Object.fromEntries(['error', 'warn', 'info', 'debug'].map((m) => [m, (text, data) => lines.push([m, text, data?.type])]));
      return { lines, logger };
    };
    for (const [level, want] of [['debug', ['debug', 'debug', 'warn', 'debug', 'debug']], ['warn', ['warn']], ['off', []]]) {
      const sc = await env.scenario([{ status: 502, body: 'x' }, { ok: {} }]);
      const { lines, logger } = make();
      await client(sc.baseUrl, { logLevel: level, logger }).call('openim', 'query_online_status', { To_Account: ['a'] });
      assert.deepEqual(lines.map((l) => l[0]), want, level);
      if (level === 'warn') assert.match(lines[0][1], /^tim-edge retry openim\/query_online_status attempt 2 status 502 retry: bad-response: HTTP status 502/);
    }
    const sc = await env.scenario([], { fallback: { apiError: { ErrorCode: 20003, ErrorInfo: 'x' } } });
    const { lines, logger } = make();
    await assert.rejects(client(sc.baseUrl, { logLevel: 'error', logger }).call('openim', 'sendmsg', { To_Account: 'b', MsgBody: [] }));
    assert.deepEqual(lines.map((l) => [l[0], l[2]]), [['error', 'error']]);
  });

  test('bad hooks and logger options are bad-input, at construction and per call', async () => {
    const bad = (o) => assert.throws(() => client('https://tim.example', o), (e) => e instanceof tim.TimError && e.kind === 'bad-input', JSON.stringify(Object.keys(o)));
    bad({ hooks: { onRequest: 'not a function' } });
    bad({ hooks: 'x' });
    bad({ hooks: { request() {} } });
    bad({ hooks: { onRequest() {}, onresponse() {} } });
    bad({ logLevel: 'verbose' });
    bad({ logLevel: 'info', logger: { log() {} } });
    await assert.rejects(client('https://tim.example').call(SVC, 'x', {}, { hooks: { onError: 1 } }), { kind: 'bad-input' });
    await assert.rejects(client('https://tim.example').call(SVC, 'x', {}, { hooks: { onRetries() {} } }), { kind: 'bad-input', message: /onRetries is not a hook/ });
  });

  // ---- item iterators ----

  test('<method>Items walks every item of every page in order; limit, toArray and signal', async () => {
    const page = (ids, next) => ({ ok: { TotalCount: 5, GroupIdList: ids.map((GroupId) => ({ GroupId })), Next: next } });
    const pages = () => [page(['g1', 'g2'], 2), page(['g3', 'g4'], 4), page(['g5'], 0)];
    const sc = await env.scenario(pages());
    const c = client(sc.baseUrl);
    const seen = [];
    for await (const item of c.group.getAppidGroupListItems({ Limit: 2 })) seen.push(item.GroupId);
    assert.deepEqual(seen, ['g1', 'g2', 'g3', 'g4', 'g5']);
    assert.deepEqual((await sc.requests()).map((r) => JSON.parse(r.body).Next), [undefined, 2, 4]);
    // limit stops early (and asks for no further page than it needs).
    const sc2 = await env.scenario(pages());
    const three = await client(sc2.baseUrl).group.getAppidGroupListItems({ Limit: 2 }, { limit: 3 }).toArray();
    assert.deepEqual(three.map((g) => g.GroupId), ['g1', 'g2', 'g3']);
    assert.equal((await sc2.requests()).length, 2);
    const sc3 = await env.scenario(pages());
    assert.deepEqual((await client(sc3.baseUrl).group.getAppidGroupListItems({ Limit: 2 }).toArray({ limit: 1 })).length, 1);
    // A signal ends it between items.
    const sc4 = await env.scenario(pages());
    const ac = new AbortController();
    const got = [];
    await assert.rejects(async () => {
      for await (const g of client(sc4.baseUrl).group.getAppidGroupListItems({ Limit: 2 }, { signal: ac.signal })) {
        got.push(g.GroupId);
        if (got.length === 3) ac.abort();
      }
    }, { kind: 'aborted' });
    assert.deepEqual(got, ['g1', 'g2', 'g3']);
    await assert.rejects(async () => client(sc.baseUrl).group.getAppidGroupListItems({}, { limit: 0 }).toArray(), { kind: 'bad-input' });
  });
}
