// Example Worker for tim-edge. Run it with `npm --prefix js-tests run dev` (see README).
//
//   GET  /usersig                    -> a UserSig for the caller
//   POST /admin/<service>/<command>  -> one admin REST call, body = Tencent's JSON
//   POST /tim/callback               -> Tencent's webhooks: a before-send moderation rule
//
// OFFLINE DEMO (no TIM_SDKAPPID, no TIM_KEY): admin calls go to the local emulator
// (tim-edge/emulator, state in this isolate's memory), which checks every request like Tencent
// and sends its webhooks to this Worker's own /tim/callback. Every route is open, and
// /usersig?user=<id> signs for any user with the demo key, which nothing real accepts.
//
// DEPLOYED (TIM_SDKAPPID and TIM_KEY set, `wrangler secret put`): each route is closed until its
// own auth setting is there, and then answers only a verified caller:
//   /usersig       a JWT (TIM_JWT_SECRET for HS256, or TIM_JWKS_URL + TIM_JWT_ISSUER +
//                  TIM_JWT_AUDIENCE for an identity provider's RS256/ES256 keys); the UserSig is
//                  for the user the token names (TIM_JWT_CLAIM, default sub), never for ?user=.
//   /admin         Authorization: Bearer <TIM_ADMIN_TOKEN>, and only the calls TIM_ADMIN_ALLOW
//                  lists (default: read-only calls).
//   /tim/callback  Tencent's signature with TIM_CALLBACK_TOKEN.
// A route whose setting is missing answers 503 naming it (logged once per isolate). Every
// setting is in settings.js and in the README's table.
import { TimClient, TimError, generateUserSig, createWebhookHandler, WebhookReply } from 'tim-edge';
// A separate, dev-only wasm module. A production Worker of your own would not import it.
import { Emulator } from 'tim-edge/emulator';
import { readSettings, DEMO } from './settings.js';
import { userFromToken, bearer, adminTokenMatches } from './auth.js';

let settings; // per isolate: the bindings do not change while it lives
const settingsOf = (env) => (settings ??= readSettings(env));

let cached; // one client per isolate: it caches its admin UserSig
function client(env) {
  const { app, demo } = settingsOf(env);
  cached ??= new TimClient({
    sdkAppId: app.sdkAppId,
    key: app.key,
    adminId: env.TIM_ADMIN,
    region: env.TIM_REGION,
    baseUrl: env.TIM_BASE_URL,
    fetch: demo ? emulator(env).fetch : undefined,
  });
  return cached;
}

// Offline only: one emulator per isolate. Its webhooks are delivered straight to this Worker's
// webhook handler (no network), signed with the demo callback token.
let emulatorInstance;
function emulator(env) {
  emulatorInstance ??= new Emulator({
    sdkAppId: DEMO.sdkAppId,
    key: DEMO.key,
    adminId: env.TIM_ADMIN,
    callback: {
      url: 'http://emulator.local/tim/callback',
      token: DEMO.callbackToken,
      fetch: (url, init) => webhook(env)(new Request(url, init), env, { waitUntil() {}, passThroughOnException() {} }),
    },
  });
  return emulatorInstance;
}

// Webhooks: refuse links, mask one word, log logins. Tencent waits at most 2 s for a
// before-callback; a handler slower than timeoutMs gets the fallback (allow).
function moderate(body) {
  const texts = body.MsgBody.filter((e) => e.MsgType === 'TIMTextElem').map((e) => e.MsgContent.Text);
  if (texts.some((t) => /https?:\/\//i.test(t))) return 'reject';
  if (texts.some((t) => /\bdarn\b/i.test(t))) return 'mask';
  return 'allow';
}
const masked = (msgBody) => msgBody.map((e) =>
  e.MsgType === 'TIMTextElem' ? { ...e, MsgContent: { ...e.MsgContent, Text: e.MsgContent.Text.replace(/\bdarn\b/gi, '****') } } : e);

// Only ever called with a token (the demo's, or TIM_CALLBACK_TOKEN once the route has checked
// it is set): without one, anyone who knows the URL could post forged events.
let webhookHandler;
function webhook(env) {
  const s = settingsOf(env);
  webhookHandler ??= createWebhookHandler({
    sdkAppId: s.app.sdkAppId,
    token: s.callback.token,
    timeoutMs: 1500,
    on: {
      'C2C.CallbackBeforeSendMsg': ({ body }) => {
        const verdict = moderate(body);
        // A custom code in [120001, 130000] reaches the sender together with the text.
        if (verdict === 'reject') return WebhookReply.reject(120001, 'links are not allowed');
        if (verdict === 'mask') return WebhookReply.modify({ MsgBody: masked(body.MsgBody) });
        return WebhookReply.allow();
      },
      'Group.CallbackBeforeSendMsg': ({ body }) => {
        const verdict = moderate(body);
        if (verdict === 'reject') return WebhookReply.reject();
        if (verdict === 'mask') return WebhookReply.modify({ MsgBody: masked(body.MsgBody) });
        return undefined; // allow
      },
      // After-callbacks are answered at once; this runs on through ctx.waitUntil.
      'State.StateChange': ({ body }) => console.log(`${body.Info.To_Account}: ${body.Info.Action}`),
    },
  });
  return webhookHandler;
}

const json = (value, status = 200, headers = {}) =>
  new Response(JSON.stringify(value, null, 2), { status, headers: { 'content-type': 'application/json', ...headers } });

// A route whose settings are missing is closed. The operator learns it from the log (once per
// isolate, not once per request); the caller from the 503, which names the setting, not its value.
const logged = new Set();
function closed(route, { setting, info }) {
  if (!logged.has(route)) {
    logged.add(route);
    console.error(`tim-edge example: ${route} is closed (${setting}): ${info}`);
  }
  return json({ error: { kind: 'not-configured', setting, info } }, 503);
}

const denied = (status, code, info) =>
  json({ error: { kind: status === 403 ? 'forbidden' : 'unauthorized', code, info } }, status, status === 401 ? { 'www-authenticate': 'Bearer' } : {});

function errorResponse(e) {
  if (!(e instanceof TimError)) {
    // A bug, not the caller's fault: still JSON, and the details only in the log.
    console.error(`tim-edge example: ${e?.name}: ${e?.message}`);
    return json({ error: { kind: 'internal', info: 'internal error' } }, 500);
  }
  const status = e.kind === 'bad-input' ? 400 : e.kind === 'api' ? 502 : 504;
  return json({ error: { kind: e.kind, code: e.code, info: e.info, retryable: e.retryable } }, status);
}

async function usersig(request, url, env) {
  const { demo, app, usersig: s } = settingsOf(env);
  if (s.problem) return closed('/usersig', s.problem);
  let userId;
  let expire;
  if (demo) {
    userId = url.searchParams.get('user') ?? '';
    expire = 86400;
  } else {
    const who = await userFromToken(request, s);
    if (!who.ok && who.status !== 502) return denied(who.status, who.code, who.info);
    if (!who.ok) {
      console.error(`tim-edge example: /usersig: JWKS fetch failed: ${who.cause?.name}: ${who.cause?.message}`);
      return json({ error: { kind: 'bad-gateway', code: who.code, info: who.info } }, 502);
    }
    // The token says who the caller is; a user named in the URL would let them pick someone else.
    if (url.searchParams.has('user')) return json({ error: { kind: 'bad-input', info: 'user= is not accepted: the UserSig is for the user the token names' } }, 400);
    userId = who.userId;
    expire = s.ttl;
  }
  try {
    const userSig = generateUserSig({ sdkAppId: app.sdkAppId, key: app.key, userId, expire });
    return json({ userId, userSig, expire, sdkAppId: Number(app.sdkAppId), demo });
  } catch (e) {
    // A verified token whose claim is no valid UserID (1-32 bytes, no control characters).
    if (!demo && e instanceof TimError && e.kind === 'bad-input') return denied(403, 'bad-user-id', `the token's "${s.claim}" claim is not a valid UserID: ${e.info}`);
    throw e;
  }
}

async function admin(request, service, command, env) {
  const { demo, admin: s } = settingsOf(env);
  if (s.problem) return closed('/admin', s.problem);
  if (!demo) {
    const given = bearer(request);
    if (!given || !(await adminTokenMatches(given, s.token))) return denied(401, 'bad-token', 'send Authorization: Bearer <TIM_ADMIN_TOKEN>');
    // Checked after the token, so the allow-list is not disclosed to strangers.
    if (!s.allow.has(`${service}/${command}`)) return denied(403, 'not-allowed', `${service}/${command} is not in TIM_ADMIN_ALLOW`);
  }
  let body;
  try {
    body = await request.json();
  } catch {
    return json({ error: { kind: 'bad-input', info: 'body must be JSON' } }, 400);
  }
  return json(await client(env).call(service, command, body));
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    try {
      if (url.pathname === '/tim/callback') {
        const { callback } = settingsOf(env);
        return callback.problem ? closed('/tim/callback', callback.problem) : webhook(env)(request, env, ctx);
      }
      if (request.method === 'GET' && url.pathname === '/usersig') return await usersig(request, url, env);
      const path = /^\/admin\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (request.method === 'POST' && path) return await admin(request, path[1], path[2], env);
      const { demo } = settingsOf(env);
      return json({
        routes: [demo ? 'GET /usersig?user=<id>' : 'GET /usersig (Authorization: Bearer <JWT>)', 'POST /admin/<service>/<command>', 'POST /tim/callback'],
        demo,
      }, 404);
    } catch (e) {
      return errorResponse(e);
    }
  },
};
