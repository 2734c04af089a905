// Who is asking: the user a verified JWT names (/usersig), and whether the caller holds the admin
// token (/admin). Each check answers a result object; nothing here throws for a bad credential.
import { jwtVerify, errors } from 'jose';

// A 401 should say which rule failed (RFC 6750 error_description), never echo the credential.
// These jose codes mean the JWKS could not be had: the identity provider's fault, not the caller's.
const JWKS_UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);
// Clocks of the identity provider and of Cloudflare's edge differ by a few seconds at most.
const CLOCK_TOLERANCE_S = 30;

/** The bearer credential of a request, or undefined. */
export function bearer(request) {
  const m = /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '');
  return m ? m[1] : undefined;
}

/**
 * The UserID a request's JWT names: `{ ok: true, userId }`, or `{ ok: false, status, code, info }`
 * (401 no or bad token, 403 a good token whose claim is no usable UserID, 502 the JWKS is down).
 * The token comes from `Authorization: Bearer`, or from the header Cloudflare Access adds in
 * front of a protected Worker.
 */
export async function userFromToken(request, s) {
  const token = bearer(request) ?? request.headers.get('cf-access-jwt-assertion') ?? undefined;
  if (!token) return { ok: false, status: 401, code: 'no-token', info: 'send the JWT as Authorization: Bearer <token>' };
  let payload;
  try {
    // algorithms pins the accepted algorithms per key ('none' is never accepted), requiredClaims
    // refuses tokens that never expire or name nobody.
    ({ payload } = await jwtVerify(token, s.key, {
      algorithms: s.algorithms,
      issuer: s.issuer,
      audience: s.audience,
      requiredClaims: ['exp', s.claim],
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (e) {
    if (e instanceof errors.JOSEError && !JWKS_UNAVAILABLE.has(e.code)) return { ok: false, status: 401, code: e.code, info: e.message };
    return { ok: false, status: 502, code: 'jwks-unavailable', info: 'the identity provider\'s keys (TIM_JWKS_URL) could not be fetched', cause: e };
  }
  const userId = payload[s.claim];
  if (typeof userId !== 'string' || userId === '') {
    return { ok: false, status: 403, code: 'no-user', info: `the token's "${s.claim}" claim is not a string` };
  }
  return { ok: true, userId };
}

// Constant-time comparison with standard WebCrypto only: both sides go through HMAC under a key
// made at random for this isolate, and subtle.verify compares the MACs in constant time. The time
// taken depends on neither the expected token nor how much of it a guess got right. (A plain ===
// or a byte loop that stops at the first difference would leak the matching prefix's length.)
let macKey;
export async function adminTokenMatches(given, expected) {
  const key = await (macKey ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  const enc = new TextEncoder();
  const expectedMac = await crypto.subtle.sign('HMAC', key, enc.encode(expected));
  return crypto.subtle.verify('HMAC', key, expectedMac, enc.encode(given));
}
