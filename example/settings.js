// The example Worker's settings, read from its environment once per isolate (Workers give every
// request of an isolate the same bindings).
//
// Two modes:
//   offline demo  neither TIM_SDKAPPID nor TIM_KEY is set: the in-memory emulator and a demo key,
//                 every route open (nothing real can be reached or signed).
//   deployed      both are set: each route needs its own auth settings. A route whose settings are
//                 missing or unusable is closed (503, naming the setting), never served open.
// Exactly one of TIM_SDKAPPID and TIM_KEY is a half-done deployment: every route is closed.
//
// Each route's entry is either its configuration or `{ problem: { setting, info } }`.
import { createRemoteJWKSet } from 'jose';
import { endpoints } from 'tim-edge';

// The offline configuration: the emulator's app, key and callback token. Not secrets: UserSigs
// signed with this key are useless against Tencent.
export const DEMO = { sdkAppId: 1400000000, key: 'DEMO-KEY-NOT-SECRET-replace-with-TIM_KEY', callbackToken: 'DEMO-CALLBACK-TOKEN' };

// RFC 7518 §3.2: an HS256 key must be at least as long as the hash (32 bytes). The admin token
// gets the same floor, so neither can be guessed online.
const MIN_SECRET_BYTES = 32;
// UserSig lifetime: default one day; at most 180 days (Tencent's own default).
const TTL_DEFAULT = 86400;
const TTL_MIN = 60;
const TTL_MAX = 180 * 86400;
// What /admin allows when TIM_ADMIN_ALLOW is not set: endpoints whose retry class is 'read', so a
// leaked admin token can read but not send, delete or change anything.
const ALLOW_DEFAULT = 'read';

const problem = (setting, info) => ({ problem: { setting, info } });
const bytes = (text) => new TextEncoder().encode(text);
function allClosed(setting, info) {
  const closed = problem(setting, info);
  return { demo: false, app: closed, usersig: closed, admin: closed, callback: closed };
}

export function readSettings(env) {
  const hasId = Boolean(env.TIM_SDKAPPID);
  const hasKey = Boolean(env.TIM_KEY);
  if (!hasId && !hasKey) {
    return { demo: true, app: DEMO, usersig: {}, admin: {}, callback: { token: DEMO.callbackToken } };
  }
  if (hasId !== hasKey) {
    const missing = hasId ? 'TIM_KEY' : 'TIM_SDKAPPID';
    return allClosed(missing, `${missing} is not set: set both TIM_SDKAPPID and TIM_KEY (or neither, for the offline demo)`);
  }
  if (!/^[1-9][0-9]{0,9}$/.test(String(env.TIM_SDKAPPID))) {
    return allClosed('TIM_SDKAPPID', 'TIM_SDKAPPID must be the app\'s SDKAppID, a number');
  }
  return {
    demo: false,
    app: { sdkAppId: env.TIM_SDKAPPID, key: env.TIM_KEY },
    usersig: usersigSettings(env),
    admin: adminSettings(env),
    callback: env.TIM_CALLBACK_TOKEN
      ? { token: env.TIM_CALLBACK_TOKEN }
      : problem('TIM_CALLBACK_TOKEN', 'TIM_CALLBACK_TOKEN is not set: turn on callback authentication in the console and set its token'),
  };
}

// /usersig: who may get a UserSig, and for how long.
function usersigSettings(env) {
  const secret = env.TIM_JWT_SECRET;
  const jwksUrl = env.TIM_JWKS_URL;
  if (!secret && !jwksUrl) {
    return problem('TIM_JWT_SECRET or TIM_JWKS_URL', 'set TIM_JWT_SECRET (HS256 tokens) or TIM_JWKS_URL (RS256/ES256 tokens from an identity provider)');
  }
  // One verifier, so which key checks a token never depends on the token's own header.
  if (secret && jwksUrl) return problem('TIM_JWT_SECRET and TIM_JWKS_URL', 'set only one of TIM_JWT_SECRET and TIM_JWKS_URL');
  const ttl = env.TIM_USERSIG_TTL === undefined || env.TIM_USERSIG_TTL === '' ? TTL_DEFAULT : Number(env.TIM_USERSIG_TTL);
  if (!Number.isInteger(ttl) || ttl < TTL_MIN || ttl > TTL_MAX) {
    return problem('TIM_USERSIG_TTL', `TIM_USERSIG_TTL must be whole seconds from ${TTL_MIN} to ${TTL_MAX}`);
  }
  const audience = env.TIM_JWT_AUDIENCE ? env.TIM_JWT_AUDIENCE.split(',').map((a) => a.trim()).filter(Boolean) : undefined;
  const common = { issuer: env.TIM_JWT_ISSUER || undefined, audience, claim: env.TIM_JWT_CLAIM || 'sub', ttl };
  if (secret) {
    if (bytes(secret).length < MIN_SECRET_BYTES) return problem('TIM_JWT_SECRET', `TIM_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
    // The secret is this app's own, so issuer and audience are checked only when set.
    return { ...common, key: bytes(secret), algorithms: ['HS256'] };
  }
  let url;
  try {
    url = new URL(jwksUrl);
  } catch {
    return problem('TIM_JWKS_URL', 'TIM_JWKS_URL is not an absolute URL');
  }
  // Over plain http anyone on the path could swap in their own keys; loopback is for local tests.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return problem('TIM_JWKS_URL', 'TIM_JWKS_URL must be https:// (http:// only for 127.0.0.1, ::1 or localhost)');
  }
  // An identity provider signs tokens for every application of the tenant with the same keys:
  // only the issuer and the audience say a token was meant for this app.
  if (!common.issuer) return problem('TIM_JWT_ISSUER', 'TIM_JWT_ISSUER is required with TIM_JWKS_URL');
  if (!audience?.length) return problem('TIM_JWT_AUDIENCE', 'TIM_JWT_AUDIENCE is required with TIM_JWKS_URL');
  // Keys are fetched on first use, cached for 10 minutes, refetched (at most every 30 s) when a
  // token names a key id the cached set does not have: key rotation works without a redeploy.
  return { ...common, key: createRemoteJWKSet(url, { timeoutDuration: 3000 }), algorithms: ['RS256', 'ES256'] };
}

function isLoopback(host) {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// /admin: the bearer token and which service/command pairs it may call.
function adminSettings(env) {
  const token = env.TIM_ADMIN_TOKEN;
  if (!token) return problem('TIM_ADMIN_TOKEN', 'TIM_ADMIN_TOKEN is not set');
  if (bytes(token).length < MIN_SECRET_BYTES) return problem('TIM_ADMIN_TOKEN', `TIM_ADMIN_TOKEN must be at least ${MIN_SECRET_BYTES} bytes`);
  const allow = allowList(env.TIM_ADMIN_ALLOW?.trim() || ALLOW_DEFAULT);
  if (!allow) {
    const classes = [...new Set(endpoints.map((e) => e.retry))].join(', ');
    return problem('TIM_ADMIN_ALLOW', `TIM_ADMIN_ALLOW entries must be service/command or one of: ${classes}`);
  }
  return { token, allow };
}

// "read,openim/sendmsg" -> Set { every read endpoint's "service/command", "openim/sendmsg" }.
// A class name (read, idempotent, dedup-key, unsafe: the package's retry classes) stands for
// every endpoint of that class. Undefined when an entry is neither.
function allowList(text) {
  const allow = new Set();
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const ofClass = endpoints.filter((e) => e.retry === entry);
    if (ofClass.length) ofClass.forEach((e) => allow.add(`${e.servicename}/${e.command}`));
    else if (/^[A-Za-z0-9_]+\/[A-Za-z0-9_]+$/.test(entry)) allow.add(entry);
    else return undefined;
  }
  return allow;
}
