// Example Worker for tim-edge. Run it with `npm --prefix js-tests run dev` (see README).
//
//   GET  /usersig?user=<id>          -> a UserSig for that user
//   POST /admin/<service>/<command>  -> proxies one admin REST call, body = Tencent's JSON
//   POST /tim/callback               -> Tencent's webhooks: a before-send moderation rule
//
// Secrets: TIM_SDKAPPID and TIM_KEY (from .dev.vars locally, `wrangler secret put` in production).
// Without them the Worker runs OFFLINE: admin calls go to the local emulator (tim-edge/emulator,
// state in this isolate's memory), which checks every request like Tencent and sends its webhooks
// to this Worker's own /tim/callback, so the moderation rule below applies to emulated messages.
// Optional: TIM_ADMIN, TIM_REGION, TIM_BASE_URL, TIM_CALLBACK_TOKEN (the console's callback token;
// without it only SdkAppid is checked).
//
// Real apps put their own authentication in front of both routes: anyone who can reach /usersig
// can log in as any user, and /admin runs admin calls. A production Worker would not import
// tim-edge/emulator at all (it is a separate, dev-only wasm module).
import { TimClient, TimError, generateUserSig, createWebhookHandler, WebhookReply } from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';

// The offline configuration: the emulator's app, key and callback token. Not secrets: UserSigs
// signed with this key are useless against Tencent.
const DEMO = { sdkAppId: 1400000000, key: 'DEMO-KEY-NOT-SECRET-replace-with-TIM_KEY', callbackToken: 'DEMO-CALLBACK-TOKEN' };

function config(env) {
  if (env.TIM_SDKAPPID && env.TIM_KEY) {
    return { sdkAppId: env.TIM_SDKAPPID, key: env.TIM_KEY, callbackToken: env.TIM_CALLBACK_TOKEN, demo: false };
  }
  return { ...DEMO, demo: true };
}

let cached; // one client per isolate: it caches its admin UserSig
function client(env) {
  const c = config(env);
  if (!cached) {
    cached = new TimClient({
      sdkAppId: c.sdkAppId,
      key: c.key,
      adminId: env.TIM_ADMIN,
      region: env.TIM_REGION,
      baseUrl: env.TIM_BASE_URL,
      fetch: c.demo ? emulator(env).fetch : undefined,
    });
  }
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

let webhookHandler;
function webhook(env) {
  webhookHandler ??= createWebhookHandler({
    sdkAppId: config(env).sdkAppId,
    token: config(env).callbackToken,
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

const json = (value, status = 200) =>
  new Response(JSON.stringify(value, null, 2), { status, headers: { 'content-type': 'application/json' } });

function errorResponse(e) {
  if (!(e instanceof TimError)) throw e;
  const status = e.kind === 'bad-input' ? 400 : e.kind === 'api' ? 502 : 504;
  return json({ error: { kind: e.kind, code: e.code, info: e.info, retryable: e.retryable } }, status);
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/tim/callback') return webhook(env)(request, env, ctx);
    try {
      if (request.method === 'GET' && url.pathname === '/usersig') {
        const c = config(env);
        const userId = url.searchParams.get('user') ?? '';
        const expire = 86400;
        const userSig = generateUserSig({ sdkAppId: c.sdkAppId, key: c.key, userId, expire });
        return json({ userId, userSig, expire, sdkAppId: Number(c.sdkAppId), demo: c.demo });
      }
      const admin = /^\/admin\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/.exec(url.pathname);
      if (request.method === 'POST' && admin) {
        let body;
        try {
          body = await request.json();
        } catch {
          return json({ error: { kind: 'bad-input', info: 'body must be JSON' } }, 400);
        }
        return json(await client(env).call(admin[1], admin[2], body));
      }
      return json({
        routes: ['GET /usersig?user=<id>', 'POST /admin/<service>/<command>', 'POST /tim/callback'],
        demo: config(env).demo,
      }, 404);
    } catch (e) {
      return errorResponse(e);
    }
  },
};
