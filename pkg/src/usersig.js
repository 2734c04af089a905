// UserSig functions: destructure the documented option objects and hand the fields to the wasm
// exports positionally (fewer boundary crossings than reading properties from Rust).
import { wasm } from './glue.js';
import { badInput, toTimError } from './error.js';

function options(o, fn) {
  if (o === null || typeof o !== 'object') throw badInput(`${fn} takes an options object`);
  return o;
}

export function generateUserSig(o) {
  options(o, 'generateUserSig');
  try {
    return wasm.generateUserSig(o.sdkAppId, o.key, o.userId, o.expire, o.time);
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
