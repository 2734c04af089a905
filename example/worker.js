// Example Worker for tim-edge. Run it with `npm --prefix js-tests run dev` (see README).
//
//   GET  /usersig?user=<id>          -> a UserSig for that user
//   POST /admin/<service>/<command>  -> proxies one admin REST call, body = Tencent's JSON
//
// Secrets: TIM_SDKAPPID and TIM_KEY (from .dev.vars locally, `wrangler secret put` in production).
// Without them the Worker runs on a clearly labelled DEMO key so it works out of the box; UserSigs
// signed with it are useless against Tencent. Optional: TIM_ADMIN, TIM_REGION, TIM_BASE_URL.
//
// Real apps put their own authentication in front of both routes: anyone who can reach /usersig
// can log in as any user, and /admin runs admin calls.
import { TimClient, TimError, generateUserSig } from 'tim-edge';

const DEMO = { sdkAppId: 1400000000, key: 'DEMO-KEY-NOT-SECRET-replace-with-TIM_KEY' };

function config(env) {
  if (env.TIM_SDKAPPID && env.TIM_KEY) return { sdkAppId: env.TIM_SDKAPPID, key: env.TIM_KEY, demo: false };
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
    });
  }
  return cached;
}

const json = (value, status = 200) =>
  new Response(JSON.stringify(value, null, 2), { status, headers: { 'content-type': 'application/json' } });

function errorResponse(e) {
  if (!(e instanceof TimError)) throw e;
  const status = e.kind === 'bad-input' ? 400 : e.kind === 'api' ? 502 : 504;
  return json({ error: { kind: e.kind, code: e.code, info: e.info, retryable: e.retryable } }, status);
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
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
        routes: ['GET /usersig?user=<id>', 'POST /admin/<service>/<command>'],
        demo: config(env).demo,
      }, 404);
    } catch (e) {
      return errorResponse(e);
    }
  },
};
