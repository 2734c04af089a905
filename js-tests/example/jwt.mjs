// JWTs for the example row, made with node:crypto alone (RFC 7515/7519 by hand), so the tokens the
// Worker's jose accepts or refuses do not come from jose itself.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const part = (obj) => b64url(JSON.stringify(obj));

/** A compact JWS: header.payload.signature, signed by `signer(signingInput)` (bytes). */
function compact(header, payload, signer) {
  const input = `${part(header)}.${part(payload)}`;
  return `${input}.${b64url(signer(Buffer.from(input)))}`;
}

export const hs256 = (secret, payload, header = {}) =>
  compact({ alg: 'HS256', typ: 'JWT', ...header }, payload, (d) => createHmac('sha256', secret).update(d).digest());

/** The unsecured JWT of RFC 7519 §6: alg "none" and an empty signature. */
export const unsecured = (payload) => `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;

/** An RS256 and an ES256 key pair, each with its public JWK (kid, alg, use) for a JWKS. */
export function keyPairs() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    rs256: { ...rsa, kid: 'rsa-1', jwk: { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' } },
    es256: { ...ec, kid: 'ec-1', jwk: { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' } },
  };
}

export const rs256 = (pair, payload, header = {}) =>
  compact({ alg: 'RS256', typ: 'JWT', kid: pair.kid, ...header }, payload, (d) => sign('sha256', d, pair.privateKey));

// JWS ES256 signatures are r || s (IEEE P1363), not DER.
export const es256 = (pair, payload, header = {}) =>
  compact({ alg: 'ES256', typ: 'JWT', kid: pair.kid, ...header }, payload, (d) => sign('sha256', d, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }));
