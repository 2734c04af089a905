// Independent TLSSigAPIv2 code for the stand-in server, written from the spec
// (../shared/spec/usersig-webhooks-errors.md §1) with node:crypto and node:zlib only.
// It never imports the package under test: it is the judge, not the defendant.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

const INFLATE_CAP = 64 * 1024;

export function hmacContent({ identifier, sdkAppId, time, expire, userbufB64 }) {
  let s = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbufB64 != null) s += `TLS.userbuf:${userbufB64}\n`;
  return s;
}

export function sigB64(key, content) {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(content, 'utf8')).digest('base64');
}

export function escapeB64(b64) {
  return b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

export function unescapeB64(s) {
  return s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}

// Decode a usersig; returns { doc } or { error }. Strict: the outer text must be the escaped
// base64 alphabet, the bytes a zlib stream, the content a JSON object.
export function decodeUserSigIndependently(usersig) {
  if (typeof usersig !== 'string' || usersig.length === 0) return { error: 'usersig missing' };
  if (!/^[A-Za-z0-9*\-]+_{0,2}$/.test(usersig) || usersig.length % 4 !== 0) return { error: 'usersig is not escaped base64' };
  let raw;
  try {
    raw = inflateSync(Buffer.from(unescapeB64(usersig), 'base64'), { maxOutputLength: INFLATE_CAP });
  } catch (e) {
    return { error: `usersig is not a zlib stream (${e.code || e.message})` };
  }
  let doc;
  try {
    doc = JSON.parse(raw.toString('utf8'));
  } catch {
    return { error: 'usersig does not inflate to JSON' };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: 'usersig JSON is not an object' };
  return { doc, json: raw.toString('utf8') };
}

// Check a decoded document against the expected app. Returns a list of problems (empty = valid).
export function verifyDoc(doc, { sdkAppId, key, identifier, nowS, allowUserbuf = false }) {
  const problems = [];
  if (doc['TLS.ver'] !== '2.0') problems.push(`TLS.ver is ${JSON.stringify(doc['TLS.ver'])}, not "2.0"`);
  if (doc['TLS.identifier'] !== identifier) problems.push('TLS.identifier differs from the identifier query value');
  if (doc['TLS.sdkappid'] !== sdkAppId) problems.push('TLS.sdkappid differs from the sdkappid query value');
  for (const f of ['TLS.time', 'TLS.expire']) {
    if (!Number.isSafeInteger(doc[f]) || doc[f] < 0) problems.push(`${f} is not a non-negative integer`);
  }
  if (typeof doc['TLS.sig'] !== 'string') problems.push('TLS.sig missing');
  if ('TLS.userbuf' in doc && !allowUserbuf) problems.push('unexpected TLS.userbuf in an admin UserSig');
  if (problems.length) return problems;
  if (doc['TLS.expire'] <= 0) problems.push('TLS.expire is not positive');
  if (doc['TLS.time'] > nowS + 300) problems.push('TLS.time is in the future');
  if (nowS > doc['TLS.time'] + doc['TLS.expire']) problems.push('usersig expired');
  const content = hmacContent({
    identifier: doc['TLS.identifier'],
    sdkAppId: doc['TLS.sdkappid'],
    time: doc['TLS.time'],
    expire: doc['TLS.expire'],
    userbufB64: doc['TLS.userbuf'],
  });
  const want = Buffer.from(sigB64(key, content), 'base64');
  const got = Buffer.from(doc['TLS.sig'], 'base64');
  if (got.length !== want.length || !timingSafeEqual(got, want)) problems.push('TLS.sig is not HMAC-SHA256(key, content)');
  return problems;
}

// Sign in one of the styles Tencent's own generators emit (spec §1.2, §1.3), so suites can check
// that decode/verify parse JSON rather than compare bytes.
const STYLES = {
  node: { order: ['ver', 'identifier', 'sdkappid', 'time', 'expire', 'userbuf', 'sig'], level: 6 },
  go: { order: ['ver', 'identifier', 'sdkappid', 'expire', 'time', 'userbuf', 'sig'], level: 0, trailingNewline: true, htmlEscape: true },
  python: { order: ['ver', 'identifier', 'sdkappid', 'expire', 'time', 'userbuf', 'sig'], level: 6, spaced: true, asciiOnly: true },
  php: { order: ['ver', 'identifier', 'sdkappid', 'expire', 'time', 'userbuf', 'sig'], level: 6, slashEscape: true, asciiOnly: true },
  java: { order: ['expire', 'ver', 'sdkappid', 'identifier', 'sig', 'userbuf', 'time'], level: 6 },
  cpp: { order: ['ver', 'sdkappid', 'identifier', 'time', 'expire', 'userbuf', 'sig'], level: 1 },
};
export const STYLE_NAMES = Object.keys(STYLES);

export function signUserSig({ sdkAppId, key, identifier, time, expire, userbufB64 = null, style = 'node', extra = {} }) {
  const st = STYLES[style];
  const sig = sigB64(key, hmacContent({ identifier, sdkAppId, time, expire, userbufB64 }));
  const values = { ver: '2.0', identifier, sdkappid: sdkAppId, time, expire, userbuf: userbufB64, sig };
  const parts = [];
  for (const k of st.order) {
    if (values[k] == null) continue;
    let v = JSON.stringify(values[k]);
    if (st.asciiOnly) v = v.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    if (st.htmlEscape) v = v.replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    if (st.slashEscape) v = v.replace(/\//g, '\\/');
    parts.push(`"TLS.${k}"${st.spaced ? ': ' : ':'}${v}`);
  }
  for (const [k, v] of Object.entries(extra)) parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const json = '{' + parts.join(st.spaced ? ', ' : ',') + '}' + (st.trailingNewline ? '\n' : '');
  return escapeB64(deflateSync(Buffer.from(json, 'utf8'), { level: st.level }).toString('base64'));
}

export function compressToUserSig(text, level = 6) {
  return escapeB64(deflateSync(Buffer.from(text, 'utf8'), { level }).toString('base64'));
}
