// UserSig functions: the shared vectors (official output), documented signatures and defaults,
// verify reasons and boundaries, bad input, JSON styles of other official generators, and (Node
// runners only) the official npm package as an oracle on random inputs.
// Documents are compared after an independent decode (env.sigCodec), never by compressed bytes.

const DEFAULT_EXPIRE = 15552000;

export default function register(test, tim, env) {
  const { assert, sigCodec, bytes } = env;
  const isBadInput = (e) => e instanceof tim.TimError && e.kind === 'bad-input' && e.code === 0 && typeof e.message === 'string' && e.message.length > 0;
  const badInput = (fn, hint) => assert.throws(fn, isBadInput, hint);
  const vectorBuf = (v) => (v.userbuf_hex ? bytes.fromHex(v.userbuf_hex) : undefined);
  const generate = (v, over = {}) => (v.function === 'genPrivateMapKey' || v.function === 'genPrivateMapKeyWithStringRoomID'
    ? tim.generatePrivateMapKey({
      sdkAppId: v.sdkappid, key: v.key, userId: v.identifier, expire: v.expire, time: v.time,
      privilegeMap: v.privilegeMap, ...(v.roomstr !== undefined ? { roomStr: v.roomstr } : { roomId: v.roomid }), ...over,
    })
    : tim.generateUserSig({ sdkAppId: v.sdkappid, key: v.key, userId: v.identifier, expire: v.expire, time: v.time, ...over }));

  test('exports the documented functions and classes', () => {
    for (const f of ['generateUserSig', 'generatePrivateMapKey', 'decodeUserSig', 'verifyUserSig', 'TimClient', 'TimError']) {
      assert.equal(typeof tim[f], 'function', f);
    }
    const e = assert.throws(() => tim.generateUserSig({ sdkAppId: 1, key: 'k', userId: '' }), isBadInput);
    assert.ok(e instanceof Error, 'TimError extends Error');
    assert.equal(e.name, 'TimError');
  });

  assert.ok(env.vectors.length >= 12, 'vectors loaded');
  for (const v of env.vectors) {
    test(`vector ${v.name}: generated document equals the official one`, async () => {
      const sig = generate(v);
      assert.equal(typeof sig, 'string');
      assert.match(sig, /^[A-Za-z0-9*-]+_*$/, 'escaped base64 alphabet');
      assert.deepEqual(await sigCodec.decode(sig), JSON.parse(v.decoded_json));
    });

    test(`vector ${v.name}: decodeUserSig reads the official token`, () => {
      const d = tim.decodeUserSig(v.usersig);
      const want = { version: '2.0', identifier: v.identifier, sdkAppId: v.sdkappid, time: v.time, expire: v.expire, sig: v.sig_b64 };
      const { userBuf, ...rest } = d;
      assert.deepEqual(rest, want);
      if (v.userbuf_hex) {
        assert.ok(userBuf instanceof Uint8Array, 'userBuf is a Uint8Array');
        assert.deepEqual(userBuf, bytes.fromHex(v.userbuf_hex));
      } else assert.equal(userBuf, undefined, 'no userBuf without TLS.userbuf');
    });

    test(`vector ${v.name}: verifyUserSig valid through time+expire, expired one second later`, () => {
      const base = { sdkAppId: v.sdkappid, key: v.key, userId: v.identifier, userSig: v.usersig, userBuf: vectorBuf(v) };
      const expiresAt = v.time + v.expire;
      assert.equal(v.valid_at_unix, expiresAt, 'vector sanity');
      assert.deepEqual(tim.verifyUserSig({ ...base, now: v.time }), { ok: true, expiresAt });
      assert.deepEqual(tim.verifyUserSig({ ...base, now: v.valid_at_unix }), { ok: true, expiresAt });
      assert.deepEqual(tim.verifyUserSig({ ...base, now: v.expired_at_unix }), { ok: false, reason: 'expired' });
      // Our own output verifies the same way.
      assert.deepEqual(tim.verifyUserSig({ ...base, userSig: generate(v), now: v.valid_at_unix }), { ok: true, expiresAt });
    });
  }

  // ---- documented defaults ----
  const app = { sdkAppId: 1400000000, key: 'default-test-key' };

  test('generateUserSig: expire defaults to 15552000 (180 days)', async () => {
    const d = await sigCodec.decode(tim.generateUserSig({ ...app, userId: 'u', time: 1700000000 }));
    assert.equal(d['TLS.expire'], DEFAULT_EXPIRE);
    assert.equal(tim.decodeUserSig(tim.generateUserSig({ ...app, userId: 'u', time: 1700000000 })).expire, DEFAULT_EXPIRE);
  });

  test('generateUserSig: time defaults to now (Unix seconds)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const sig = tim.generateUserSig({ ...app, userId: 'u', expire: 60 });
    const after = Math.floor(Date.now() / 1000);
    const t = (await sigCodec.decode(sig))['TLS.time'];
    assert.ok(t >= before && t <= after, `TLS.time ${t} within [${before}, ${after}]`);
    assert.equal(tim.verifyUserSig({ ...app, userId: 'u', userSig: sig }).ok, true, 'verify: now defaults to the clock');
  });

  test('verifyUserSig: now defaults to the clock (an old token is expired)', () => {
    const sig = tim.generateUserSig({ ...app, userId: 'u', expire: 10, time: 1000000000 });
    assert.deepEqual(tim.verifyUserSig({ ...app, userId: 'u', userSig: sig }), { ok: false, reason: 'expired' });
  });

  test('generatePrivateMapKey: numeric and string rooms give cVer 0 and 1', () => {
    const common = { ...app, userId: 'ab', expire: 100, time: 1700000000, privilegeMap: 42 };
    const n = tim.decodeUserSig(tim.generatePrivateMapKey({ ...common, roomId: 7 })).userBuf;
    const s = tim.decodeUserSig(tim.generatePrivateMapKey({ ...common, roomStr: 'r1' })).userBuf;
    // 00 | 0002 'ab' | sdkappid | room 7 | 1700000100 | 42 | 0
    assert.deepEqual(n, bytes.fromHex('000002616253724e00000000076553f1640000002a00000000'));
    assert.deepEqual(s, bytes.fromHex('010002616253724e00000000006553f1640000002a0000000000027231'));
  });

  // ---- verify reasons ----
  const mk = (over = {}) => ({ ...app, userId: 'alice', expire: 3600, time: 1700000000, ...over });
  const sigOf = (over) => tim.generateUserSig(mk(over));
  const verify = (userSig, over = {}) => tim.verifyUserSig({ ...app, userId: 'alice', userSig, now: 1700000000, ...over });

  const reasons = [
    ['sdkappid-mismatch', () => verify(sigOf(), { sdkAppId: app.sdkAppId + 1 })],
    ['identifier-mismatch', () => verify(sigOf(), { userId: 'alice2' })],
    ['identifier-mismatch (case differs)', () => verify(sigOf(), { userId: 'Alice' })],
    ['expired', () => verify(sigOf(), { now: 1700003601 })],
    ['bad-signature (other key)', () => verify(sigOf({ key: 'another-key' }))],
    ['userbuf-mismatch (wrong bytes)', () => {
      const pm = tim.generatePrivateMapKey({ ...mk(), roomId: 1, privilegeMap: 255 });
      const ub = tim.decodeUserSig(pm).userBuf.slice();
      ub[ub.length - 1] ^= 1;
      return verify(pm, { userBuf: ub });
    }],
    ['userbuf-mismatch (token has one, caller gives none)', () => verify(tim.generatePrivateMapKey({ ...mk(), roomId: 1, privilegeMap: 255 }))],
    ['userbuf-mismatch (caller gives one, token has none)', () => verify(sigOf(), { userBuf: new Uint8Array([0, 1, 2]) })],
  ];
  for (const [name, run] of reasons) {
    test(`verifyUserSig reason ${name}`, () => {
      assert.deepEqual(run(), { ok: false, reason: name.split(' ')[0] });
    });
  }

  test('verifyUserSig: bad-signature when a signed field was edited', async () => {
    const sig = sigOf();
    const doc = await sigCodec.decode(sig);
    for (const [field, value] of [['TLS.expire', 7200], ['TLS.time', 1700000001], ['TLS.sig', doc['TLS.sig'].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))]]) {
      const forged = await sigCodec.encode({ ...doc, [field]: value });
      assert.deepEqual(verify(forged), { ok: false, reason: 'bad-signature' }, field);
    }
    // The untouched document re-encoded by another zlib still verifies: bytes do not matter.
    assert.deepEqual(verify(await sigCodec.encode(doc)), { ok: true, expiresAt: 1700003600 });
  });

  test('verifyUserSig: a PrivateMapKey verifies with its exact userBuf', () => {
    const pm = tim.generatePrivateMapKey({ ...mk(), roomStr: 'room-1', privilegeMap: 255 });
    const ub = tim.decodeUserSig(pm).userBuf;
    assert.deepEqual(verify(pm, { userBuf: ub, now: 1700003600 }), { ok: true, expiresAt: 1700003600 });
  });

  for (const [name, userSig] of Object.entries(env.fixtures.malformed)) {
    test(`malformed token (${name}): decode throws bad-input, verify says malformed`, () => {
      badInput(() => tim.decodeUserSig(userSig), 'decodeUserSig');
      assert.deepEqual(verify(userSig, { userId: 'u1', now: 1700000000 }), { ok: false, reason: 'malformed' });
    });
  }
  test('the valid twin of the malformed fixtures verifies (fixture sanity)', () => {
    const f = env.fixtures.valid;
    assert.deepEqual(tim.verifyUserSig({ sdkAppId: f.sdkAppId, key: f.key, userId: f.identifier, userSig: f.usersig, now: f.time }), { ok: true, expiresAt: f.time + f.expire });
  });

  // ---- tokens in the JSON styles of other official generators ----
  for (const f of env.fixtures.styled) {
    test(`reads a ${f.style}-style token for ${JSON.stringify(f.identifier)}${f.userbufB64 ? ' with userbuf' : ''}`, () => {
      const d = tim.decodeUserSig(f.usersig);
      assert.equal(d.identifier, f.identifier);
      assert.equal(d.sdkAppId, f.sdkAppId);
      assert.equal(d.time, f.time);
      assert.equal(d.expire, f.expire);
      const userBuf = f.userbufB64 ? bytes.fromB64(f.userbufB64) : undefined;
      if (userBuf) assert.deepEqual(d.userBuf, userBuf);
      assert.deepEqual(
        tim.verifyUserSig({ sdkAppId: f.sdkAppId, key: f.key, userId: f.identifier, userSig: f.usersig, now: f.time + f.expire, userBuf }),
        { ok: true, expiresAt: f.time + f.expire },
      );
    });
  }

  // ---- bad input: a TimError of kind bad-input, before anything is produced ----
  const ok = { sdkAppId: 1400000000, key: 'k', userId: 'user', expire: 100, time: 1700000000 };
  const badGenerate = {
    'no options object': undefined,
    'null options': null,
    'empty userId': { ...ok, userId: '' },
    'userId of 33 ASCII bytes': { ...ok, userId: 'a'.repeat(33) },
    'userId of 11 chars but 33 UTF-8 bytes': { ...ok, userId: '张'.repeat(11) },
    'userId not a string': { ...ok, userId: 42 },
    'sdkAppId -1': { ...ok, sdkAppId: -1 },
    'sdkAppId 2^32': { ...ok, sdkAppId: 4294967296 },
    'sdkAppId 1.5': { ...ok, sdkAppId: 1.5 },
    'sdkAppId NaN': { ...ok, sdkAppId: NaN },
    'sdkAppId missing': { ...ok, sdkAppId: undefined },
    'expire 0': { ...ok, expire: 0 },
    'expire -1': { ...ok, expire: -1 },
    'expire 2^32': { ...ok, expire: 4294967296 },
    'empty key': { ...ok, key: '' },
    'key missing': { ...ok, key: undefined },
    'time -1': { ...ok, time: -1 },
  };
  for (const [name, o] of Object.entries(badGenerate)) {
    test(`generateUserSig bad input: ${name}`, () => badInput(() => tim.generateUserSig(o)));
  }
  test('generateUserSig accepts the boundaries (32-byte userId, sdkAppId 2^32-1, expire 1 and 2^32-1)', async () => {
    const cases = [{ userId: 'a'.repeat(32) }, { userId: '张'.repeat(10) + 'ab' }, { sdkAppId: 4294967295 }, { expire: 1 }, { expire: 4294967295 }];
    for (const c of cases) {
      const d = await sigCodec.decode(tim.generateUserSig({ ...ok, ...c }));
      for (const [k, want] of Object.entries(c)) {
        assert.equal(d[{ userId: 'TLS.identifier', sdkAppId: 'TLS.sdkappid', expire: 'TLS.expire' }[k]], want, k);
      }
    }
  });

  const okPm = { ...ok, privilegeMap: 255 };
  const badPrivMap = {
    'roomId -1': { ...okPm, roomId: -1 },
    'roomId 2^32': { ...okPm, roomId: 4294967296 },
    'roomId 1.5': { ...okPm, roomId: 1.5 },
    'both roomId and roomStr': { ...okPm, roomId: 1, roomStr: 'r' },
    'neither roomId nor roomStr': { ...okPm },
    'empty userId': { ...okPm, roomId: 1, userId: '' },
    'userId of 33 bytes': { ...okPm, roomId: 1, userId: 'b'.repeat(33) },
    'sdkAppId 2^32': { ...okPm, roomId: 1, sdkAppId: 4294967296 },
    'expire 0': { ...okPm, roomId: 1, expire: 0 },
    'empty key': { ...okPm, roomId: 1, key: '' },
    'no options object': undefined,
  };
  for (const [name, o] of Object.entries(badPrivMap)) {
    test(`generatePrivateMapKey bad input: ${name}`, () => badInput(() => tim.generatePrivateMapKey(o)));
  }
  test('generatePrivateMapKey accepts roomId 0 and 2^32-1', () => {
    for (const roomId of [0, 4294967295]) assert.ok(tim.decodeUserSig(tim.generatePrivateMapKey({ ...okPm, roomId })).userBuf.length > 0);
  });

  test('decodeUserSig bad input: not a string', () => {
    for (const v of [undefined, null, 42, {}, new Uint8Array(4)]) badInput(() => tim.decodeUserSig(v), String(v));
  });
  test('verifyUserSig bad input: missing options, empty key, sdkAppId out of range, userBuf not bytes', () => {
    const sig = tim.generateUserSig(ok);
    const base = { sdkAppId: ok.sdkAppId, key: ok.key, userId: ok.userId, userSig: sig, now: ok.time };
    assert.deepEqual(tim.verifyUserSig(base), { ok: true, expiresAt: ok.time + ok.expire }, 'the valid base');
    badInput(() => tim.verifyUserSig(), 'no options');
    badInput(() => tim.verifyUserSig({ ...base, key: '' }), 'empty key');
    badInput(() => tim.verifyUserSig({ ...base, sdkAppId: -5 }), 'sdkAppId -5');
    badInput(() => tim.verifyUserSig({ ...base, userBuf: 'not bytes' }), 'userBuf string');
  });

  // ---- the official npm package as an oracle (Node only: it needs node:crypto and node:zlib) ----
  if (env.oracle) registerOracle(test, tim, env);
}

// A small seeded PRNG so a failure can be replayed: the seed is in every failure message.
function prng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
  return {
    u32: next,
    int: (lo, hi) => lo + (next() % (hi - lo + 1)),
    pick: (arr) => arr[next() % arr.length],
  };
}

function registerOracle(test, tim, env) {
  const { assert, sigCodec } = env;
  const { Api, withNow } = env.oracle;
  const seedArg = env.args.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice(7)) : (Date.now() % 2147483647);
  const ROUNDS = 200;
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  const keyChars = [...ascii, 'é', '张', '😀'];
  const str = (r, chars, lo, hi) => Array.from({ length: r.int(lo, hi) }, () => r.pick(chars)).join('');

  function randomInput(r) {
    return {
      sdkAppId: r.int(0, 3) === 0 ? r.pick([1, 1400000000, 4294967295]) : r.int(1, 4294967295),
      key: str(r, r.int(0, 1) ? keyChars : '0123456789abcdef'.split(''), 1, 80),
      userId: str(r, ascii, 1, 32),
      expire: r.pick([1, 60, 86400, DEFAULT_EXPIRE, r.int(1, 4294967295)]),
      time: r.int(1, 4294967295),
    };
  }

  test(`oracle: generateUserSig matches tls-sig-api-v2 on ${ROUNDS} random inputs (seed ${seed})`, async () => {
    const r = prng(seed);
    for (let i = 0; i < ROUNDS; i++) {
      const x = randomInput(r);
      const official = withNow(x.time, () => new Api(x.sdkAppId, x.key).genUserSig(x.userId, x.expire));
      const ours = tim.generateUserSig(x);
      const hint = `round ${i}, seed ${seed}, input ${JSON.stringify({ ...x, key: `<${x.key.length} chars>` })}`;
      assert.deepEqual(await sigCodec.decode(ours), await sigCodec.decode(official), hint);
      const d = tim.decodeUserSig(official);
      assert.deepEqual([d.identifier, d.sdkAppId, d.time, d.expire], [x.userId, x.sdkAppId, x.time, x.expire], hint);
      assert.deepEqual(tim.verifyUserSig({ ...x, userSig: official, now: x.time }), { ok: true, expiresAt: x.time + x.expire }, hint);
    }
  }, { timeoutMs: 60000 });

  test(`oracle: generatePrivateMapKey matches tls-sig-api-v2 on ${ROUNDS} random inputs (seed ${seed})`, async () => {
    const r = prng(seed ^ 0x5bd1e995);
    for (let i = 0; i < ROUNDS; i++) {
      const x = randomInput(r);
      const privilegeMap = r.int(0, 1) ? r.int(0, 255) : r.u32();
      const useStr = r.int(0, 1) === 1;
      const roomStr = str(r, ascii, 1, 64);
      const roomId = r.u32();
      const api = new Api(x.sdkAppId, x.key);
      const official = withNow(x.time, () => (useStr
        ? api.genPrivateMapKeyWithStringRoomID(x.userId, x.expire, roomStr, privilegeMap)
        : api.genPrivateMapKey(x.userId, x.expire, roomId, privilegeMap)));
      const ours = tim.generatePrivateMapKey({ ...x, privilegeMap, ...(useStr ? { roomStr } : { roomId }) });
      const hint = `round ${i}, seed ${seed}, ${useStr ? 'roomStr' : 'roomId'}`;
      const want = await sigCodec.decode(official);
      assert.deepEqual(await sigCodec.decode(ours), want, hint);
      const d = tim.decodeUserSig(official);
      assert.equal(env.bytes.toB64(d.userBuf), want['TLS.userbuf'], hint);
      assert.deepEqual(tim.verifyUserSig({ ...x, userSig: official, now: x.time + x.expire, userBuf: d.userBuf }), { ok: true, expiresAt: x.time + x.expire }, hint);
    }
  }, { timeoutMs: 60000 });
}
