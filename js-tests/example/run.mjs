// The `example` row of run.mjs: the example Worker as deployed, with real-mode settings, under
// `wrangler dev`. Tencent is played by the installed package's `tim-edge emulator` (TIM_BASE_URL),
// an identity provider by a JWKS server; both on 127.0.0.1. Each scenario is one wrangler dev
// with its own .dev.vars (in a scratch copy of wrangler.toml pointing at this checkout's example).
//
// Oracles: tokens are made with node:crypto (jwt.mjs), not jose; UserSigs are checked with the
// package's verifyUserSig and against the official tls-sig-api-v2 (decoded with node:zlib);
// callbacks are signed per Tencent's formula with node:crypto.
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assert, createRegistry, formatResult } from '../harness.mjs';
import { reportAndExit } from '../runners/common.mjs';
import { nodeOracle } from '../runners/node-oracle.mjs';
import { startWranglerDev } from '../server/wrangler-dev.mjs';
import { freePort } from '../server/free-port.mjs';
import { ensureExampleDeps } from './deps.mjs';
import { hs256, unsecured, keyPairs, rs256, es256 } from './jwt.mjs';
import { startEmulatorCli, startJwksServer } from './servers.mjs';

const config = JSON.parse(process.argv[2]);
const root = dirname(config.jsTestsDir);
const tim = await import('tim-edge'); // the packed package, from the scratch project
const oracle = nodeOracle(config.jsTestsDir);

// Secrets of this run: random, so a leak into the log is recognisable.
const APP = randomInt(1400000000, 1600000000);
const KEY = randomBytes(32).toString('hex');
const ADMIN_TOKEN = randomBytes(32).toString('hex');
const JWT_SECRET = randomBytes(32).toString('base64url');
const CALLBACK_TOKEN = randomBytes(16).toString('hex');
const ISS = 'https://id.example.test/';
const AUD = 'tim-edge-example';
const now = () => Math.floor(Date.now() / 1000);
const claims = (over = {}) => ({ iss: ISS, aud: AUD, sub: 'alice', iat: now(), exp: now() + 300, ...over });
const leaks = new Set([KEY, ADMIN_TOKEN, JWT_SECRET, CALLBACK_TOKEN]); // plus every token and UserSig used

// ---- talking to the Worker ----

async function call(base, path, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path} answered ${res.status} with non-JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, json };
}

const bearer = (token) => {
  leaks.add(token);
  return { authorization: `Bearer ${token}` };
};
const usersig = (base, token, query = '') => call(base, `/usersig${query}`, { headers: token ? bearer(token) : {} });
const admin = (base, path, body, headers = bearer(ADMIN_TOKEN)) => call(base, `/admin/${path}`, { method: 'POST', headers, body });

function expectStatus(r, status, kind) {
  assert.equal(r.status, status, JSON.stringify(r.json));
  if (kind) assert.equal(r.json.error?.kind, kind, JSON.stringify(r.json));
  if (status === 401) assert.equal(r.headers.get('www-authenticate'), 'Bearer');
}

function expect401(r, code) {
  expectStatus(r, 401, 'unauthorized');
  if (code) assert.equal(r.json.error.code, code, JSON.stringify(r.json));
}

function expect503(r, setting) {
  expectStatus(r, 503, 'not-configured');
  assert.equal(r.json.error.setting, setting, JSON.stringify(r.json));
}

/** A UserSig's JSON document, read with node:zlib (independent of the package). */
function decodeWithNode(sig) {
  const b64 = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
}

// A UserSig the Worker issued: for `userId` only, `expire` seconds, and the very token the official
// package makes for the same user, key and time.
function checkUserSig(r, userId, expire) {
  assert.equal(r.status, 200, JSON.stringify(r.json));
  const j = r.json;
  leaks.add(j.userSig);
  assert.deepEqual([j.userId, j.expire, j.sdkAppId, j.demo], [userId, expire, APP, false]);
  const ok = tim.verifyUserSig({ sdkAppId: APP, key: KEY, userId, userSig: j.userSig });
  assert.equal(ok.ok, true, JSON.stringify(ok));
  const other = tim.verifyUserSig({ sdkAppId: APP, key: KEY, userId: `${userId}x`, userSig: j.userSig });
  assert.deepEqual(other, { ok: false, reason: 'identifier-mismatch' });
  const doc = decodeWithNode(j.userSig);
  const official = decodeWithNode(oracle.withNow(doc['TLS.time'], () => new oracle.Api(APP, KEY).genSig(userId, expire)));
  assert.deepEqual(doc, official);
}

// A Tencent callback to /tim/callback, signed as Tencent signs it: SHA-256(token + RequestTime).
function callback(base, token, text) {
  const time = String(now());
  const q = new URLSearchParams({
    SdkAppid: String(APP), CallbackCommand: 'C2C.CallbackBeforeSendMsg', contenttype: 'json', ClientIP: '127.0.0.1',
    OptPlatform: 'iOS', Sign: createHash('sha256').update(token + time).digest('hex'), RequestTime: time,
  });
  return call(base, `/tim/callback?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: {
      CallbackCommand: 'C2C.CallbackBeforeSendMsg', From_Account: 'bob', To_Account: 'alice', MsgSeq: 1, MsgRandom: 7,
      MsgTime: now(), MsgKey: '1_7_1', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    },
  });
}

// The Worker's log lines so far that contain `text` (wrangler prints them a moment after the answer).
async function logLines(w, text, atLeast = 1) {
  const deadline = Date.now() + 3000;
  let lines = [];
  while (Date.now() < deadline) {
    lines = w.log.join('').split('\n').filter((l) => l.includes(text));
    if (lines.length >= atLeast) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return lines;
}

// Each closed route: three requests, three 503s naming the setting, one log line.
function closedRouteTests(t, routes) {
  for (const [route, setting, request] of routes) {
    t(`${route} is 503 naming ${setting}, logged once`, async (w) => {
      for (let i = 0; i < 3; i++) expect503(await request(w.base), setting);
      const lines = await logLines(w, `${route} is closed`);
      assert.equal(lines.length, 1, `log lines for ${route}: ${JSON.stringify(lines)}`);
      assert.ok(lines[0].includes(setting), lines[0]);
    });
  }
}

const checkBody = { CheckItem: [{ UserID: 'alice' }] };
const accountStatus = (r) => r.json.ResultItem?.[0]?.AccountStatus;
const ALL_CLOSED = [
  ['/usersig', (b) => usersig(b, undefined, '?user=alice')],
  ['/admin', (b) => admin(b, 'im_open_login_svc/account_check', checkBody)],
  ['/tim/callback', (b) => callback(b, CALLBACK_TOKEN, 'hi')],
];

// ---- scenarios: the Worker's settings, and what must hold under them ----

const SCENARIOS = [
  {
    name: 'hs256',
    vars: (s) => ({
      TIM_SDKAPPID: APP, TIM_KEY: KEY, TIM_BASE_URL: s.emulator.url, TIM_JWT_SECRET: JWT_SECRET, TIM_JWT_ISSUER: ISS,
      TIM_JWT_AUDIENCE: AUD, TIM_USERSIG_TTL: 600, TIM_ADMIN_TOKEN: ADMIN_TOKEN,
      TIM_ADMIN_ALLOW: 'read, im_open_login_svc/account_import', TIM_CALLBACK_TOKEN: CALLBACK_TOKEN,
    }),
    tests(t) {
      const path = 'im_open_login_svc/account_check';
      t('/admin without Authorization is 401', async (w) => expect401(await admin(w.base, path, checkBody, {})));
      t('/admin with a wrong token of the same length is 401', async (w) =>
        expect401(await admin(w.base, path, checkBody, bearer(randomBytes(32).toString('hex')))));
      t('/admin with the token cut short, lengthened, bare or as Basic is 401', async (w) => {
        for (const authorization of [`Bearer ${ADMIN_TOKEN.slice(0, 32)}`, `Bearer ${ADMIN_TOKEN}0`, ADMIN_TOKEN, `Basic ${ADMIN_TOKEN}`]) {
          expect401(await admin(w.base, path, checkBody, { authorization }), undefined);
        }
      });
      t('/admin: an allowed write (listed by name) reaches the emulator', async (w) => {
        const r = await admin(w.base, 'im_open_login_svc/account_import', { UserID: 'alice', Nick: 'Alice' });
        assert.equal(r.status, 200, JSON.stringify(r.json));
        assert.deepEqual([r.json.ActionStatus, r.json.ErrorCode], ['OK', 0]);
      });
      t('/admin: an allowed read (class "read") sees the imported account', async (w) => {
        const r = await admin(w.base, path, checkBody);
        assert.equal(r.status, 200, JSON.stringify(r.json));
        assert.equal(accountStatus(r), 'Imported', JSON.stringify(r.json));
      });
      t('/admin: a write outside the allow-list is 403 and never reaches the emulator', async (w) => {
        const r = await admin(w.base, 'im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'alice' }] });
        expectStatus(r, 403, 'forbidden');
        assert.match(r.json.error.info, /account_delete is not in TIM_ADMIN_ALLOW/);
        assert.equal(accountStatus(await admin(w.base, path, checkBody)), 'Imported', 'alice is still there');
      });
      t('/admin: a command outside the endpoint table is 403', async (w) =>
        expectStatus(await admin(w.base, 'openim/no_such_command', {}), 403, 'forbidden'));
      t('/admin: without the token a forbidden call is 401 (the allow-list is not disclosed)', async (w) =>
        expect401(await admin(w.base, 'im_open_login_svc/account_delete', {}, {})));

      t('/usersig without a token is 401', async (w) => expect401(await usersig(w.base), 'no-token'));
      t('/usersig with an expired token is 401', async (w) =>
        expect401(await usersig(w.base, hs256(JWT_SECRET, claims({ iat: now() - 7200, exp: now() - 3600 }))), 'ERR_JWT_EXPIRED'));
      t('/usersig with a wrong signature is 401', async (w) =>
        expect401(await usersig(w.base, hs256(randomBytes(32), claims())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'));
      t('/usersig with a valid token whose payload was altered is 401', async (w) => {
        const [h, , s] = hs256(JWT_SECRET, claims()).split('.');
        const forged = `${h}.${Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url')}.${s}`;
        expect401(await usersig(w.base, forged), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      });
      t('/usersig with alg "none" is 401', async (w) => expect401(await usersig(w.base, unsecured(claims()))));
      t('/usersig with alg HS512 (not HS256) is 401', async (w) => {
        const [, p] = hs256(JWT_SECRET, claims()).split('.');
        const h = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
        const sig = createHmac('sha512', JWT_SECRET).update(`${h}.${p}`).digest('base64url');
        expect401(await usersig(w.base, `${h}.${p}.${sig}`), 'ERR_JOSE_ALG_NOT_ALLOWED');
      });
      t('/usersig with a token without exp is 401', async (w) =>
        expect401(await usersig(w.base, hs256(JWT_SECRET, claims({ exp: undefined }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED'));
      t('/usersig with a token not valid yet (nbf in an hour) is 401', async (w) =>
        expect401(await usersig(w.base, hs256(JWT_SECRET, claims({ nbf: now() + 3600 }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED'));
      t('/usersig with a wrong issuer or audience is 401', async (w) => {
        expect401(await usersig(w.base, hs256(JWT_SECRET, claims({ iss: 'https://evil.example.test/' }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
        expect401(await usersig(w.base, hs256(JWT_SECRET, claims({ aud: 'another-app' }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
      });
      t('/usersig with a valid HS256 token: a UserSig for its subject only, TIM_USERSIG_TTL long', async (w) =>
        checkUserSig(await usersig(w.base, hs256(JWT_SECRET, claims({ sub: 'alice' }))), 'alice', 600));
      t('/usersig takes the token from Cf-Access-Jwt-Assertion too', async (w) => {
        const token = hs256(JWT_SECRET, claims({ sub: 'carol' }));
        leaks.add(token);
        checkUserSig(await call(w.base, '/usersig', { headers: { 'cf-access-jwt-assertion': token } }), 'carol', 600);
      });
      t('/usersig refuses user= with a valid token (400)', async (w) => {
        const r = await usersig(w.base, hs256(JWT_SECRET, claims({ sub: 'alice' })), '?user=bob');
        expectStatus(r, 400, 'bad-input');
        assert.match(r.json.error.info, /user= is not accepted/);
      });
      t('/usersig with a subject that is no UserID (33 bytes) is 403', async (w) => {
        const r = await usersig(w.base, hs256(JWT_SECRET, claims({ sub: 'x'.repeat(33) })));
        expectStatus(r, 403, 'forbidden');
        assert.equal(r.json.error.code, 'bad-user-id');
      });

      t('/tim/callback signed with TIM_CALLBACK_TOKEN gets the moderation answer', async (w) => {
        const r = await callback(w.base, CALLBACK_TOKEN, 'see https://example.com');
        assert.equal(r.status, 200, JSON.stringify(r.json));
        assert.deepEqual(r.json, { ActionStatus: 'OK', ErrorCode: 120001, ErrorInfo: 'links are not allowed' });
      });
      t('/tim/callback signed with another token is 401', async (w) =>
        assert.equal((await callback(w.base, randomBytes(16).toString('hex'), 'hi')).status, 401));
    },
  },
  {
    name: 'jwks',
    // No admin or callback token: those routes must be closed, not open.
    vars: (s) => ({
      TIM_SDKAPPID: APP, TIM_KEY: KEY, TIM_BASE_URL: s.emulator.url, TIM_JWKS_URL: s.jwks.url, TIM_JWT_ISSUER: ISS,
      TIM_JWT_AUDIENCE: `another-app, ${AUD}`, TIM_JWT_CLAIM: 'tim_user',
    }),
    tests(t, s) {
      // Supabase and Cloudflare Access put a 36-character UUID in sub (longer than a UserID).
      const idp = (over = {}) => claims({ sub: randomUUID(), tim_user: 'dave', ...over });
      t('/usersig with a valid RS256 token from the JWKS: a UserSig for its tim_user claim', async (w) =>
        checkUserSig(await usersig(w.base, rs256(s.keys.rs256, idp())), 'dave', 86400));
      t('/usersig with a valid ES256 token from the JWKS', async (w) =>
        checkUserSig(await usersig(w.base, es256(s.keys.es256, idp({ tim_user: 'erin' }))), 'erin', 86400));
      t('/usersig with an RS256 token from a key not in the JWKS (same kid) is 401', async (w) => {
        const stranger = { ...keyPairs().rs256, kid: s.keys.rs256.kid };
        expect401(await usersig(w.base, rs256(stranger, idp())), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      });
      t('/usersig with an unknown kid is 401', async (w) =>
        expect401(await usersig(w.base, rs256({ ...s.keys.rs256, kid: 'rsa-unknown' }, idp())), 'ERR_JWKS_NO_MATCHING_KEY'));
      t('/usersig with HS256 keyed by the public RSA key (algorithm confusion) is 401', async (w) => {
        const pem = s.keys.rs256.publicKey.export({ type: 'spki', format: 'pem' });
        expect401(await usersig(w.base, hs256(pem, idp(), { kid: s.keys.rs256.kid })), 'ERR_JOSE_ALG_NOT_ALLOWED');
      });
      t('/usersig with alg "none" is 401', async (w) => expect401(await usersig(w.base, unsecured(idp()))));
      t('/usersig with a token for another audience is 401', async (w) =>
        expect401(await usersig(w.base, es256(s.keys.es256, idp({ aud: 'third-app' }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED'));
      t('/usersig with a token lacking the tim_user claim is 401', async (w) =>
        expect401(await usersig(w.base, rs256(s.keys.rs256, idp({ tim_user: undefined }))), 'ERR_JWT_CLAIM_VALIDATION_FAILED'));
      closedRouteTests(t, [
        ['/admin', 'TIM_ADMIN_TOKEN', (b) => admin(b, 'im_open_login_svc/account_check', checkBody)],
        ['/tim/callback', 'TIM_CALLBACK_TOKEN', (b) => callback(b, CALLBACK_TOKEN, 'hi')],
      ]);
    },
  },
  {
    name: 'no auth settings',
    vars: (s) => ({ TIM_SDKAPPID: APP, TIM_KEY: KEY, TIM_BASE_URL: s.emulator.url }),
    tests(t) {
      const settings = ['TIM_JWT_SECRET or TIM_JWKS_URL', 'TIM_ADMIN_TOKEN', 'TIM_CALLBACK_TOKEN'];
      closedRouteTests(t, ALL_CLOSED.map(([route, request], i) => [route, settings[i], request]));
    },
  },
  {
    name: 'TIM_KEY missing',
    // TIM_SDKAPPID is public and often set as a [vars] entry; the secret is what gets forgotten.
    vars: (s) => ({ TIM_SDKAPPID: APP, TIM_BASE_URL: s.emulator.url, TIM_JWT_SECRET: JWT_SECRET, TIM_ADMIN_TOKEN: ADMIN_TOKEN, TIM_CALLBACK_TOKEN: CALLBACK_TOKEN }),
    tests(t) {
      closedRouteTests(t, ALL_CLOSED.map(([route, request]) => [route, 'TIM_KEY', request]));
    },
  },
  {
    name: 'incomplete settings',
    vars: (s) => ({
      TIM_SDKAPPID: APP, TIM_KEY: KEY, TIM_BASE_URL: s.emulator.url, TIM_JWKS_URL: s.jwks.url, TIM_JWT_ISSUER: ISS,
      TIM_ADMIN_TOKEN: ADMIN_TOKEN, TIM_ADMIN_ALLOW: 'read,openim', TIM_CALLBACK_TOKEN: CALLBACK_TOKEN,
    }),
    tests(t) {
      closedRouteTests(t, [
        ['/usersig', 'TIM_JWT_AUDIENCE', (b) => usersig(b, rs256(keyPairs().rs256, claims()))],
        ['/admin', 'TIM_ADMIN_ALLOW', (b) => admin(b, 'im_open_login_svc/account_check', checkBody)],
      ]);
    },
  },
  {
    name: 'JWKS unreachable',
    vars: (s) => ({ TIM_SDKAPPID: APP, TIM_KEY: KEY, TIM_JWKS_URL: s.refusedJwksUrl, TIM_JWT_ISSUER: ISS, TIM_JWT_AUDIENCE: AUD }),
    tests(t, s) {
      t('/usersig is 502 when the identity provider\'s keys cannot be fetched, and says so in the log', async (w) => {
        const r = await usersig(w.base, rs256(s.keys.rs256, claims()));
        expectStatus(r, 502, 'bad-gateway');
        assert.equal(r.json.error.code, 'jwks-unavailable');
        assert.equal((await logLines(w, 'JWKS fetch failed')).length, 1);
      });
    },
  },
];

// ---- running ----

/** A scratch deployment: the repo's wrangler.toml with absolute paths, and a .dev.vars. */
function deployment(name, vars) {
  const dir = join(config.scratchDir, `example-${name.replace(/\W+/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  const rewritten = toml.replace(/^main = "([^"]+)"/m, (_, p) => `main = "${join(root, p)}"`).replace(/= "\.\/([^"]+)"/g, (_, p) => `= "${join(root, p)}"`);
  assert.ok(rewritten.includes(`main = "${join(root, 'example/worker.js')}"`) && rewritten.includes(join(root, 'pkg/dist/workerd.mjs')), 'wrangler.toml rewrite');
  writeFileSync(join(dir, 'wrangler.toml'), rewritten);
  const lines = Object.entries(vars).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${v}"`);
  writeFileSync(join(dir, '.dev.vars'), `${lines.join('\n')}\n`);
  return dir;
}

async function runScenario(scenario, shared, all) {
  const registry = createRegistry({ defaultTimeoutMs: 30000 });
  let w;
  const t = (name, fn) => registry.test(`example [${scenario.name}]: ${name}`, () => fn(w));
  scenario.tests(t, shared);
  t('no secret, token or UserSig in the Worker\'s log', () => {
    const log = w.log.join('');
    for (const secret of leaks) assert.ok(!log.includes(secret), `a secret (${secret.length} chars) is in the log`);
  });
  if (config.grep && !registry.tests.some((x) => x.name.includes(config.grep))) return;
  // Without TIM_* from the caller's shell: only the scenario's .dev.vars configure the Worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TIM_')));
  try {
    w = await startWranglerDev({
      wranglerBin: config.wranglerBin,
      cwd: deployment(scenario.name, scenario.vars(shared)),
      env,
      isUp: async (b) => (await fetch(`${b}/`, { signal: AbortSignal.timeout(2000) })).status === 404,
    });
  } catch (e) {
    const r = { name: `example [${scenario.name}]: wrangler dev starts`, ok: false, error: e.message, ms: 0 };
    console.log(formatResult(r));
    all.push(r);
    return;
  }
  try {
    all.push(...await registry.run({ grep: config.grep, onResult: (r) => console.log(formatResult(r)) }));
  } finally {
    w.stop();
  }
}

const all = [];
const shared = { keys: keyPairs() };
ensureExampleDeps(root);
shared.emulator = await startEmulatorCli({ scratchDir: config.scratchDir, sdkAppId: APP, key: KEY });
shared.refusedJwksUrl = `http://127.0.0.1:${await freePort()}/jwks.json`; // nothing listens there
shared.jwks = await startJwksServer([shared.keys.rs256.jwk, shared.keys.es256.jwk]);
try {
  for (const scenario of SCENARIOS) await runScenario(scenario, shared, all);
} finally {
  shared.emulator.stop();
  await shared.jwks.close();
}
await reportAndExit('example', all);
