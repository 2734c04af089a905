// The benchmark cases and the measuring loop, shared by every runtime (no node:* imports).
// A case is { label, op(i), async?, perOp?, build? }: `op` does one call; `perOp` is how many
// UserSigs or requests one call produces (the batch case), so every figure is per unit of work;
// `build` names the package build a tim-edge case runs ('after', or 'before' with --baseline).
// Cases of every build run in the same interleaved rounds.
import { webCryptoUserSig, webCryptoSigner } from './webcrypto-usersig.mjs';
import { APP } from './app.mjs';
import { summarize } from './stats.mjs';

export { APP, summarize };
// Sixteen realistic UserIDs, rotated so no implementation can cache one answer.
export const USER_IDS = Array.from({ length: 16 }, (_, i) => `user_${String(100000 + i * 7919)}`);
const BATCH = 100;
const BATCH_IDS = Array.from({ length: BATCH }, (_, i) => USER_IDS[i % 16] + i);
const BODY = { From_Account: 'alice', To_Account: 'bob', MsgRandom: 12345, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] };

/** The key of a case that runs one build: `tim-edge@after`, `buildRequest@before`. */
export const caseKey = (name, build) => `${name}@${build}`;

// `builds` is [{ id, tim }] (the first is the build under test); `official` is the tls-sig-api-v2
// module (Node and Bun only). Returns { key: case }.
export function makeCases({ builds, official }) {
  const { sdkAppId, key, expire } = APP;
  const ids = USER_IDS;
  const cached = webCryptoSigner(sdkAppId, key, expire);
  const cases = {};
  for (const { id, tim } of builds) {
    const client = new tim.TimClient({ sdkAppId, key });
    cases[caseKey('tim-edge', id)] = { label: 'generateUserSig (tim-edge)', build: id, op: (i) => tim.generateUserSig({ sdkAppId, key, userId: ids[i & 15], expire }) };
    cases[caseKey('tim-edge-batch', id)] = { label: `generateUserSigs, per UserSig (x${BATCH})`, build: id, perOp: BATCH, op: () => tim.generateUserSigs({ sdkAppId, key, expire, userIds: BATCH_IDS }) };
    cases[caseKey('buildRequest', id)] = { label: 'TimClient.buildRequest', build: id, op: () => client.buildRequest('openim', 'sendmsg', BODY) };
  }
  cases.webcrypto = { label: 'WebCrypto + fflate (importKey per call)', async: true, op: (i) => webCryptoUserSig(sdkAppId, key, ids[i & 15], expire) };
  cases['webcrypto-cached'] = { label: 'WebCrypto + fflate (CryptoKey reused)', async: true, op: (i) => cached(ids[i & 15]) };
  if (official) {
    const api = new official.Api(sdkAppId, key);
    cases.official = { label: 'tls-sig-api-v2 genUserSig', op: (i) => api.genUserSig(ids[i & 15], expire) };
  }
  return cases;
}

// Every implementation must produce a UserSig that verifies before its speed means anything
// (checked by the verifyUserSig of `tim`, the build under test).
export async function checkOutputs(tim, cases) {
  const problems = [];
  for (const [name, c] of Object.entries(cases)) {
    if (name.startsWith('buildRequest')) {
      const r = c.op(0);
      if (!/[?&]usersig=[^&]+/.test(r.url)) problems.push(`${name}: no usersig in ${r.url.slice(0, 80)}`);
      continue;
    }
    const out = await c.op(0);
    const sigs = Array.isArray(out) ? out : [out];
    const ids = Array.isArray(out) ? BATCH_IDS : [USER_IDS[0]];
    sigs.forEach((userSig, k) => {
      const v = tim.verifyUserSig({ sdkAppId: APP.sdkAppId, key: APP.key, userId: ids[k], userSig });
      if (!v.ok) problems.push(`${name}: output does not verify (${v.reason})`);
    });
  }
  return problems;
}

/** Runs `op` n times; answers elapsed milliseconds by `now`. */
export async function timeCase(c, n, now) {
  const op = c.op;
  if (c.async) {
    const t = now();
    for (let i = 0; i < n; i++) await op(i);
    return now() - t;
  }
  const t = now();
  for (let i = 0; i < n; i++) op(i);
  return now() - t;
}


// Side by side: calibrate each case to about `roundMs` per round, then run the rounds with the
// cases interleaved (A B C A B C ...), so drift and thermal noise hit every case alike.
// `timeBatch(name, n)` answers elapsed ms for n calls (locally, or across HTTP for workerd).
// Answers { name: { median, min, max, runs, n } } in microseconds per unit of work.
export async function measure(names, perOpOf, timeBatch, { rounds, roundMs, warmupMs }) {
  const plan = {};
  for (const name of names) {
    let n = 1;
    let ms = 0;
    // Warm up and calibrate: grow n until one batch takes warmupMs (bounded: at most 2^24 calls).
    for (let k = 0; k < 25; k++) {
      ms = await timeBatch(name, n);
      if (ms >= warmupMs || n >= 1 << 24) break;
      n *= ms < warmupMs / 16 ? 8 : 2;
    }
    plan[name] = Math.max(1, Math.round((n * roundMs) / Math.max(ms, 0.001)));
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const n = plan[name];
      const ms = await timeBatch(name, n);
      samples[name].push((ms * 1000) / (n * perOpOf(name)));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ...summarize(samples[name]), n: plan[name] }]));
}
