// Webhooks through the real package: verifyWebhook, WebhookReply and createWebhookHandler with
// real Request objects, in every runtime. Oracles: Tencent's documented Sign example (269/32431),
// the spec's derived vector, WebCrypto SHA-256 for fresh signatures, and reply JSON written by
// hand from Tencent's documented examples. Node runners also serve the handler over node:http.

const TOKEN = 'xxxxyyyy';
const TIME = 1669872112;
const SIGN = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';
const APP = 1400000000;
const BASE = 'https://example.test/tim/callback';
const ALLOW = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

// WebCrypto, not our Rust: an independent SHA-256.
async function sha256hex(text) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

function query(over = {}) {
  const p = {
    SdkAppid: String(APP), CallbackCommand: 'C2C.CallbackBeforeSendMsg', contenttype: 'json',
    ClientIP: '127.0.0.1', OptPlatform: 'iOS', Sign: SIGN, RequestTime: String(TIME), ...over,
  };
  return Object.entries(p).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

const c2cBody = (over = {}) => ({
  CallbackCommand: 'C2C.CallbackBeforeSendMsg', From_Account: 'jared', To_Account: 'Jonh', MsgSeq: 48374,
  MsgRandom: 2837546, MsgTime: 1557481126, MsgKey: '48374_2837546_1557481126', OnlineOnlyFlag: 1,
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }], CloudCustomData: 'your cloud custom data', ...over,
});

function post(q, body, init = {}) {
  const text = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  return new Request(`${BASE}?${q}`, { method: 'POST', body: text, headers: { 'content-type': 'application/json' }, ...init });
}

// A stream body without Content-Length: the size cap must count bytes as they arrive.
function streamed(q, chunks) {
  let i = 0;
  const body = new ReadableStream({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]);
      else c.close();
    },
  });
  return new Request(`${BASE}?${q}`, { method: 'POST', body, duplex: 'half' });
}

export default function register(test, tim, env) {
  const { assert } = env;
  const isBadInput = (e) => e instanceof tim.TimError && e.kind === 'bad-input';
  const verify = (over = {}, opts = {}) => tim.verifyWebhook({ url: `${BASE}?${query(over)}`, token: TOKEN, sdkAppId: APP, now: TIME, ...opts });
  const handler = (opts = {}) => tim.createWebhookHandler({ sdkAppId: APP, token: TOKEN, now: () => TIME, ...opts });
  async function expectJson(res, status, json, hint) {
    assert.equal(res.status, status, hint);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/, hint);
    const text = await res.text();
    if (typeof json === 'string') assert.equal(text, json, hint);
    else assert.deepEqual(JSON.parse(text), json, hint);
  }
  const refusal = (reason) => ({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: reason });

  test('exports the webhook API', () => {
    for (const f of ['verifyWebhook', 'createWebhookHandler', 'toNodeHandler', 'WebhookReply']) assert.equal(typeof tim[f], 'function', f);
  });

  // ---- verifyWebhook ----
  test('official example verifies, with every field', async () => {
    assert.equal(await sha256hex(TOKEN + TIME), SIGN, 'the documented Sign is SHA-256(token + RequestTime)');
    assert.deepEqual(verify(), {
      ok: true, kind: 'before', command: 'C2C.CallbackBeforeSendMsg', sdkAppId: APP, clientIp: '127.0.0.1', platform: 'iOS', requestTime: TIME,
    });
  });

  test('derived vector and a fresh WebCrypto signature verify', async () => {
    const sign = await sha256hex('my-callback-token1700000000');
    assert.equal(sign, 'b145a99441cf7737a44b911519aaf59b34cad5cfe5b58c39ff8d5138b81c269a');
    const r = tim.verifyWebhook({ url: `${BASE}?${query({ Sign: sign, RequestTime: '1700000000' })}`, token: 'my-callback-token', sdkAppId: APP, now: 1700000000 });
    assert.equal(r.ok, true);
    const now = Math.floor(Date.now() / 1000);
    const fresh = await sha256hex(`tøken${now}`);
    const r2 = tim.verifyWebhook({ url: `${BASE}?${query({ Sign: fresh, RequestTime: String(now) })}`, token: 'tøken', sdkAppId: String(APP) });
    assert.equal(r2.ok, true, 'default now is the clock; UTF-8 token; sdkAppId as a string');
  });

  test('tolerance boundaries: exactly +-60 s pass, +-61 s are stale', () => {
    for (const [d, ok] of [[60, true], [-60, true], [61, false], [-61, false]]) {
      const r = verify({}, { now: TIME + d });
      assert.deepEqual(r.ok ? true : r.reason, ok ? true : 'stale', `now = RequestTime ${d >= 0 ? '+' : ''}${d}`);
    }
    assert.equal(verify({}, { now: TIME + 300, toleranceSec: 300 }).ok, true);
    assert.deepEqual(verify({}, { now: TIME + 301, toleranceSec: 300 }), { ok: false, reason: 'stale' });
    assert.deepEqual(verify({}, { now: TIME + 1, toleranceSec: 0 }), { ok: false, reason: 'stale' });
  });

  test('tampered and replayed signatures are refused', () => {
    const bad = { ok: false, reason: 'bad-signature' };
    assert.deepEqual(verify({ Sign: SIGN.replace(/^1/, '2') }), bad, 'one digit changed');
    assert.deepEqual(verify({ Sign: SIGN.slice(0, 63) }), bad, 'truncated');
    assert.deepEqual(verify({}, { token: 'xxxxyyyz' }), bad, 'wrong token');
    assert.deepEqual(verify({ RequestTime: String(TIME + 30) }, { now: TIME + 30 }), bad, 'old Sign with a fresh RequestTime');
    assert.deepEqual(verify({}, { now: TIME + 3600 }), { ok: false, reason: 'stale' }, 'the genuine pair an hour later');
  });

  test('missing, empty and repeated parameters are missing-params', () => {
    const missing = { ok: false, reason: 'missing-params' };
    for (const name of ['SdkAppid', 'CallbackCommand', 'Sign', 'RequestTime']) {
      assert.deepEqual(verify({ [name]: undefined }), missing, `without ${name}`);
      assert.deepEqual(verify({ [name]: '' }), missing, `empty ${name}`);
    }
    assert.deepEqual(tim.verifyWebhook({ url: `${BASE}?${query()}&Sign=${SIGN}`, token: TOKEN, sdkAppId: APP, now: TIME }), missing, 'Sign twice');
    assert.deepEqual(verify({ RequestTime: '1669872112.0' }), missing, 'non-integer RequestTime');
    assert.deepEqual(tim.verifyWebhook({ url: BASE, token: TOKEN, sdkAppId: APP, now: TIME }), missing, 'no query at all');
  });

  test('SdkAppid: mismatch refused, spelled in any case', () => {
    assert.deepEqual(verify({ SdkAppid: '1400000001' }), { ok: false, reason: 'sdkappid-mismatch' });
    const q = query().replace('SdkAppid=', 'SdkAppId=');
    assert.equal(tim.verifyWebhook({ url: `${BASE}?${q}`, token: TOKEN, sdkAppId: APP, now: TIME }).ok, true);
    assert.equal(tim.verifyWebhook({ url: `${BASE}?${q.replace('SdkAppId=', 'sdkappid=')}`, token: TOKEN, sdkAppId: APP, now: TIME }).ok, true);
  });

  test('no token fails closed: verifyWebhook throws bad-input naming the option, for undefined, null and ""', () => {
    const url = `${BASE}?${query({ Sign: undefined, RequestTime: undefined })}`;
    for (const token of [undefined, null, '']) {
      assert.throws(() => tim.verifyWebhook({ url, token, sdkAppId: APP }), (e) => isBadInput(e) && /token/.test(e.info) && /insecureAllowUnsigned/.test(e.info), String(token));
    }
    assert.throws(() => tim.verifyWebhook({ url, token: TOKEN, insecureAllowUnsigned: true, sdkAppId: APP }), isBadInput, 'token and the opt-out together');
    assert.throws(() => tim.verifyWebhook({ url, insecureAllowUnsigned: 'yes', sdkAppId: APP }), isBadInput, 'opt-out not a boolean');
  });

  test('insecureAllowUnsigned: true: only SdkAppid is checked', () => {
    const r = tim.verifyWebhook({ url: `${BASE}?${query({ Sign: undefined, RequestTime: undefined, CallbackCommand: 'State.StateChange', OptPlatform: 'IOS' })}`, sdkAppId: APP, insecureAllowUnsigned: true });
    assert.deepEqual(r, { ok: true, kind: 'after', command: 'State.StateChange', sdkAppId: APP, clientIp: '127.0.0.1', platform: 'IOS', requestTime: null });
    assert.deepEqual(tim.verifyWebhook({ url: `${BASE}?${query({ SdkAppid: '1' })}`, sdkAppId: APP, insecureAllowUnsigned: true }), { ok: false, reason: 'sdkappid-mismatch' });
  });

  test('bad configuration throws bad-input without echoing the token', () => {
    const secret = 'do-not-print-me';
    for (const [o, hint] of [
      [{ url: BASE, token: '', sdkAppId: APP }, 'empty token'],
      [{ url: BASE, token: secret, sdkAppId: 0 }, 'sdkAppId 0'],
      [{ url: BASE, token: secret, sdkAppId: APP, toleranceSec: 3601 }, 'tolerance over an hour'],
      [{ url: BASE, token: 42, sdkAppId: APP }, 'token not a string'],
      [{ token: secret, sdkAppId: APP }, 'no url'],
    ]) {
      const e = assert.throws(() => tim.verifyWebhook(o), isBadInput, hint);
      assert.ok(!String(e.message).includes(secret) && !String(e.info).includes(secret), `${hint}: token not echoed`);
    }
    assert.throws(() => tim.verifyWebhook(null), isBadInput);
  });

  // ---- WebhookReply ----
  test('every reply form is the exact JSON Tencent documents', () => {
    const R = tim.WebhookReply;
    const cases = [
      [R.allow(), ALLOW],
      [R.reject(), '{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}'],
      [R.reject(120001, 'links are not allowed'), '{"ActionStatus":"OK","ErrorCode":120001,"ErrorInfo":"links are not allowed"}'],
      [R.reject(10150, 'full'), '{"ActionStatus":"OK","ErrorCode":10150,"ErrorInfo":"full"}'],
      [R.drop(), '{"ActionStatus":"OK","ErrorCode":2,"ErrorInfo":""}'],
      [R.modify({ CloudCustomData: 'x' }), '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","CloudCustomData":"x"}'],
      [R.friend([{ To_Account: 'id1', ResultCode: 0 }, { To_Account: 'id2', ResultCode: 38001, ResultInfo: 'no' }]),
        '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},{"To_Account":"id2","ResultCode":38001,"ResultInfo":"no"}]}'],
      [R.refuseMembers(['jared']), '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","RefusedMembers_Account":["jared"]}'],
    ];
    for (const [reply, json] of cases) {
      assert.ok(reply instanceof R);
      assert.equal(reply.body, json);
      assert.deepEqual(reply.toJSON(), JSON.parse(json));
    }
    const m = R.modify({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }], CloudCustomData: 'cd' });
    assert.deepEqual(m.toJSON(), { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }], CloudCustomData: 'cd' });
  });

  test('reply inputs outside the documented ranges throw bad-input', () => {
    const R = tim.WebhookReply;
    for (const code of [0, 2, 10099, 10201, 120000, 130001, 1.5, '120001']) assert.throws(() => R.reject(code), isBadInput, `code ${code}`);
    assert.throws(() => R.reject(1, 7), isBadInput, 'info not a string');
    assert.throws(() => R.modify({}), isBadInput, 'nothing to modify');
    assert.throws(() => R.modify({ MsgBody: [] }), isBadInput, 'empty MsgBody');
    assert.throws(() => R.modify({ MsgBody: [{ MsgType: 'TIMTextElem' }] }), isBadInput, 'element without MsgContent');
    assert.throws(() => R.modify(null), isBadInput);
    assert.throws(() => R.friend([{ To_Account: 'a', ResultCode: 1 }]), isBadInput, 'friend code outside [38000, 39000]');
    assert.throws(() => R.friend([]), isBadInput);
    assert.throws(() => R.refuseMembers(['ok', 3]), isBadInput);
    assert.throws(() => new R(), isBadInput, 'constructor is private');
  });

  // ---- createWebhookHandler ----
  test('handler: before-send moderation modifies the message', async () => {
    let seen;
    const h = handler({
      on: {
        'C2C.CallbackBeforeSendMsg': async (event) => {
          seen = event;
          const text = event.body.MsgBody[0].MsgContent.Text;
          return tim.WebhookReply.modify({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text.replace('red', '***') } }] });
        },
      },
    });
    const res = await h(post(query(), c2cBody()));
    await expectJson(res, 200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '*** packet' } }] });
    assert.equal(seen.command, 'C2C.CallbackBeforeSendMsg');
    assert.equal(seen.kind, 'before');
    assert.equal(seen.sdkAppId, APP);
    assert.equal(seen.clientIp, '127.0.0.1');
    assert.equal(seen.platform, 'iOS');
    assert.equal(seen.requestTime, TIME);
    assert.deepEqual(seen.body, c2cBody());
    assert.ok(seen.request instanceof Request);
  });

  test('handler: reject, drop and undefined (allow) answers', async () => {
    for (const [reply, json] of [
      [() => tim.WebhookReply.reject(120002, 'spam'), '{"ActionStatus":"OK","ErrorCode":120002,"ErrorInfo":"spam"}'],
      [() => tim.WebhookReply.drop(), '{"ActionStatus":"OK","ErrorCode":2,"ErrorInfo":""}'],
      [() => undefined, ALLOW],
    ]) {
      const res = await handler({ on: { 'C2C.CallbackBeforeSendMsg': reply } })(post(query(), c2cBody()));
      await expectJson(res, 200, json);
    }
  });

  test('handler: bad signature 401, missing params 400, stale 401, mismatch 401; user code never runs', async () => {
    let calls = 0;
    const h = handler({ on: { '*': () => { calls++; } } });
    for (const [q, status, reason] of [
      [query({ Sign: SIGN.replace(/^1/, '2') }), 401, 'bad-signature'],
      [query({ Sign: undefined }), 400, 'missing-params'],
      [query({ SdkAppid: '1400000001' }), 401, 'sdkappid-mismatch'],
    ]) {
      await expectJson(await h(post(q, c2cBody())), status, refusal(reason), reason);
    }
    const late = handler({ now: () => TIME + 61, on: { '*': () => { calls++; } } });
    await expectJson(await late(post(query(), c2cBody())), 401, refusal('stale'));
    assert.equal(calls, 0);
  });

  test('handler: oversized bodies get 413, by Content-Length and by counting a stream', async () => {
    let calls = 0;
    const h = handler({ maxBodyBytes: 1024, on: { '*': () => { calls++; } } });
    const big = JSON.stringify(c2cBody({ CloudCustomData: 'x'.repeat(2000) }));
    await expectJson(await h(post(query(), big)), 413, refusal('body-too-large'), 'declared length');
    const chunk = new TextEncoder().encode('{"a":"' + 'y'.repeat(600));
    await expectJson(await h(streamed(query(), [chunk, chunk, chunk])), 413, refusal('body-too-large'), 'streamed, no length');
    // Exactly at the cap is fine.
    const exact = JSON.stringify({ CallbackCommand: 'C2C.CallbackBeforeSendMsg', pad: '' });
    const padded = exact.replace('"pad":""', `"pad":"${'z'.repeat(1024 - exact.length)}"`);
    assert.equal(new TextEncoder().encode(padded).length, 1024);
    await expectJson(await h(post(query(), padded)), 200, ALLOW, 'exactly maxBodyBytes');
    assert.equal(calls, 1, 'only the body within the cap reached user code');
  });

  test('handler: malformed bodies get 400 and never reach user code', async () => {
    let calls = 0;
    const h = handler({ on: { '*': () => { calls++; } } });
    for (const [body, hint] of [
      ['{"CallbackCommand":', 'truncated JSON'],
      ['[1,2]', 'JSON array'],
      ['null', 'JSON null'],
      ['', 'empty'],
      [new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), 'invalid UTF-8'],
    ]) {
      await expectJson(await h(post(query(), body)), 400, refusal('body-not-json-object'), hint);
    }
    await expectJson(await h(post(query(), c2cBody({ CallbackCommand: 'Group.CallbackBeforeSendMsg' }))), 400, refusal('command-mismatch'));
    assert.equal(calls, 0);
    const get = await h(new Request(`${BASE}?${query()}`));
    await expectJson(get, 405, refusal('method-not-allowed'));
    assert.equal(get.headers.get('allow'), 'POST');
  });

  test('handler: a slow before-handler gets the fallback reply', async () => {
    const errors = [];
    const never = () => new Promise(() => {});
    const dflt = handler({ timeoutMs: 30, on: { 'C2C.CallbackBeforeSendMsg': never }, onError: (e) => errors.push(e) });
    await expectJson(await dflt(post(query(), c2cBody())), 200, ALLOW, 'default fallback allows');
    const strict = handler({ timeoutMs: 30, fallback: tim.WebhookReply.drop(), on: { 'C2C.CallbackBeforeSendMsg': never } });
    await expectJson(await strict(post(query(), c2cBody())), 200, '{"ActionStatus":"OK","ErrorCode":2,"ErrorInfo":""}', 'configured fallback');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /took longer than 30 ms/);
  });

  test('handler: a throwing or wrong-typed handler gets the fallback, and the error stays private', async () => {
    const errors = [];
    const h = handler({
      fallback: tim.WebhookReply.reject(),
      onError: (e) => errors.push(e),
      on: {
        'C2C.CallbackBeforeSendMsg': () => { throw new Error('secret db password in stack'); },
        'Group.CallbackBeforeSendMsg': () => ({ ErrorCode: 0 }),
      },
    });
    const res = await h(post(query(), c2cBody()));
    const text = await res.clone().text();
    assert.ok(!text.includes('secret'), 'error text not in the answer');
    await expectJson(res, 200, '{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}');
    const g = await h(post(query({ CallbackCommand: 'Group.CallbackBeforeSendMsg' }), { CallbackCommand: 'Group.CallbackBeforeSendMsg' }));
    await expectJson(g, 200, '{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}');
    assert.equal(errors.length, 2);
    assert.equal(errors[0].message, 'secret db password in stack');
    assert.ok(errors[1] instanceof TypeError);
  });

  test('handler: after-callbacks are answered at once; the handler still runs, its errors swallowed', async () => {
    let release;
    const gate = new Promise((r) => { release = r; });
    let finished = false;
    const errors = [];
    const waited = [];
    const ctx = { waitUntil: (p) => waited.push(p) };
    const h = handler({
      onError: (e) => errors.push(e),
      on: {
        'C2C.CallbackAfterSendMsg': async () => { await gate; finished = true; return tim.WebhookReply.reject(); },
        'State.StateChange': async () => { throw new Error('after-handler failure'); },
      },
    });
    const q = query({ CallbackCommand: 'C2C.CallbackAfterSendMsg' });
    const res = await h(post(q, c2cBody({ CallbackCommand: 'C2C.CallbackAfterSendMsg', SendMsgResult: 0 })), {}, ctx);
    await expectJson(res, 200, ALLOW, 'answered before the handler finished, whatever it returns');
    assert.equal(finished, false);
    assert.equal(waited.length, 1, 'the Workers ctx.waitUntil got the pending work');
    release();
    await waited[0];
    assert.equal(finished, true);
    const s = await h(post(query({ CallbackCommand: 'State.StateChange', OptPlatform: 'IOS' }), { CallbackCommand: 'State.StateChange', Info: { Action: 'Login', To_Account: 'u', Reason: 'Register' } }), {}, ctx);
    await expectJson(s, 200, ALLOW, 'a failing after-handler still gets OK');
    assert.equal(waited.length, 2);
    await waited[1];
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, 'after-handler failure');
  });

  test('handler: unknown commands go to on["*"], or are allowed', async () => {
    const q = query({ CallbackCommand: 'Future.CallbackBeforeSomething' });
    const seen = [];
    const h = handler({ on: { '*': (e) => { seen.push([e.command, e.kind]); return tim.WebhookReply.reject(); } } });
    await expectJson(await h(post(q, { CallbackCommand: 'Future.CallbackBeforeSomething' })), 200, '{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}');
    assert.deepEqual(seen, [['Future.CallbackBeforeSomething', null]]);
    const bare = handler({ on: {} });
    await expectJson(await bare(post(q, { CallbackCommand: 'Future.CallbackBeforeSomething' })), 200, ALLOW);
    // Inherited property names are not handlers.
    const proto = await bare(post(query({ CallbackCommand: 'Object.constructor' }), { CallbackCommand: 'Object.constructor' }));
    await expectJson(proto, 200, ALLOW);
  });

  test('handler: created without a token it throws (the README pattern with an unset secret); no handler ever sees an unsigned callback', async () => {
    const env = {}; // TIM_CALLBACK_TOKEN not set
    for (const token of [env.TIM_CALLBACK_TOKEN, null, '']) {
      assert.throws(() => tim.createWebhookHandler({ sdkAppId: APP, token, on: {} }), (e) => isBadInput(e) && /token/.test(e.info), String(token));
    }
  });

  test('handler: the body must name the URL\'s command, also when it names none', async () => {
    let called = 0;
    const h = handler({ on: { '*': () => { called++; } } });
    const q = query({ CallbackCommand: 'State.StateChange' });
    await expectJson(await h(post(q, { Info: {} })), 400, refusal('command-mismatch'));
    await expectJson(await h(post(q, { CallbackCommand: 'C2C.CallbackBeforeSendMsg' })), 400, refusal('command-mismatch'));
    assert.equal(called, 0);
  });

  test('handler: insecureAllowUnsigned: true checks only SdkAppid', async () => {
    const h = tim.createWebhookHandler({ sdkAppId: APP, insecureAllowUnsigned: true, on: { 'Group.CallbackAfterNewMemberJoin': () => {} } });
    const q = query({ Sign: undefined, RequestTime: undefined, CallbackCommand: 'Group.CallbackAfterNewMemberJoin' });
    await expectJson(await h(post(q, { CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId: 'g', JoinType: 'Apply' })), 200, ALLOW);
    await expectJson(await h(post(query({ SdkAppid: '9', Sign: undefined, RequestTime: undefined }), {})), 401, refusal('sdkappid-mismatch'));
    assert.throws(() => tim.createWebhookHandler({ sdkAppId: APP, token: TOKEN, insecureAllowUnsigned: true }), isBadInput, 'token and the opt-out together');
  });

  test('createWebhookHandler refuses bad options up front', () => {
    for (const [o, hint] of [
      [{ sdkAppId: APP, token: '' }, 'empty token'],
      [{ sdkAppId: APP }, 'no token'],
      [{ sdkAppId: 'abc', token: TOKEN }, 'sdkAppId'],
      [{ sdkAppId: APP, token: TOKEN, on: { 'C2C.CallbackBeforeSendMsg': 'nope' } }, 'handler not a function'],
      [{ sdkAppId: APP, token: TOKEN, fallback: { ErrorCode: 0 } }, 'fallback not a WebhookReply'],
      [{ sdkAppId: APP, token: TOKEN, timeoutMs: 0 }, 'timeoutMs'],
      [{ sdkAppId: APP, token: TOKEN, maxBodyBytes: -1 }, 'maxBodyBytes'],
      [{ sdkAppId: APP, token: TOKEN, toleranceSec: 7200 }, 'toleranceSec'],
    ]) {
      assert.throws(() => tim.createWebhookHandler(o), isBadInput, hint);
    }
  });

  // ---- node:http adapter (Node runners only: the other runtimes serve Requests natively) ----
  if (String(env.runtime).startsWith('node')) {
    test('toNodeHandler serves the handler over node:http', async () => {
      const http = await import(['node', 'http'].join(':'));
      const h = handler({
        maxBodyBytes: 4096,
        on: { 'C2C.CallbackBeforeSendMsg': () => tim.WebhookReply.reject(120003, 'via node') },
      });
      const server = http.createServer(tim.toNodeHandler(h));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${server.address().port}/tim/callback?${query()}`;
        const signal = AbortSignal.timeout(5000);
        const ok = await fetch(url, { method: 'POST', body: JSON.stringify(c2cBody()), signal });
        await expectJson(ok, 200, '{"ActionStatus":"OK","ErrorCode":120003,"ErrorInfo":"via node"}');
        const big = await fetch(url, { method: 'POST', body: 'x'.repeat(5000), signal });
        await expectJson(big, 413, refusal('body-too-large'));
        const unsigned = await fetch(url.replace(SIGN, SIGN.replace(/^1/, '2')), { method: 'POST', body: '{}', signal });
        await expectJson(unsigned, 401, refusal('bad-signature'));
      } finally {
        server.closeAllConnections?.();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  }
}
