// TimClient against the stand-in server, which checks every request independently (node:crypto):
// the exact URL, query, body and admin UserSig; answers scripted per test (API errors, HTTP
// errors, garbage, hangs, dropped connections); bad input rejected before anything is sent;
// the injectable fetch; and no error ever carrying the key or a UserSig.
//
// Calls go to service/command names the endpoint catalog does not know, and error tests set
// maxRetries: 0, so what is tested here is one attempt (retries are the reliability suite's job).

const QUERY_ORDER = ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype'];
const SVC = 'tim_edge_test';

export default function register(test, tim, env) {
  const { assert } = env;
  const app = env.app;
  const client = (baseUrl, opts = {}) => new tim.TimClient({ sdkAppId: app.sdkAppId, key: app.key, baseUrl, ...opts });
  const timErr = (kind, more = {}) => (e) => {
    assert.ok(e instanceof tim.TimError, `expected a TimError, got ${e && e.name}: ${e && e.message}`);
    assert.equal(e.kind, kind, `kind (message: ${e.message})`);
    for (const [k, v] of Object.entries(more)) assert.deepEqual(e[k], v, k);
  };

  // Every way an error can be shown must be free of the key and the UserSig (also of a slice of
  // either, in case one is truncated into a message).
  function noSecrets(err, secrets) {
    const views = {
      message: err.message,
      'String()': String(err),
      'JSON.stringify': JSON.stringify(err),
      stack: err.stack ?? '',
      ...Object.fromEntries(Object.keys(err).map((k) => [`.${k}`, String(typeof err[k] === 'object' ? JSON.stringify(err[k]) : err[k])])),
    };
    for (const s of secrets.filter(Boolean)) {
      const strict = s.replace(/[^A-Za-z0-9\-_.~]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => '%' + x.charCodeAt(0).toString(16).toUpperCase()));
      // Slices catch a truncated copy; anything shorter than 8 characters would match by chance.
      const needles = [s, s.slice(8, 40), encodeURIComponent(s), strict, strict.slice(8, 40)].filter((n) => n.length >= 8);
      for (const [where, text] of Object.entries(views)) {
        for (const n of needles) assert.ok(!text.includes(n), `a secret appears in ${where}: ${text.slice(0, 200)}`);
      }
    }
  }

  async function oneRequest(sc) {
    const reqs = await sc.requests();
    assert.equal(reqs.length, 1, 'requests the stand-in saw');
    assert.deepEqual(reqs[0].verdict.problems, [], 'stand-in verdict');
    return reqs[0];
  }

  test('call: the stand-in verifies URL, query, admin UserSig and body; the answer comes back parsed', async () => {
    const sc = await env.scenario([{ ok: { Extra: 1, Nested: { List: [1, 'two'] } } }]);
    const body = { To_Account: 'bob', Text: 'héllo & good bye', Nested: { n: [1, 2] } };
    const res = await client(sc.baseUrl).call(SVC, 'echo_one', body);
    assert.deepEqual(res, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Extra: 1, Nested: { List: [1, 'two'] } });
    const r = await oneRequest(sc);
    assert.equal(r.method, 'POST');
    assert.equal(r.path, `/v4/${SVC}/echo_one`);
    assert.deepEqual(r.rawQuery.split('&').map((p) => p.split('=')[0]), QUERY_ORDER, 'query parameters in the documented order');
    assert.equal(r.query.sdkappid, String(app.sdkAppId));
    assert.equal(r.query.identifier, 'administrator', 'default adminId');
    assert.equal(r.query.contenttype, 'json');
    assert.equal(r.sigDoc['TLS.identifier'], 'administrator');
    assert.deepEqual(r.json, body);
    assert.match(r.contentType, /^application\/json/);
  });

  test('call: body defaults to {}', async () => {
    const sc = await env.scenario([{ ok: {} }]);
    await client(sc.baseUrl).call(SVC, 'no_body');
    const r = await oneRequest(sc);
    assert.deepEqual(r.json, {});
  });

  test('call: adminId with reserved characters is percent-encoded and matches the UserSig', async () => {
    const sc = await env.scenario([{ ok: {} }]);
    const adminId = 'op&s=1+ /é?#%';
    await client(sc.baseUrl, { adminId }).call(SVC, 'admin_id');
    const r = await oneRequest(sc);
    assert.equal(r.query.identifier, adminId);
    assert.equal(r.sigDoc['TLS.identifier'], adminId);
  });

  test('call: a fresh random per request, one admin UserSig reused across calls', async () => {
    const sc = await env.scenario([], { fallback: { ok: {} } });
    const c = client(sc.baseUrl);
    for (let i = 0; i < 6; i++) await c.call(SVC, 'repeat', { i });
    const reqs = await sc.requests();
    assert.equal(reqs.length, 6);
    for (const r of reqs) assert.deepEqual(r.verdict.problems, []);
    assert.equal(new Set(reqs.map((r) => r.random)).size, 6, `randoms ${reqs.map((r) => r.random)}`);
    assert.equal(new Set(reqs.map((r) => r.usersig)).size, 1, 'the admin UserSig is signed once and reused');
  });

  test('buildRequest: { url, method: POST, headers, body } that any HTTP client can send', async () => {
    const sc = await env.scenario([{ ok: { Sent: true } }]);
    const req = client(sc.baseUrl).buildRequest(SVC, 'built', { A: [1, { b: 'c' }] });
    assert.deepEqual(Object.keys(req).sort(), ['body', 'headers', 'method', 'url']);
    assert.equal(req.method, 'POST');
    assert.equal(typeof req.body, 'string');
    assert.deepEqual(JSON.parse(req.body), { A: [1, { b: 'c' }] });
    assert.match(new Headers(req.headers).get('content-type'), /^application\/json/);
    const u = new URL(req.url);
    assert.equal(u.origin + u.pathname, `${sc.baseUrl}/v4/${SVC}/built`);
    assert.deepEqual([...u.searchParams.keys()], QUERY_ORDER);
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    assert.deepEqual(await res.json(), { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', Sent: true });
    await oneRequest(sc);
  });

  test('buildRequest: body defaults to "{}" and nothing is sent', async () => {
    const sc = await env.scenario([]);
    const req = client(sc.baseUrl).buildRequest(SVC, 'built');
    assert.equal(req.body, '{}');
    assert.equal((await sc.requests()).length, 0);
  });

  const regions = {
    china: 'console.tim.qq.com',
    singapore: 'adminapisgp.im.qcloud.com',
    seoul: 'adminapikr.im.qcloud.com',
    tokyo: 'adminapijpn.im.qcloud.com',
    frankfurt: 'adminapiger.im.qcloud.com',
    'silicon-valley': 'adminapiusa.im.qcloud.com',
    jakarta: 'adminapiidn.im.qcloud.com',
    mumbai: 'adminapiind.im.qcloud.com',
  };
  test('buildRequest: each region signs for its documented https host; singapore is the default', () => {
    for (const [region, host] of Object.entries(regions)) {
      const u = new URL(new tim.TimClient({ sdkAppId: app.sdkAppId, key: app.key, region }).buildRequest('group_open_http_svc', 'get_appid_group_list').url);
      assert.equal(u.protocol, 'https:', region);
      assert.equal(u.host, host, region);
      assert.equal(u.pathname, '/v4/group_open_http_svc/get_appid_group_list', region);
    }
    assert.equal(new URL(new tim.TimClient({ sdkAppId: app.sdkAppId, key: app.key }).buildRequest(SVC, 'x').url).host, regions.singapore);
  });

  test('buildRequest: http:// accepted for loopback hosts only', () => {
    for (const base of ['http://127.0.0.1:9', 'http://127.200.3.4:9', 'http://localhost:9', 'http://[::1]:9', 'https://example.com/prefix']) {
      const u = new URL(client(base).buildRequest(SVC, 'x').url);
      assert.ok(u.pathname.endsWith(`/v4/${SVC}/x`), base);
    }
  });

  test('per-scenario app: the stand-in verifies with that key and rejects another key', async () => {
    const own = { sdkAppId: 1400999999, key: 'scenario-own-key-0123456789abcdef' };
    const sc = await env.scenario([], { ...own, fallback: { ok: {} } });
    await new tim.TimClient({ ...own, baseUrl: sc.baseUrl }).call(SVC, 'own_key');
    const e = await assert.rejects(new tim.TimClient({ ...own, key: `${own.key}x`, baseUrl: sc.baseUrl, maxRetries: 0 }).call(SVC, 'own_key'), timErr('api', { code: 70009 }));
    assert.match(e.info, /TLS\.sig is not HMAC/);
    const reqs = await sc.requests();
    assert.deepEqual(reqs.map((r) => r.verdict.ok), [true, false]);
  });

  // The judge itself: requests tampered after signing must be refused, in every runtime.
  test('stand-in self-check: tampered requests are refused with the reason', async () => {
    const sc = await env.scenario([], { fallback: { ok: {} } });
    const req = client(sc.baseUrl).buildRequest(SVC, 'tamper', { a: 1 });
    const send = (url, init = {}) => fetch(url, { method: 'POST', headers: req.headers, body: req.body, ...init });
    const q = (edit) => { const u = new URL(req.url); edit(u.searchParams); return u.toString(); };
    const cases = [
      [q((p) => p.set('random', 'abc')), {}, /random/],
      [q((p) => p.set('random', '4294967296')), {}, /random/],
      [q((p) => p.delete('contenttype')), {}, /query keys/],
      [q((p) => p.append('extra', '1')), {}, /query keys/],
      [q((p) => p.set('identifier', 'someone_else')), {}, /TLS\.identifier/],
      [q((p) => p.set('sdkappid', String(app.sdkAppId + 1))), {}, /sdkappid|no key/],
      [q((p) => p.set('usersig', p.get('usersig').slice(0, -8))), {}, /usersig/],
      [req.url, { body: '[1,2]' }, /not an object/],
      [req.url, { body: 'nope' }, /not JSON/],
      [req.url, { headers: { 'content-type': 'text/plain' } }, /content-type/],
      [req.url.replace('/v4/', '/v3/'), {}, /path/],
    ];
    for (const [url, init, why] of cases) {
      const body = await (await send(url, init)).json();
      assert.equal(body.ErrorCode, 70009, `${url.slice(url.indexOf('/v'), url.indexOf('/v') + 40)} ${JSON.stringify(init)}`);
      assert.match(body.ErrorInfo, why);
    }
    const ok = await (await send(req.url)).json();
    assert.equal(ok.ActionStatus, 'OK', 'the untampered request passes');
  });

  test('baseUrl: a trailing slash is not doubled; an array of hosts is tried in order (first answers)', async () => {
    const a = await env.scenario([{ ok: {} }]);
    await client(`${a.baseUrl}/`).call(SVC, 'slash');
    assert.equal((await oneRequest(a)).path, `/v4/${SVC}/slash`);
    const first = await env.scenario([{ ok: { Host: 'first' } }]);
    const second = await env.scenario([{ ok: { Host: 'second' } }]);
    assert.equal((await client([first.baseUrl, second.baseUrl]).call(SVC, 'ordered')).Host, 'first');
    await oneRequest(first);
    assert.equal((await second.requests()).length, 0);
  });

  // ---- answers that are not a success ----
  const failing = (baseUrl) => client(baseUrl, { maxRetries: 0 });

  test('API error: TimError kind api with code, info, service, command, httpStatus', async () => {
    const sc = await env.scenario([{ apiError: { ErrorCode: 70107, ErrorInfo: 'account does not exist' } }]);
    const e = await assert.rejects(failing(sc.baseUrl).call(SVC, 'api_err', { a: 1 }),
      timErr('api', { code: 70107, info: 'account does not exist', service: SVC, command: 'api_err', httpStatus: 200 }));
    assert.equal(e.name, 'TimError');
    assert.equal(typeof e.retryable, 'boolean');
    assert.ok(e instanceof Error);
    await oneRequest(sc);
  });

  for (const status of [502, 404]) {
    test(`HTTP ${status}: bad-response with httpStatus ${status} and code 0`, async () => {
      const sc = await env.scenario([], { fallback: { status, body: status === 502 ? '<html>Bad Gateway</html>' : 'Not Found', contentType: 'text/html' } });
      await assert.rejects(failing(sc.baseUrl).call(SVC, `http_${status}`),
        timErr('bad-response', { httpStatus: status, code: 0, service: SVC, command: `http_${status}` }));
      await oneRequest(sc);
    });
  }

  test('HTTP 500 carrying an OK envelope is bad-response, not a success', async () => {
    const sc = await env.scenario([], { fallback: { status: 500, contentType: 'application/json', body: '{"ActionStatus":"OK","ErrorCode":0}' } });
    await assert.rejects(failing(sc.baseUrl).call(SVC, 'http_500'), timErr('bad-response', { httpStatus: 500 }));
  });

  const badBodies = {
    'garbage (non-JSON) body': { garbage: '<html><body>gateway says hi</body></html>' },
    'empty body': { status: 200, body: '', contentType: 'application/json' },
    'JSON with neither ActionStatus nor ErrorCode': { json: { ErrorInfo: '', Data: [] } },
    'ActionStatus FAIL without an ErrorCode': { json: { ActionStatus: 'FAIL', ErrorInfo: 'x' } },
    'an ErrorCode that is not an integer': { json: { ErrorCode: '0' } },
    'JSON that is not an object': { json: [1, 2, 3] },
  };
  for (const [name, answer] of Object.entries(badBodies)) {
    test(`${name}: bad-response`, async () => {
      const sc = await env.scenario([], { fallback: answer });
      await assert.rejects(failing(sc.baseUrl).call(SVC, 'bad_body'), timErr('bad-response', { httpStatus: 200, code: 0, command: 'bad_body' }));
    });
  }

  // Tencent's openconfigsvr answers have no ActionStatus; a partial success says FAIL with
  // ErrorCode 0 and keeps its per-item failures (issue 13): ErrorCode decides.
  test('ErrorCode decides: 0 without ActionStatus, or under FAIL, resolves with the whole body; a code without ActionStatus rejects', async () => {
    const noStatus = { ErrorCode: 0, ErrorInfo: '', C2CmsgNospeakingTime: 4294967295, GroupmsgNospeakingTime: 7200 };
    const partial = { ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: '', MsgKey: 'k1', ErrorList: [{ To_Account: 'x', ErrorCode: 70107 }] };
    const sc = await env.scenario([{ json: noStatus }, { json: partial }, { json: { ErrorCode: 20003, ErrorInfo: 'invalid' } }]);
    assert.deepEqual(await failing(sc.baseUrl).call(SVC, 'no_status'), noStatus);
    assert.deepEqual(await failing(sc.baseUrl).call(SVC, 'partial'), partial);
    await assert.rejects(failing(sc.baseUrl).call(SVC, 'code_only'), timErr('api', { code: 20003, info: 'invalid' }));
  });

  test('a server that never answers: timeout after timeoutMs (client option and per call)', async () => {
    const sc = await env.scenario([], { fallback: { hang: true, maxMs: 5000 } });
    let t = Date.now();
    await assert.rejects(failing(sc.baseUrl).call(SVC, 'hang', {}, { timeoutMs: 150 }), timErr('timeout', { service: SVC, command: 'hang' }));
    assert.ok(Date.now() - t < 4000, 'per-call timeoutMs honoured');
    t = Date.now();
    await assert.rejects(client(sc.baseUrl, { timeoutMs: 150, maxRetries: 0 }).call(SVC, 'hang'), timErr('timeout'));
    assert.ok(Date.now() - t < 4000, 'client timeoutMs honoured');
  });

  test('a slow answer within timeoutMs succeeds; one slower than timeoutMs times out', async () => {
    const sc = await env.scenario([{ delayMs: 100, ok: { Slow: true } }, { delayMs: 1500, ok: {} }]);
    const c = failing(sc.baseUrl);
    assert.equal((await c.call(SVC, 'slow', {}, { timeoutMs: 1200 })).Slow, true);
    await assert.rejects(c.call(SVC, 'slow', {}, { timeoutMs: 300 }), timErr('timeout'));
  });

  test("the caller's AbortSignal: aborted (in flight and before sending)", async () => {
    const sc = await env.scenario([], { fallback: { hang: true, maxMs: 5000 } });
    const ctrl = new AbortController();
    const p = failing(sc.baseUrl).call(SVC, 'abort', {}, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 100);
    await assert.rejects(p, timErr('aborted', { service: SVC, command: 'abort' }));
    const before = (await sc.requests()).length;
    assert.equal(before, 1, 'the in-flight request reached the server');
    const done = new AbortController();
    done.abort();
    await assert.rejects(failing(sc.baseUrl).call(SVC, 'abort', {}, { signal: done.signal }), timErr('aborted'));
    assert.equal((await sc.requests()).length, before, 'nothing sent with an already-aborted signal');
  });

  test('connection refused: network', async () => {
    await assert.rejects(failing(env.refusedUrl).call(SVC, 'refused'), timErr('network', { code: 0, service: SVC, command: 'refused' }));
  });

  test('connection dropped without an answer: network', async () => {
    const sc = await env.scenario([], { fallback: { drop: true } });
    await assert.rejects(failing(sc.baseUrl).call(SVC, 'drop'), timErr('network'));
  });

  // ---- bad input: rejected before anything is sent ----
  const badInputs = {
    'http:// to a non-loopback host': { opts: { baseUrl: 'http://example.com' } },
    'http:// to a private address': { opts: { baseUrl: 'http://10.0.0.1:8080' } },
    'http:// to a loopback-looking DNS name': { opts: { baseUrl: 'http://127.0.0.1.evil.example' } },
    'http:// to localhost.<domain>': { opts: { baseUrl: 'http://localhost.evil.example' } },
    'a non-http scheme': { opts: { baseUrl: 'ftp://127.0.0.1/' } },
    'baseUrl that is not a URL': { opts: { baseUrl: 'not a url' } },
    'baseUrl that is not a string': { opts: { baseUrl: 42 } },
    'baseUrl with credentials': { opts: { baseUrl: 'https://user:secret@tim.example/' } },
    'baseUrl with a query': { opts: { baseUrl: 'https://tim.example/p?x=1' } },
    'baseUrl list with one plain-http remote host': { opts: { baseUrl: ['http://127.0.0.1:9', 'http://tim.example'] } },
    'unknown region': { opts: { region: 'mars', baseUrl: undefined } },
    'region that is not a string': { opts: { region: 7, baseUrl: undefined } },
    'empty baseUrl list': { opts: { baseUrl: [] } },
    'adminId over 32 bytes': { opts: { adminId: 'a'.repeat(33) } },
    'adminId of 11 chars but 33 UTF-8 bytes': { opts: { adminId: '张'.repeat(11) } },
    'empty adminId': { opts: { adminId: '' } },
    'empty key': { opts: { key: '' } },
    'sdkAppId outside uint32': { opts: { sdkAppId: 4294967296 } },
    'fetch that is not a function': { opts: { fetch: 'fetch' } },
    'array body': { args: [SVC, 'x', [1, 2]] },
    'string body': { args: [SVC, 'x', '{"a":1}'] },
    'number body': { args: [SVC, 'x', 42] },
    'null body': { args: [SVC, 'x', null] },
    'body with a BigInt': { args: [SVC, 'x', { n: 1n }] },
    'empty servicename': { args: ['', 'x'] },
    'servicename with a slash': { args: ['a/b', 'x'] },
    'servicename with ..': { args: ['..', 'x'] },
    'servicename with a query': { args: ['svc?x=1', 'x'] },
    'command with a space': { args: [SVC, 'get list'] },
    'command with a percent escape': { args: [SVC, 'a%2Fb'] },
    'servicename not a string': { args: [7, 'x'] },
  };
  for (const [name, { opts = {}, args = [SVC, 'x'] }] of Object.entries(badInputs)) {
    test(`bad input (${name}): bad-input, nothing sent`, async () => {
      const sc = await env.scenario([]);
      const sent = [];
      const spy = (...a) => { sent.push(a); return Promise.reject(new Error('must not be called')); };
      const e = await assert.rejects(async () => {
        const c = client(sc.baseUrl, { fetch: spy, ...opts });
        return c.call(...args);
      }, timErr('bad-input', { code: 0 }));
      assert.ok(e.message.length > 0, 'a message says what is wrong');
      assert.equal(sent.length, 0, 'fetch was not called');
      assert.equal((await sc.requests()).length, 0, 'the stand-in saw no request');
      noSecrets(e, [opts.key ?? app.key]);
    });
  }
  test('bad input through buildRequest throws synchronously', () => {
    const c = client('http://127.0.0.1:9');
    assert.throws(() => c.buildRequest('a/b', 'x'), timErr('bad-input'));
    assert.throws(() => c.buildRequest(SVC, 'x', [1]), timErr('bad-input'));
  });

  // ---- transport ----
  test('the fetch option replaces the global fetch', async () => {
    const seen = [];
    const injected = async (input, init) => {
      const req = new Request(input, init);
      seen.push({ url: req.url, method: req.method, body: await req.text() });
      return new Response('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","From":"injected"}', { headers: { 'content-type': 'application/json' } });
    };
    const realFetch = globalThis.fetch;
    let globalCalls = 0;
    globalThis.fetch = (...a) => { globalCalls++; return realFetch(...a); };
    let res;
    try {
      res = await client('https://tim.example.invalid/base', { fetch: injected }).call(SVC, 'injected', { q: 1 });
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(res.From, 'injected');
    assert.equal(globalCalls, 0, 'global fetch not used');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].method, 'POST');
    assert.ok(seen[0].url.startsWith(`https://tim.example.invalid/base/v4/${SVC}/injected?`), seen[0].url);
    assert.deepEqual(JSON.parse(seen[0].body), { q: 1 });
  });

  test('without the option, the global fetch is the transport', async () => {
    const sc = await env.scenario([{ ok: {} }]);
    const realFetch = globalThis.fetch;
    let globalCalls = 0;
    globalThis.fetch = (...a) => { globalCalls++; return realFetch(...a); };
    try {
      await client(sc.baseUrl).call(SVC, 'global_fetch');
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(globalCalls, 1);
    await oneRequest(sc);
  });

  // ---- secrets never leak into errors, even when the server echoes the admin UserSig or the key ----
  const echo = 'sig={{usersig}} again {{usersig}} key={{key}}';
  const leaky = {
    'API error whose ErrorInfo echoes the UserSig': { apiError: { ErrorCode: 70001, ErrorInfo: echo } },
    'HTTP 502 whose body echoes it': { status: 502, body: echo },
    'garbage body echoing it': { garbage: echo },
    'JSON without ActionStatus echoing it': { json: { Info: echo } },
  };
  for (const [name, answer] of Object.entries(leaky)) {
    test(`no secret in the error: ${name}`, async () => {
      const sc = await env.scenario([], { fallback: answer });
      const e = await assert.rejects(failing(sc.baseUrl).call(SVC, 'leak'), (x) => x instanceof tim.TimError);
      const [r] = await sc.requests();
      assert.ok(r && r.usersig, 'the request reached the stand-in');
      noSecrets(e, [app.key, r.usersig]);
    });
  }

  test('no secret in timeout, aborted and network errors', async () => {
    const sc = await env.scenario([], { fallback: { hang: true, maxMs: 5000 } });
    const errors = [];
    errors.push(await assert.rejects(failing(sc.baseUrl).call(SVC, 'hang', {}, { timeoutMs: 100 }), timErr('timeout')));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    errors.push(await assert.rejects(failing(sc.baseUrl).call(SVC, 'hang', {}, { signal: ctrl.signal }), timErr('aborted')));
    errors.push(await assert.rejects(failing(env.refusedUrl).call(SVC, 'refused'), timErr('network')));
    const sigs = (await sc.requests()).map((r) => r.usersig);
    assert.ok(sigs.length >= 1);
    for (const e of errors) noSecrets(e, [app.key, ...sigs]);
  });
}
