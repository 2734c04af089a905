// Secret hygiene: drive every failure path the other suites use (API errors that echo the key and
// the UserSig, HTTP errors, garbage and oversized bodies, hangs, aborts, refused and dropped
// connections, a fetch failing with the URL in its message, bad input, UserSig verify failures,
// webhook refusals 400/401/405/413 and handler failures) with a recognisable key, the admin
// UserSig and a recognisable webhook token, and check that none of them (raw, percent-encoded,
// JSON-escaped, or a 32-character slice) appears anywhere a user could see it: any error's
// message, own properties (walked, `cause` included), String(), JSON.stringify(), stack; results
// and Response bodies and headers; and everything written to console.* while the test ran.

const ADMIN_SIG_LIFETIME = 2 * 86400;
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'];

function randomHex(n) {
  const b = new Uint8Array(n);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// RFC 3986 encoding of everything but unreserved characters (what the SDK writes into URLs).
const strict = (s) => s.replace(/[^A-Za-z0-9\-_.~]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => '%' + x.charCodeAt(0).toString(16).toUpperCase()));

// Every string reachable from `value`: own properties (enumerable or not, symbols too) walked to
// a bounded depth, plus String(), JSON.stringify() and the stack of objects.
function texts(value, label) {
  const out = [];
  const seen = new Set();
  const visit = (v, path, depth) => {
    if (typeof v === 'string') return void out.push([path, v]);
    if (v === undefined || v === null) return;
    if (typeof v !== 'object' && typeof v !== 'function') return void out.push([path, String(v)]);
    if (seen.has(v) || depth > 8) return;
    seen.add(v);
    try {
      out.push([`String(${path})`, String(v)]);
    } catch { /* objects without a string form */ }
    try {
      out.push([`JSON(${path})`, JSON.stringify(v) ?? '']);
    } catch { /* cycles, BigInt */ }
    if (typeof v.stack === 'string') out.push([`${path}.stack`, v.stack]);
    for (const k of Reflect.ownKeys(v)) {
      let child;
      try {
        child = v[k];
      } catch {
        continue;
      }
      if (typeof child === 'function') continue;
      visit(child, `${path}.${String(k)}`, depth + 1);
    }
  };
  visit(value, label, 0);
  return out;
}

export default function register(test, tim, env) {
  const { assert } = env;
  const APP = 1400000000 + Math.floor(Math.random() * 1e8);
  // Recognisable, and with characters that change under percent-encoding (no quote: the stand-in
  // pastes the key into JSON text as it is).
  const KEY = `SECRET-KEY+/=&?${randomHex(24)}`;
  const TOKEN = `SECRET-TOKEN+/=&?${randomHex(16)}`;
  const nowS = () => Math.floor(Date.now() / 1000);
  let checks = 0;
  let textsSeen = 0;

  // The admin UserSig a client signs at second `time`, computed here (the setup test checks it
  // against what the stand-in received).
  const adminSig = (time) => tim.generateUserSig({ sdkAppId: APP, key: KEY, userId: 'administrator', time, expire: ADMIN_SIG_LIFETIME });

  function needlesFor(secrets) {
    const out = [];
    for (const [name, s] of secrets) {
      const forms = new Set([s, encodeURIComponent(s), strict(s), JSON.stringify(s).slice(1, -1), s.slice(8, 40), strict(s).slice(8, 40)]);
      for (const f of forms) if (f.length >= 8) out.push([name, f]);
    }
    return out;
  }

  function assertClean(value, label, needles) {
    const found = texts(value, label);
    textsSeen += found.length;
    for (const [where, text] of found) {
      for (const [name, n] of needles) {
        checks++;
        if (text.includes(n)) assert.fail(`the ${name} appears in ${where}: ${text.slice(0, 300)}`);
      }
    }
  }

  // Runs `fn(check)` with console.* recorded (not printed). `check(value, label)` queues a value;
  // at the end every queued value and every console line is searched for the key, the token and
  // every admin UserSig a client could have signed while the test ran (one per second).
  const t = (name, fn) => test(name, async () => {
    const lines = [];
    const queued = [];
    const check = (value, label) => {
      assert.ok(value !== undefined && value !== null, `${label}: nothing to check`);
      queued.push([value, label]);
      return value;
    };
    const saved = METHODS.map((m) => [m, console[m]]);
    const from = nowS() - 1;
    for (const m of METHODS) console[m] = (...args) => void lines.push({ method: m, args });
    try {
      await fn(check);
    } finally {
      for (const [m, f] of saved) console[m] = f;
    }
    const secrets = [['key', KEY], ['webhook token', TOKEN]];
    for (let s = from; s <= nowS() + 1; s++) secrets.push([`admin UserSig signed at ${s}`, adminSig(s)]);
    const needles = needlesFor(secrets);
    for (const [value, label] of queued) assertClean(value, label, needles);
    assertClean(lines, 'console', needles);
  });

  const client = (baseUrl, opts = {}) => new tim.TimClient({ sdkAppId: APP, key: KEY, baseUrl, maxRetries: 0, ...opts });
  const scenario = (answers, fallback) => env.scenario(answers, { sdkAppId: APP, key: KEY, ...(fallback ? { fallback } : {}) });
  async function failure(check, promise, kind, label) {
    const e = await assert.rejects(promise, (err) => err instanceof tim.TimError, label);
    assert.equal(e.kind, kind, `${label}: kind (${e.message})`);
    return check(e, label);
  }

  t('setup: the admin UserSig the stand-in received is the one computed here', async () => {
    const sc = await scenario([{ ok: {} }]);
    await client(sc.baseUrl).call('tim_edge_test', 'ok');
    const [r] = await sc.requests();
    assert.deepEqual(r.verdict.problems, [], 'the stand-in verified the request with the key');
    assert.equal(r.usersig, adminSig(r.sigDoc['TLS.time']));
  });

  const ECHO = 'key={{key}} usersig={{usersig}} url=/v4/x?usersig={{usersig}}&identifier=administrator';
  const answers = {
    'API error echoing the key and UserSig in ErrorInfo': [{ apiError: { ErrorCode: 90001, ErrorInfo: ECHO } }, 'api'],
    'retryable API error echoing them, retried then given up': [{ apiError: { ErrorCode: 70500, ErrorInfo: ECHO } }, 'api', { maxRetries: 1 }],
    'HTTP 502 page echoing them': [{ status: 502, body: `<html>${ECHO}</html>`, contentType: 'text/html' }, 'bad-response'],
    'HTTP 404': [{ status: 404, body: ECHO }, 'bad-response'],
    'garbage body echoing them': [{ garbage: `<html>${ECHO}</html>` }, 'bad-response'],
    'JSON without ActionStatus echoing them': [{ json: { ErrorInfo: ECHO } }, 'bad-response'],
    'JSON that is not an object': [{ json: [ECHO] }, 'bad-response'],
    'an answer over maxResponseBytes': [{ status: 200, body: ECHO.repeat(40), contentType: 'application/json' }, 'bad-response', { maxResponseBytes: 1000 }],
    'a dropped connection': [{ drop: true }, 'network'],
    'a hang past timeoutMs': [{ hang: true, maxMs: 3000 }, 'timeout', { timeoutMs: 150 }],
  };
  for (const [name, [answer, kind, opts]] of Object.entries(answers)) {
    t(`client: ${name}`, async (check) => {
      const sc = await scenario([], answer);
      await failure(check, client(sc.baseUrl, opts).call('tim_edge_test', 'fail', { To_Account: 'bob' }), kind, name);
      const reqs = await sc.requests();
      assert.ok(reqs.length >= 1, 'the request reached the stand-in');
      for (const r of reqs) assert.equal(r.usersig, adminSig(r.sigDoc['TLS.time']), 'the UserSig looked for is the one sent');
    });
  }

  t('client: aborts (in flight, while waiting to retry, before sending) and refused connections', async (check) => {
    const sc = await scenario([], { hang: true, maxMs: 3000 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 100);
    await failure(check, client(sc.baseUrl).call('tim_edge_test', 'abort', {}, { signal: ctrl.signal }), 'aborted', 'aborted in flight');
    const retrying = await scenario([], { status: 503, body: ECHO });
    const ctrl2 = new AbortController();
    setTimeout(() => ctrl2.abort(), 150);
    await failure(check, client(retrying.baseUrl, { maxRetries: 5 }).call('group_open_http_svc', 'get_appid_group_list', {}, { signal: ctrl2.signal }), 'aborted', 'aborted while waiting');
    const done = new AbortController();
    done.abort();
    await failure(check, client(sc.baseUrl).call('tim_edge_test', 'abort', {}, { signal: done.signal }), 'aborted', 'aborted before sending');
    await failure(check, client(env.refusedUrl).call('tim_edge_test', 'refused'), 'network', 'refused');
    await failure(check, client(env.refusedUrl, { maxRetries: 2 }).call('group_open_http_svc', 'get_appid_group_list', {}), 'network', 'refused, retried');
  });

  t('client: a fetch that fails with the signed URL in its message and cause', async (check) => {
    let seenUrl = '';
    const throwing = async (url) => {
      seenUrl = url;
      throw new TypeError(`fetch failed for ${url}`, { cause: new Error(`connect ECONNRESET ${url}`) });
    };
    await failure(check, client('https://tim.example', { fetch: throwing }).call('tim_edge_test', 'x'), 'network', 'fetch rejects');
    assert.ok(seenUrl.includes('usersig='), 'the fetch saw the signed URL');
    const sent = decodeURIComponent(/usersig=([^&]+)/.exec(seenUrl)[1]);
    assert.equal(sent, adminSig(tim.decodeUserSig(sent).time), 'the UserSig looked for is the one sent');
    const syncThrow = (url) => {
      throw new Error(`synchronous failure ${url}`);
    };
    await failure(check, client('https://tim.example', { fetch: syncThrow }).call('tim_edge_test', 'x'), 'network', 'fetch throws');
    const echoing = async (url) => new Response(`<html>${url} ${KEY}</html>`, { status: 200 });
    await failure(check, client('https://tim.example', { fetch: echoing }).call('tim_edge_test', 'x'), 'bad-response', 'fetch answers the URL');
    const api = async (url) => new Response(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 70003, ErrorInfo: `bad sig in ${url}` }), { status: 200 });
    await failure(check, client('https://tim.example', { fetch: api }).call('tim_edge_test', 'x'), 'api', 'ErrorInfo with the whole URL');
    const badStream = async () => new Response(new ReadableStream({ pull(c) { c.error(new Error(`stream broke ${seenUrl}`)); } }), { status: 200 });
    await failure(check, client('https://tim.example', { fetch: badStream }).call('tim_edge_test', 'x'), 'network', 'body stream errors');
    await failure(check, client('https://tim.example', { fetch: () => 'not a Response' }).call('tim_edge_test', 'x'), 'bad-input', 'fetch returns no Response');
  });

  const badClients = {
    'sdkAppId 0': { sdkAppId: 0 },
    'adminId too long': { adminId: 'a'.repeat(40) },
    'baseUrl with credentials': { baseUrl: 'https://user:pass@tim.example' },
    'plain-http remote baseUrl': { baseUrl: 'http://tim.example' },
    'timeoutMs out of range': { timeoutMs: 0 },
    'maxResponseBytes out of range': { maxResponseBytes: -1 },
    'fetch not a function': { fetch: 1 },
  };
  t('bad input: client options, calls and buildRequest with the key configured', async (check) => {
    for (const [name, opts] of Object.entries(badClients)) {
      const e = assert.throws(() => client('https://tim.example', opts), (err) => err instanceof tim.TimError, name);
      assert.equal(e.kind, 'bad-input', name);
      check(e, name);
    }
    const c = client('https://tim.example', { fetch: async () => { throw new Error('must not be called'); } });
    await failure(check, c.call('a/b', 'x'), 'bad-input', 'servicename');
    await failure(check, c.call('tim_edge_test', 'x', [1]), 'bad-input', 'array body');
    await failure(check, c.call('tim_edge_test', 'x', { n: 1n }), 'bad-input', 'BigInt body');
    await failure(check, c.account.importAccounts({ AccountList: Array(101).fill('u') }), 'bad-input', 'batch over the limit');
    await failure(check, c.group.getAppidGroupList({ Limit: 10001 }), 'bad-input', 'page size');
    const e = assert.throws(() => c.buildRequest('a b', 'x'), (err) => err instanceof tim.TimError);
    check(e, 'buildRequest');
  });

  t('UserSig: generate errors and verify failures with the key and the admin UserSig', (check) => {
    const admin = adminSig(nowS());
    const gen = { sdkAppId: APP, key: KEY, userId: 'u' };
    for (const [name, over] of Object.entries({ 'long userId': { userId: 'x'.repeat(33) }, 'expire 0': { expire: 0 }, 'sdkAppId 0': { sdkAppId: 0 }, 'userId not a string': { userId: 7 } })) {
      const e = assert.throws(() => tim.generateUserSig({ ...gen, ...over }), (err) => err instanceof tim.TimError, name);
      check(e, `generateUserSig ${name}`);
    }
    const e = assert.throws(() => tim.generatePrivateMapKey({ ...gen, roomStr: 'r'.repeat(65), privilegeMap: 255 }), (err) => err instanceof tim.TimError);
    check(e, 'generatePrivateMapKey');
    const time = tim.decodeUserSig(admin).time;
    const verify = (over) => tim.verifyUserSig({ sdkAppId: APP, key: KEY, userId: 'administrator', userSig: admin, now: time + 1, ...over });
    assert.equal(verify({}).ok, true, 'the admin UserSig verifies with the key');
    const tampered = admin.slice(0, 60) + (admin[60] === 'A' ? 'B' : 'A') + admin.slice(61);
    const failures = {
      'another key': [{ key: `${KEY}x` }, 'bad-signature'],
      'another user': [{ userId: 'alice' }, 'identifier-mismatch'],
      'another app': [{ sdkAppId: APP + 1 }, 'sdkappid-mismatch'],
      expired: [{ now: time + ADMIN_SIG_LIFETIME + 1 }, 'expired'],
      tampered: [{ userSig: tampered }, undefined],
      'cut short': [{ userSig: admin.slice(0, 100) }, 'malformed'],
    };
    for (const [name, [over, reason]] of Object.entries(failures)) {
      const r = verify(over);
      assert.equal(r.ok, false, name);
      if (reason) assert.equal(r.reason, reason, name);
      check(r, `verifyUserSig ${name}`);
    }
    for (const [name, bad] of Object.entries({ 'cut short': admin.slice(0, 100), 'not base64': `${admin}!!`, 'too long': admin.repeat(40) })) {
      const err = assert.throws(() => tim.decodeUserSig(bad), (x) => x instanceof tim.TimError, name);
      check(err, `decodeUserSig ${name}`);
    }
    const badKey = assert.throws(() => verify({ key: '' }), (x) => x instanceof tim.TimError);
    check(badKey, 'verifyUserSig empty key');
  });

  t('webhooks: refusals 400/401/405/413, handler failures and bad configuration, with the token', async (check) => {
    const NOW = 1700000000;
    const reported = [];
    const h = tim.createWebhookHandler({
      sdkAppId: 888888,
      token: TOKEN,
      now: () => NOW,
      timeoutMs: 100,
      maxBodyBytes: 512,
      onError: (err, event) => reported.push({ err, event }),
      on: {
        'C2C.CallbackBeforeSendMsg': () => {
          throw new Error('handler failed');
        },
        'Group.CallbackBeforeSendMsg': () => new Promise(() => {}),
        'Sns.CallbackPrevFriendAdd': () => 'not a reply',
      },
    });
    const sign = async (time) => {
      const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(TOKEN + time));
      return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
    };
    const url = async (command, { time = NOW, app = 888888, sig } = {}) =>
      `https://hooks.example/tim?SdkAppid=${app}&CallbackCommand=${command}&contenttype=json&ClientIP=1.2.3.4&OptPlatform=RESTAPI&RequestTime=${time}&Sign=${sig ?? (await sign(time))}`;
    const body = (command) => JSON.stringify({ CallbackCommand: command, From_Account: 'a', To_Account: 'b', MsgBody: [] });
    const cases = [
      ['missing params', 400, 'https://hooks.example/tim?SdkAppid=888888', body('C2C.CallbackBeforeSendMsg')],
      ['bad signature', 401, await url('C2C.CallbackBeforeSendMsg', { sig: 'ab'.repeat(32) }), body('C2C.CallbackBeforeSendMsg')],
      ['stale', 401, await url('C2C.CallbackBeforeSendMsg', { time: NOW - 3600 }), body('C2C.CallbackBeforeSendMsg')],
      ['wrong SdkAppid', 401, await url('C2C.CallbackBeforeSendMsg', { app: 1 }), body('C2C.CallbackBeforeSendMsg')],
      ['too large', 413, await url('C2C.CallbackBeforeSendMsg'), `{"x":"${TOKEN.repeat(40)}"}`],
      ['not JSON', 400, await url('C2C.CallbackBeforeSendMsg'), `not json ${TOKEN}`],
      ['command mismatch', 400, await url('C2C.CallbackBeforeSendMsg'), body('Group.CallbackBeforeSendMsg')],
      ['handler throws', 200, await url('C2C.CallbackBeforeSendMsg'), body('C2C.CallbackBeforeSendMsg')],
      ['handler times out', 200, await url('Group.CallbackBeforeSendMsg'), body('Group.CallbackBeforeSendMsg')],
      ['handler answers junk', 200, await url('Sns.CallbackPrevFriendAdd'), body('Sns.CallbackPrevFriendAdd')],
    ];
    for (const [name, status, u, b] of cases) {
      const res = await h(new Request(u, { method: 'POST', body: b }));
      assert.equal(res.status, status, name);
      const text = await res.text();
      check({ status: res.status, text, headers: [...res.headers] }, `webhook ${name}`);
      const v = tim.verifyWebhook({ url: u, token: TOKEN, sdkAppId: 888888, now: NOW });
      check(v, `verifyWebhook ${name}`);
    }
    const get = await h(new Request(await url('C2C.CallbackBeforeSendMsg'), { method: 'GET' }));
    assert.equal(get.status, 405);
    check({ text: await get.text(), headers: [...get.headers] }, 'webhook GET');
    assert.equal(reported.length, 3, 'onError saw the three handler failures');
    check(reported.map((r) => r.err), 'onError errors');
    for (const [name, opts] of Object.entries({ 'toleranceSec too large': { toleranceSec: 7200 }, 'token too long': { token: TOKEN.repeat(100) }, 'sdkAppId 0': { sdkAppId: 0 } })) {
      const e = assert.throws(() => tim.createWebhookHandler({ sdkAppId: 888888, token: TOKEN, ...opts }), (x) => x instanceof tim.TimError, name);
      check(e, `createWebhookHandler ${name}`);
      const v = assert.throws(() => tim.verifyWebhook({ url: 'https://x/?a=1', sdkAppId: 888888, token: TOKEN, ...opts }), (x) => x instanceof tim.TimError, name);
      check(v, `verifyWebhook ${name}`);
    }
  });

  test('the checks ran: every secret form was looked for in every text', () => {
    assert.ok(textsSeen > 500 && checks > 10000, `only ${checks} comparisons in ${textsSeen} texts`);
    console.log(`secrets: ${checks} comparisons over ${textsSeen} texts (${env.runtime})`);
  });
}
