// UserSig functions: destructure the documented option objects and hand the fields to the wasm
// exports positionally (fewer boundary crossings than reading properties from Rust).
import { wasm } from './glue.js';
import { badInput, toTimError } from './error.js';

// Fast path for generateUserSig: when every field is a plain, valid value, sign through a
// UserSigSigner that already holds the key's HMAC state, with typed arguments. The key string
// then crosses into wasm once per key instead of once per call. Anything else takes the generic
// export, which reports every error.
let signerKey = null;
let signer = null;
const U32_MAX = 4294967295;
const DIGITS = /^[0-9]{1,10}$/;

function appIdNumber(v) {
  if (typeof v === 'string' && DIGITS.test(v)) v = Number(v);
  return Number.isInteger(v) && v >= 1 && v <= U32_MAX ? v : 0;
}
const absentOr = (v, min, max) => v == null || (Number.isInteger(v) && v >= min && v <= max);

function signerFor(key) {
  if (key !== signerKey) {
    const next = new wasm.UserSigSigner(key);
    if (signer) signer.free();
    signer = next;
    signerKey = key;
  }
  return signer;
}

function options(o, fn) {
  if (o === null || typeof o !== 'object') throw badInput(`${fn} takes an options object`);
  return o;
}

export function generateUserSig(o) {
  options(o, 'generateUserSig');
  const { sdkAppId, key, userId, expire, time } = o;
  try {
    const appId = appIdNumber(sdkAppId);
    if (appId && typeof key === 'string' && key !== '' && typeof userId === 'string' &&
        absentOr(expire, 1, U32_MAX) && absentOr(time, 0, Number.MAX_SAFE_INTEGER)) {
      return signerFor(key).sign(appId, userId, expire, time);
    }
    return wasm.generateUserSig(sdkAppId, key, userId, expire, time);
  } catch (e) {
    throw toTimError(e);
  }
}

// Many UserIDs, one key/time/lifetime: the IDs cross into wasm as one '\n'-joined string (no
// valid UserID contains a line break; the wasm side checks the count) and come back the same way.
export function generateUserSigs(o) {
  options(o, 'generateUserSigs');
  const ids = o.userIds;
  if (!Array.isArray(ids)) throw badInput('userIds must be an array of strings');
  for (let i = 0; i < ids.length; i++) {
    if (typeof ids[i] !== 'string') throw badInput(`userIds[${i}] must be a string`);
  }
  try {
    const joined = wasm.generateUserSigs(o.sdkAppId, o.key, ids.join('\n'), ids.length, o.expire, o.time);
    return ids.length === 0 ? [] : joined.split('\n');
  } catch (e) {
    throw toTimError(e);
  }
}

export function generatePrivateMapKey(o) {
  options(o, 'generatePrivateMapKey');
  try {
    return wasm.generatePrivateMapKey(o.sdkAppId, o.key, o.userId, o.expire, o.roomId, o.roomStr, o.privilegeMap, o.time);
  } catch (e) {
    throw toTimError(e);
  }
}

export function decodeUserSig(userSig) {
  try {
    return wasm.decodeUserSig(userSig);
  } catch (e) {
    throw toTimError(e);
  }
}

export function verifyUserSig(o) {
  options(o, 'verifyUserSig');
  try {
    return wasm.verifyUserSig(o.sdkAppId, o.key, o.userId, o.userSig, o.now, o.userBuf);
  } catch (e) {
    throw toTimError(e);
  }
}
