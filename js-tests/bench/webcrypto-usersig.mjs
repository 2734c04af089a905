// The comparison baseline for runtimes without node:zlib: a UserSig written the way a Workers
// user writes it from Tencent's documentation, with WebCrypto for the HMAC and fflate for zlib.
// Not part of the package; the benchmark checks its output with verifyUserSig before timing it.
import { zlibSync } from 'fflate';

const enc = new TextEncoder();

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}

function hmacKey(key) {
  return crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function sign(cryptoKey, sdkAppId, userId, expire) {
  const time = Math.floor(Date.now() / 1000);
  const content = `TLS.identifier:${userId}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, enc.encode(content)));
  const doc = {
    'TLS.ver': '2.0',
    'TLS.identifier': userId,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
    'TLS.sig': toBase64(mac),
  };
  const z = zlibSync(enc.encode(JSON.stringify(doc)));
  return toBase64(z).replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

/** What most snippets do: import the key on every call. */
export async function webCryptoUserSig(sdkAppId, key, userId, expire) {
  return sign(await hmacKey(key), sdkAppId, userId, expire);
}

/** The careful variant: the CryptoKey imported once and reused. */
export function webCryptoSigner(sdkAppId, key, expire) {
  const k = hmacKey(key);
  return async (userId) => sign(await k, sdkAppId, userId, expire);
}
