// Size caps and range checks on hostile or mistaken input, each with a clear error and never a
// crash: the client's answer cap (maxResponseBytes, checked on Content-Length and while reading a
// stream), JSON nesting in answers, the webhook body cap's default, UserID length, batch sizes,
// documented page sizes and numeric options outside their ranges.

const SVC = 'tim_edge_test';
const MIB = 1024 * 1024;

export default function register(test, tim, env) {
  const { assert } = env;
  const app = env.app;
  const client = (opts = {}) => new tim.TimClient({ sdkAppId: app.sdkAppId, key: app.key, maxRetries: 0, ...opts });
  const isErr = (kind, more = {}) => (e) => {
    assert.ok(e instanceof tim.TimError, `expected a TimError, got ${e && e.name}: ${e && e.message}`);
    assert.equal(e.kind, kind, `kind (message: ${e.message})`);
    for (const [k, v] of Object.entries(more)) {
      if (v instanceof RegExp) assert.match(e[k], v, k);
      else assert.deepEqual(e[k], v, k);
    }
  };
  const envelope = (pad) => `{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""${' '.repeat(pad)}}`;
  const ENVELOPE_BYTES = envelope(0).length;

  // A fetch answering `chunks` as a stream without Content-Length; `pulled` counts what was read.
  function streamingFetch(chunks, status = 200) {
    const state = { pulled: 0, cancelled: false, calls: 0 };
    const f = async () => {
      state.calls++;
      let i = 0;
      const body = new ReadableStream({
        pull(c) {
          if (i < chunks.length) {
            state.pulled++;
            c.enqueue(new TextEncoder().encode(chunks[i++]));
          } else c.close();
        },
        cancel() {
          state.cancelled = true;
        },
      });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    };
    return { f, state };
  }

  // ---- maxResponseBytes ----
  test('answers over maxResponseBytes by Content-Length: bad-response naming the cap', async () => {
    const sc = await env.scenario([], { fallback: { status: 200, contentType: 'application/json', body: envelope(5000) } });
    await assert.rejects(client({ baseUrl: sc.baseUrl, maxResponseBytes: 4096 }).call(SVC, 'big'),
      isErr('bad-response', { httpStatus: 200, code: 0, info: new RegExp(`^response body declares ${ENVELOPE_BYTES + 5000} bytes, more than the maxResponseBytes cap of 4096 bytes( \\(|$)`) }));
    assert.equal((await sc.requests()).length, 1);
  });

  test('an oversized 502 page keeps its status (and is retryable like any 502); its body is not read', async () => {
    const sc = await env.scenario([], { fallback: { status: 502, contentType: 'text/html', body: 'x'.repeat(3000) } });
    await assert.rejects(client({ baseUrl: sc.baseUrl, maxResponseBytes: 1000 }).call(SVC, 'big_502'),
      isErr('bad-response', { httpStatus: 502, retryable: true, info: /^HTTP status 502/ }));
  });

  test('an oversized 503 page (read for Tencent\'s envelope) keeps its status and names the cap', async () => {
    const sc = await env.scenario([], { fallback: { status: 503, contentType: 'text/html', body: 'x'.repeat(3000) } });
    await assert.rejects(client({ baseUrl: sc.baseUrl, maxResponseBytes: 1000 }).call(SVC, 'big_503'),
      isErr('bad-response', { httpStatus: 503, retryable: true, info: /maxResponseBytes cap of 1000 bytes/ }));
  });

  test('an answer of exactly maxResponseBytes is read; one byte more is refused', async () => {
    const cap = 2048;
    const exact = envelope(cap - ENVELOPE_BYTES);
    assert.equal(new TextEncoder().encode(exact).length, cap);
    const sc = await env.scenario([{ status: 200, contentType: 'application/json', body: exact }], { fallback: { status: 200, contentType: 'application/json', body: envelope(cap - ENVELOPE_BYTES + 1) } });
    const c = client({ baseUrl: sc.baseUrl, maxResponseBytes: cap });
    assert.equal((await c.call(SVC, 'exact')).ActionStatus, 'OK');
    await assert.rejects(c.call(SVC, 'over'), isErr('bad-response', { info: /maxResponseBytes cap of 2048 bytes/ }));
  });

  test('a stream without Content-Length is counted while reading and cancelled past the cap', async () => {
    const chunk = ' '.repeat(1000);
    const { f, state } = streamingFetch(['{"ActionStatus":"OK","ErrorCode":0', ...Array(50).fill(chunk), '}']);
    await assert.rejects(client({ baseUrl: 'http://127.0.0.1:9', fetch: f, maxResponseBytes: 4000 }).call(SVC, 'stream'),
      isErr('bad-response', { httpStatus: 200, info: /^response body is longer than the maxResponseBytes cap of 4000 bytes( \(|$)/ }));
    assert.ok(state.pulled <= 8, `stopped reading near the cap (pulled ${state.pulled} of 52 chunks)`);
    // The cancel reaches the source through the runtime; give it a turn.
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(state.cancelled, 'the stream was cancelled');
    const small = streamingFetch(['{"ActionStatus":"OK",', '"ErrorCode":0,"Chunks":2}']);
    assert.equal((await client({ baseUrl: 'http://127.0.0.1:9', fetch: small.f, maxResponseBytes: 4000 }).call(SVC, 'stream')).Chunks, 2);
  });

  test('the default maxResponseBytes is 4 MiB (a declared 4 MiB + 1 is refused unread)', async () => {
    let read = false;
    const f = async () => new Response(new ReadableStream({ pull(c) { read = true; c.enqueue(new TextEncoder().encode(envelope(0))); c.close(); } }, { highWaterMark: 0 }),
      { status: 200, headers: { 'content-length': String(4 * MIB + 1) } });
    await assert.rejects(client({ baseUrl: 'http://127.0.0.1:9', fetch: f }).call(SVC, 'default_cap'),
      isErr('bad-response', { info: /declares 4194305 bytes, more than the maxResponseBytes cap of 4194304 bytes/ }));
    assert.equal(read, false, 'the body was not read');
  });

  test('a fetch answering a plain object with text() is capped after reading', async () => {
    const f = async () => ({ status: 200, headers: undefined, text: async () => envelope(500) });
    await assert.rejects(client({ baseUrl: 'http://127.0.0.1:9', fetch: f, maxResponseBytes: 100 }).call(SVC, 'plain'),
      isErr('bad-response', { info: /longer than the maxResponseBytes cap of 100 bytes/ }));
    const ok = async () => ({ status: 200, text: async () => envelope(0) });
    assert.equal((await client({ baseUrl: 'http://127.0.0.1:9', fetch: ok, maxResponseBytes: 100 }).call(SVC, 'plain')).ErrorCode, 0);
  });

  for (const bad of [0, -1, 1.5, '4096', 2 ** 30 + 1, NaN, Infinity]) {
    test(`maxResponseBytes ${String(bad)}: bad-input at construction`, () => {
      assert.throws(() => client({ baseUrl: 'http://127.0.0.1:9', maxResponseBytes: bad }),
        isErr('bad-input', { info: /maxResponseBytes must be (an integer from 1 to 1073741824|a number)/ }));
    });
  }

  // ---- JSON nesting in answers ----
  // Answers are parsed once, by the host's JSON.parse (never by the wasm), so nesting is the
  // host's to bound: a deep answer is read or refused as bad-response, never a crash.
  test('an answer nesting 100,000 levels deep resolves or is bad-response, never a crash', async () => {
    const depth = 100000;
    const deep = `{"ActionStatus":"OK","ErrorCode":0,"X":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const sc = await env.scenario([], { fallback: { status: 200, contentType: 'application/json', body: deep } });
    try {
      assert.equal((await client({ baseUrl: sc.baseUrl }).call(SVC, 'deep')).ErrorCode, 0);
    } catch (e) {
      isErr('bad-response', { httpStatus: 200 })(e);
    }
    const ok = `{"ActionStatus":"OK","ErrorCode":0,"X":${'['.repeat(200)}${']'.repeat(200)}}`;
    const sc2 = await env.scenario([{ status: 200, contentType: 'application/json', body: ok }]);
    assert.equal((await client({ baseUrl: sc2.baseUrl }).call(SVC, 'deep')).ErrorCode, 0);
  });

  // ---- webhook body cap: the default ----
  test('webhook bodies: the default cap is 1 MiB (exactly 1 MiB accepted, one byte more 413)', async () => {
    const h = tim.createWebhookHandler({ sdkAppId: 888888, insecureAllowUnsigned: true, now: () => 1669872112 });
    const url = 'https://hooks.example/tim?SdkAppid=888888&CallbackCommand=State.StateChange&contenttype=json';
    const head = '{"CallbackCommand":"State.StateChange"';
    const body = (n) => `${head}${' '.repeat(n - head.length - 1)}}`;
    assert.equal(body(MIB).length, MIB);
    const ok = await h(new Request(url, { method: 'POST', body: body(MIB) }));
    assert.equal(ok.status, 200);
    const big = await h(new Request(url, { method: 'POST', body: body(MIB + 1) }));
    assert.equal(big.status, 413);
    assert.deepEqual(await big.json(), { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'body-too-large' });
  });

  test('webhook bodies nested 400,000 levels deep get an answer (200 or 400), never a crash', async () => {
    const h = tim.createWebhookHandler({ sdkAppId: 888888, insecureAllowUnsigned: true, now: () => 1669872112 });
    const url = 'https://hooks.example/tim?SdkAppid=888888&CallbackCommand=State.StateChange&contenttype=json';
    const head = '{"CallbackCommand":"State.StateChange","a":';
    for (const deep of [`${head}${'['.repeat(400000)}${']'.repeat(400000)}}`, `${head}${'['.repeat(400000)}`]) {
      const res = await h(new Request(url, { method: 'POST', body: deep }));
      // Engines parse this deep or refuse it; either way the answer is an answer.
      assert.ok([200, 400].includes(res.status), `status ${res.status}`);
      if (res.status === 400) assert.deepEqual(await res.json(), { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'body-not-json-object' });
    }
  });

  // ---- input caps and ranges: refused before anything is sent ----
  const sig = (o) => () => tim.generateUserSig({ sdkAppId: app.sdkAppId, key: app.key, userId: 'u', ...o });
  const refusals = {
    'UserID of 33 bytes': [sig({ userId: 'a'.repeat(33) }), /33 bytes; at most 32/],
    'UserID of 11 characters, 33 UTF-8 bytes': [sig({ userId: '张'.repeat(11) }), /33 bytes; at most 32/],
    'expire 0': [sig({ expire: 0 }), /expire/],
    'expire past uint32': [sig({ expire: 2 ** 32 }), /expire/],
    'time past 2^53': [sig({ time: 2 ** 53 + 2 }), /time/],
    'sdkAppId 0': [sig({ sdkAppId: 0 }), /sdkAppId/],
    'sdkAppId past uint32': [sig({ sdkAppId: 2 ** 32 }), /sdkAppId/],
    'sdkAppId as an 11-digit string': [sig({ sdkAppId: '14000000000' }), /sdkAppId/],
    'client timeoutMs 0': [() => client({ timeoutMs: 0 }), /timeoutMs/],
    'client timeoutMs past 10 minutes': [() => client({ timeoutMs: 600001 }), /timeoutMs/],
    'client maxRetries -1': [() => client({ maxRetries: -1 }), /maxRetries/],
    'client deadlineMs past a day': [() => client({ deadlineMs: 86400001 }), /deadlineMs/],
    'webhook maxBodyBytes past 64 MiB': [() => tim.createWebhookHandler({ sdkAppId: 1, token: 't', maxBodyBytes: 64 * MIB + 1 }), /maxBodyBytes/],
    'webhook toleranceSec past an hour': [() => tim.createWebhookHandler({ sdkAppId: 1, token: 't', toleranceSec: 3601 }), /toleranceSec/],
    'PrivateMapKey roomStr of 65 bytes': [() => tim.generatePrivateMapKey({ sdkAppId: 1, key: 'k', userId: 'u', roomStr: 'r'.repeat(65), privilegeMap: 255 }), /roomStr is 65 bytes; at most 64/],
    'decodeUserSig of a 9000-character token': [() => tim.decodeUserSig('a'.repeat(9000)), /too long/],
    'generateUserSigs with 100001 ids': [() => tim.generateUserSigs({ sdkAppId: 1, key: 'k', userIds: Array(100001).fill('u') }), /at most 100000/],
  };
  for (const [name, [fn, info]] of Object.entries(refusals)) {
    test(`refused: ${name}`, () => {
      assert.throws(fn, isErr('bad-input', { info }));
    });
  }

  test('batch and page-size limits: refused before anything is sent, naming the limit', async () => {
    const sent = [];
    const spy = async (...a) => { sent.push(a); throw new Error('must not be called'); };
    const c = client({ baseUrl: 'http://127.0.0.1:9', fetch: spy });
    const ids = Array.from({ length: 101 }, (_, i) => `u${i}`);
    await assert.rejects(c.account.importAccounts({ AccountList: ids }), isErr('bad-input', { info: /AccountList has 101 items; account.importAccounts takes at most 100/ }));
    await assert.rejects(c.group.getAppidGroupList({ Limit: 10001 }), isErr('bad-input', { info: /Limit must be an integer from 1 to 10000/ }));
    await assert.rejects(c.group.getAppidGroupList({ Limit: 2 ** 64 }), isErr('bad-input', { info: /Limit must be an integer/ }));
    await assert.rejects(c.group.getAppidGroupList({ Limit: -1 }), isErr('bad-input', { info: /Limit must be an integer/ }));
    assert.equal(sent.length, 0);
  });
}
