// Checks one REST request the way Tencent's front door would, independently of our package:
// method, path, content type, the exact query parameter set, the admin UserSig (decoded and its
// HMAC recomputed with node:crypto), and the JSON body. Returns the record the suites read back.
import { decodeUserSigIndependently, verifyDoc } from './usersig-oracle.mjs';

const QUERY_KEYS = ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype'];
// What encodeURIComponent leaves alone; anything else in a raw query value must be %XX.
const RAW_VALUE = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-Fa-f]{2})*$/;
const NAME = /^[A-Za-z0-9_]+$/;

export function checkRequest({ method, rest, rawQuery, headers, bodyText, lookupKey, nowS }) {
  const problems = [];
  const record = { method, path: rest, rawQuery, contentType: headers['content-type'] ?? null, body: bodyText };

  if (method !== 'POST') problems.push(`method is ${method}, not POST`);

  const m = /^\/v4\/([^/]+)\/([^/]+)$/.exec(rest);
  if (!m) problems.push(`path ${JSON.stringify(rest)} is not /v4/<service>/<command>`);
  else {
    record.service = m[1];
    record.command = m[2];
    if (!NAME.test(m[1]) || !NAME.test(m[2])) problems.push('service or command has characters outside [A-Za-z0-9_]');
  }

  if (!/^application\/json(\s*;.*)?$/i.test(record.contentType ?? '')) problems.push(`content-type is ${JSON.stringify(record.contentType)}`);

  // Query: exactly the five keys, each once, every value properly percent-encoded.
  const query = {};
  const pairs = rawQuery === '' ? [] : rawQuery.split('&');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const k = eq < 0 ? pair : pair.slice(0, eq);
    const rawV = eq < 0 ? '' : pair.slice(eq + 1);
    if (!RAW_VALUE.test(rawV)) problems.push(`query value of ${k} is not percent-encoded: ${JSON.stringify(rawV.slice(0, 40))}`);
    let v;
    try {
      v = decodeURIComponent(rawV);
    } catch {
      problems.push(`query value of ${k} has a broken percent escape`);
      v = rawV;
    }
    if (Object.prototype.hasOwnProperty.call(query, k)) problems.push(`query key ${k} repeated`);
    query[k] = v;
  }
  record.query = query;
  const keys = Object.keys(query).sort();
  if (keys.join(',') !== [...QUERY_KEYS].sort().join(',')) problems.push(`query keys are [${keys}], expected exactly [${QUERY_KEYS}]`);
  if (query.contenttype !== 'json') problems.push(`contenttype is ${JSON.stringify(query.contenttype)}`);
  const random = query.random ?? '';
  if (!/^(0|[1-9][0-9]{0,9})$/.test(random) || Number(random) > 0xffffffff) problems.push(`random ${JSON.stringify(random)} is not a uint32 in decimal`);
  else record.random = Number(random);
  if (!/^(0|[1-9][0-9]{0,9})$/.test(query.sdkappid ?? '') || Number(query.sdkappid) > 0xffffffff) problems.push('sdkappid is not a uint32 in decimal');
  record.usersig = query.usersig ?? null;
  record.identifier = query.identifier ?? null;

  // UserSig: decode with node:zlib, recompute the HMAC with node:crypto.
  const sdkAppId = Number(query.sdkappid);
  const key = lookupKey(sdkAppId);
  const decoded = decodeUserSigIndependently(query.usersig);
  if (decoded.error) problems.push(decoded.error);
  else {
    record.sigDoc = decoded.doc;
    if (key == null) problems.push(`no key is configured for sdkappid ${query.sdkappid}`);
    else problems.push(...verifyDoc(decoded.doc, { sdkAppId, key, identifier: query.identifier, nowS }));
  }

  // Body: a JSON object.
  try {
    const json = JSON.parse(bodyText);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) problems.push('body is JSON but not an object');
    record.json = json;
  } catch {
    problems.push('body is not JSON');
  }

  record.verdict = { ok: problems.length === 0, problems };
  return record;
}
