// The performance-minded API surface: the batch call generateUserSigs, and the single-call fast
// path (a cached per-key signer) behaving exactly like the generic path. Oracles: the shared
// vectors (official output), an independent decode (env.sigCodec: web-standard inflate) and an
// independent signature check (WebCrypto HMAC-SHA256 over the spec's content string, the way
// the official verifiers recompute it); in Node also the official npm package.

const DEFAULT_EXPIRE = 15552000;
const enc = new TextEncoder();

export default function register(test, tim, env) {
  const { assert, sigCodec, bytes } = env;
  const isBadInput = (e) => e instanceof tim.TimError && e.kind === 'bad-input' && typeof e.message === 'string' && e.message.length > 0;
  const plainVectors = env.vectors.filter((v) => !v.userbuf_hex);

  // The official verifier's steps, written from the spec with WebCrypto: inflate, parse, check
  // sdkappid / identifier / expiry, recompute the HMAC over the content string, compare.
  async function officialVerify(userSig, { sdkAppId, key, userId, now }) {
    const doc = await sigCodec.decode(userSig);
    if (doc['TLS.sdkappid'] !== Number(sdkAppId)) return 'sdkappid-mismatch';
    if (doc['TLS.identifier'] !== userId) return 'identifier-mismatch';
    if (now > doc['TLS.time'] + doc['TLS.expire']) return 'expired';
    const content = `TLS.identifier:${doc['TLS.identifier']}\nTLS.sdkappid:${doc['TLS.sdkappid']}\nTLS.time:${doc['TLS.time']}\nTLS.expire:${doc['TLS.expire']}\n`;
    const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = bytes.toB64(new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(content))));
    return mac === doc['TLS.sig'] ? 'ok' : 'bad-signature';
  }

  test('generateUserSigs is exported and answers one UserSig per UserID, in order', () => {
    assert.equal(typeof tim.generateUserSigs, 'function');
    const o = { sdkAppId: 1400000000, key: 'k1', expire: 86400, time: 1700000000 };
    const ids = ['alice', 'bob', 'carol', 'alice'];
    const sigs = tim.generateUserSigs({ ...o, userIds: ids });
    assert.ok(Array.isArray(sigs), 'an array');
    assert.equal(sigs.length, ids.length);
    ids.forEach((userId, i) => assert.equal(sigs[i], tim.generateUserSig({ ...o, userId }), `entry ${i}`));
    assert.deepEqual(tim.generateUserSigs({ ...o, userIds: [] }), []);
  });

  for (const v of plainVectors) {
    test(`vector ${v.name}: a batch entry carries the official document and passes the official checks`, async () => {
      const o = { sdkAppId: v.sdkappid, key: v.key, expire: v.expire, time: v.time };
      const sigs = tim.generateUserSigs({ ...o, userIds: ['first', v.identifier, 'last'] });
      assert.deepEqual(await sigCodec.decode(sigs[1]), JSON.parse(v.decoded_json));
      for (const [i, userId] of ['first', v.identifier, 'last'].entries()) {
        assert.equal(await officialVerify(sigs[i], { ...o, userId, now: v.time }), 'ok', `entry ${i}`);
        const doc = await sigCodec.decode(sigs[i]);
        assert.deepEqual([doc['TLS.identifier'], doc['TLS.sdkappid'], doc['TLS.time'], doc['TLS.expire']], [userId, v.sdkappid, v.time, v.expire], `entry ${i}`);
      }
      assert.equal(await officialVerify(sigs[1], { ...o, userId: v.identifier, now: v.time + v.expire + 1 }), 'expired');
    });
  }

  test('generateUserSigs defaults: expire 180 days, time now; sdkAppId may be a string of digits', async () => {
    const before = Math.floor(Date.now() / 1000);
    const sigs = tim.generateUserSigs({ sdkAppId: '1400000001', key: 'k2', userIds: ['u1', 'u2'] });
    const after = Math.floor(Date.now() / 1000);
    for (const s of sigs) {
      const doc = await sigCodec.decode(s);
      assert.equal(doc['TLS.expire'], DEFAULT_EXPIRE);
      assert.equal(doc['TLS.sdkappid'], 1400000001);
      assert.ok(doc['TLS.time'] >= before && doc['TLS.time'] <= after, 'time is now');
    }
  });

  test('generateUserSigs refuses bad input before signing anything, naming the entry', () => {
    const o = { sdkAppId: 1400000000, key: 'k', time: 1700000000 };
    assert.throws(() => tim.generateUserSigs(null), isBadInput);
    assert.throws(() => tim.generateUserSigs({ ...o }), isBadInput, 'no userIds');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: 'alice' }), isBadInput, 'not an array');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: ['a', 7] }), (e) => isBadInput(e) && /userIds\[1\]/.test(e.message), 'not a string');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: ['a', 'b', ''] }), (e) => isBadInput(e) && /userIds\[2\]/.test(e.message), 'empty');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: ['a', 'x'.repeat(33)] }), (e) => isBadInput(e) && /userIds\[1\]/.test(e.message), 'too long');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: ['a', 'b\nc'] }), isBadInput, 'line break inside an entry');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: ['a\tb'] }), isBadInput, 'control character');
    assert.throws(() => tim.generateUserSigs({ ...o, key: '', userIds: [] }), isBadInput, 'empty key with an empty list');
    assert.throws(() => tim.generateUserSigs({ ...o, sdkAppId: 0, userIds: ['a'] }), isBadInput, 'sdkAppId 0');
    assert.throws(() => tim.generateUserSigs({ ...o, expire: 0, userIds: ['a'] }), isBadInput, 'expire 0');
    assert.throws(() => tim.generateUserSigs({ ...o, time: 1.5, userIds: ['a'] }), isBadInput, 'fractional time');
    assert.throws(() => tim.generateUserSigs({ ...o, userIds: Array(100001).fill('a') }), isBadInput, 'over the batch cap');
  });

  test('the cached signer follows key changes, also across verifyUserSig calls with other keys', async () => {
    const o = { sdkAppId: 1400000000, userId: 'same-user', expire: 600, time: 1700000000 };
    const keys = ['key-A', 'key-B', 'key-A', 'key-C', 'key-A'];
    for (const [i, key] of keys.entries()) {
      const sig = tim.generateUserSig({ ...o, key });
      assert.equal(await officialVerify(sig, { ...o, key, now: o.time }), 'ok', `call ${i} with ${key}`);
      // A verification with another key must not change what the next generateUserSig signs with.
      tim.verifyUserSig({ ...o, key: `other-${i}`, userSig: sig, now: o.time });
    }
    const a = tim.generateUserSig({ ...o, key: 'key-A' });
    assert.equal(await officialVerify(a, { ...o, key: 'key-B', now: o.time }), 'bad-signature', 'signed with A, not B');
  });

  test('fast and generic paths agree: number or digit-string sdkAppId, absent or explicit defaults', async () => {
    const o = { key: 'k3', userId: 'u', time: 1700000000 };
    const n = tim.generateUserSig({ ...o, sdkAppId: 1400000000 });
    assert.equal(tim.generateUserSig({ ...o, sdkAppId: '1400000000' }), n);
    assert.equal(tim.generateUserSig({ ...o, sdkAppId: 1400000000, expire: DEFAULT_EXPIRE }), n);
    assert.equal(tim.generateUserSig({ ...o, sdkAppId: 1400000000, expire: null }), n);
    for (const bad of [{ sdkAppId: '14e8' }, { sdkAppId: 1.5 }, { expire: 4294967296 }, { time: -1 }, { userId: 5 }, { key: 5 }]) {
      assert.throws(() => tim.generateUserSig({ ...o, sdkAppId: 1400000000, ...bad }), isBadInput, JSON.stringify(bad));
    }
  });

  if (env.oracle) {
    test('oracle: a batch matches tls-sig-api-v2 entry by entry', async () => {
      const { Api, withNow } = env.oracle;
      const o = { sdkAppId: 1400000123, key: 'oracle-key', expire: 3600, time: 1700000123 };
      const ids = Array.from({ length: 20 }, (_, i) => `user-${i}-${'x'.repeat(i)}`);
      const sigs = tim.generateUserSigs({ ...o, userIds: ids });
      const api = new Api(o.sdkAppId, o.key);
      for (const [i, id] of ids.entries()) {
        const official = withNow(o.time, () => api.genUserSig(id, o.expire));
        assert.deepEqual(await sigCodec.decode(sigs[i]), await sigCodec.decode(official), `entry ${i}`);
      }
    });
  }
}
