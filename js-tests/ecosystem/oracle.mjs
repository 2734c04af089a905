// The independent check of every UserSig an ecosystem app prints: the official `tls-sig-api-v2`
// package (js-tests' dev-dependency) signs the same parameters at the same time, and both tokens
// are decoded with node:zlib and compared field by field, signature included. (The compressed
// bytes differ: tim-edge writes stored zlib blocks, the official package level-6 deflate.)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Random parameters for one run, so no app can pass with a token baked in beforehand. */
export function usersigParams() {
  const hex = (n) => [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return {
    sdkAppId: 1400000000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 100000000),
    key: hex(32),
    userId: `user-${hex(4)}`,
    expire: 3600 + (crypto.getRandomValues(new Uint16Array(1))[0] % 86400),
    time: 1700000000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 100000000),
  };
}

function decode(userSig) {
  const base64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  return JSON.parse(inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
}

/** Throws unless `userSig` is the token the official package makes for `params`. */
export function checkUserSig(userSig, params, jsTestsDir) {
  if (typeof userSig !== 'string' || userSig.length < 40) throw new Error(`not a UserSig: ${JSON.stringify(userSig)?.slice(0, 60)}`);
  const { Api } = createRequire(join(jsTestsDir, 'package.json'))('tls-sig-api-v2');
  const realNow = Date.now;
  Date.now = () => params.time * 1000;
  let official;
  try {
    official = new Api(params.sdkAppId, params.key).genUserSig(params.userId, params.expire);
  } finally {
    Date.now = realNow;
  }
  const [ours, theirs] = [decode(userSig), decode(official)];
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
  const differing = keys.filter((k) => JSON.stringify(ours[k]) !== JSON.stringify(theirs[k]));
  if (differing.length || !theirs['TLS.sig']) throw new Error(`UserSig differs from the official package's in ${differing.join(', ')}`);
  return `= tls-sig-api-v2's (${keys.length} fields, TLS.sig included)`;
}
