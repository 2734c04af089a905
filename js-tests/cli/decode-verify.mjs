// `tim-edge decode` and `tim-edge verify` against the shared vectors (data/usersig-vectors.json,
// made by the official generator and checked against five other official implementations), and
// tampered UserSigs built here with node:zlib from those vectors' documents.
import { deflateSync } from 'node:zlib';
import { escapeB64 } from '../server/usersig-oracle.mjs';

const encode = (doc) => escapeB64(deflateSync(Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc))).toString('base64'));
const iso = (s) => new Date(s * 1000).toISOString();

// The ways a UserSig reaches decode/verify; tests rotate through them.
function userSigInput(via, sig) {
  if (via === 'arg') return { args: [sig], opts: {} };
  if (via === 'env') return { args: ['--usersig-env', 'THE_SIG'], opts: { env: { THE_SIG: sig } } };
  if (via === 'dash') return { args: ['-'], opts: { stdin: sig } };
  return { args: [], opts: { stdin: `${sig}\n` } };
}
const VIAS = ['arg', 'env', 'stdin', 'dash'];

export default function register(test, { assert, run, vectors }) {
  vectors.forEach((v, i) => {
    const via = VIAS[i % VIAS.length];
    test(`decode ${v.name} (UserSig via ${via})`, async () => {
      const input = userSigInput(via, v.usersig);
      const r = await run(['decode', ...input.args], { ...input.opts, secrets: [v.key] });
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(v.decoded_json);
      const want = {
        version: doc['TLS.ver'],
        identifier: doc['TLS.identifier'],
        sdkAppId: doc['TLS.sdkappid'],
        time: doc['TLS.time'],
        signedAt: iso(doc['TLS.time']),
        expire: doc['TLS.expire'],
        expiresAt: iso(doc['TLS.time'] + doc['TLS.expire']),
      };
      if (v.userbuf_b64) want.userbuf = v.userbuf_b64;
      assert.deepEqual(JSON.parse(r.stdout), want);
      // Decided: the signature is left out, so decode output is never the credential itself.
      assert.ok(!r.stdout.includes(v.sig_b64), 'TLS.sig is not printed');
    });

    test(`verify ${v.name}: valid at time+expire, expired one second later`, async () => {
      const base = ['verify', '--sdkappid', String(v.sdkappid), '--user', v.identifier, '--key-env', 'K'];
      if (v.userbuf_b64) base.push('--userbuf', v.userbuf_b64);
      const input = userSigInput(via, v.usersig);
      const opts = { ...input.opts, env: { K: v.key, ...input.opts.env }, secrets: [v.key, v.usersig] };
      const ok = await run([...base, '--now', String(v.valid_at_unix), ...input.args], opts);
      assert.equal(ok.code, 0, `valid: ${ok.stdout}${ok.stderr}`);
      assert.equal(ok.stdout, `valid until ${iso(v.valid_at_unix)} (unix ${v.valid_at_unix})\n`);
      const late = await run([...base, '--now', String(v.expired_at_unix), ...input.args], opts);
      assert.equal(late.code, 1, 'expired');
      assert.equal(late.stdout, 'invalid: expired\n');
    });
  });

  const v = vectors.find((x) => x.name === 'ascii-180d');
  const pm = vectors.find((x) => x.userbuf_b64);
  const doc = JSON.parse(v.decoded_json);
  const otherKey = v.key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const flipSig = (s) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
  // [what, vector, UserSig, overrides, expected reason]
  const REJECTIONS = [
    ['another key', v, v.usersig, { key: otherKey }, 'bad-signature'],
    ['another UserID', v, v.usersig, { user: 'xiaojun2' }, 'identifier-mismatch'],
    ['another SDKAppID', v, v.usersig, { sdkappid: 1400000001 }, 'sdkappid-mismatch'],
    ['a PrivateMapKey without --userbuf', pm, pm.usersig, { userbuf: null }, 'userbuf-mismatch'],
    ['a changed TLS.sig', v, encode({ ...doc, 'TLS.sig': flipSig(doc['TLS.sig']) }), {}, 'bad-signature'],
    ['a changed TLS.time', v, encode({ ...doc, 'TLS.time': doc['TLS.time'] + 1 }), {}, 'bad-signature'],
    ['a longer TLS.expire', v, encode({ ...doc, 'TLS.expire': doc['TLS.expire'] * 2 }), {}, 'bad-signature'],
    ['a changed TLS.identifier', v, encode({ ...doc, 'TLS.identifier': 'mallory' }), { user: 'mallory' }, 'bad-signature'],
    ['an added TLS.userbuf', v, encode({ ...doc, 'TLS.userbuf': 'AAAA' }), { userbuf: 'AAAA' }, 'bad-signature'],
    ['a truncated UserSig', v, v.usersig.slice(0, 60), {}, 'malformed'],
    ['not a UserSig', v, 'x'.repeat(40), {}, 'malformed'],
  ];
  REJECTIONS.forEach(([what, vec, sig, o, reason], i) => {
    test(`verify rejects ${what}: ${reason}`, async () => {
      const key = o.key ?? vec.key;
      const userbuf = o.userbuf === undefined ? vec.userbuf_b64 : o.userbuf;
      const args = ['verify', '--sdkappid', String(o.sdkappid ?? vec.sdkappid), '--user', o.user ?? vec.identifier, '--now', String(vec.valid_at_unix)];
      if (userbuf) args.push('--userbuf', userbuf);
      // Alternate: key via --key-env + UserSig via stdin, and key via stdin + UserSig via --usersig-env.
      const opts = i % 2 === 0
        ? { env: { K: key }, stdin: sig, secrets: [key, sig] }
        : { env: { S: sig }, stdin: `${key}\n`, secrets: [key, sig] };
      const r = await run([...args, ...(i % 2 === 0 ? ['--key-env', 'K'] : ['--usersig-env', 'S'])], opts);
      assert.equal(r.code, 1, `exit code (${r.stdout}${r.stderr})`);
      assert.equal(r.stdout, `invalid: ${reason}\n`);
    });
  });

  // decode names the broken layer and never repeats the input.
  const LAYERS = [
    ['characters outside the alphabet', `${v.usersig.slice(0, 40)}!!!!`, /not valid base64/],
    ['base64 that is not zlib', escapeB64(Buffer.from('this is plain text, not a zlib stream').toString('base64')), /not a valid zlib stream/],
    ['zlib that is not JSON', encode('TLS.ver=2.0; TLS.identifier=someone; not json'), /does not contain JSON/],
    ['JSON that is not an object', encode('["TLS.ver","2.0","TLS.identifier","someone"]'), /not a JSON object/],
    ['a document without TLS.sig', encode({ ...doc, 'TLS.sig': undefined }), /lacks string TLS\.sig/],
    ['a document with a string TLS.time', encode({ ...doc, 'TLS.time': '1700000000' }), /lacks number TLS\.time/],
    ['a TLS.userbuf that is not base64', encode({ ...doc, 'TLS.userbuf': '%%%%' }), /TLS\.userbuf is not valid base64/],
  ];
  for (const [what, sig, pattern] of LAYERS) {
    test(`decode fails on ${what} (exit 1, input not echoed)`, async () => {
      const r = await run(['decode', sig], { secrets: [sig] });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^tim-edge decode: cannot decode: /);
      assert.match(r.stderr, pattern);
    });
  }
}
