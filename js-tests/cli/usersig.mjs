// `tim-edge usersig` against the official npm tls-sig-api-v2: the official generator, run at the
// same second with the same inputs, must produce the same document (fields and TLS.sig). The
// CLI's output is read with the independent decoder in server/usersig-oracle.mjs.
import { randomBytes } from 'node:crypto';
import { decodeUserSigIndependently } from '../server/usersig-oracle.mjs';

const SDKAPPID = 1400012345;

// [what, user, expire flag value or undefined, how the key is given]
const CASES = [
  ['--key-env, default expire', 'alice', undefined, 'env'],
  ['--key-env, --expire 86400', 'bob', '86400', 'env'],
  ['key on stdin with a trailing newline', 'carol', '3600', 'stdin-lf'],
  ['key on stdin with a trailing CRLF', 'dave', '3600', 'stdin-crlf'],
  ['key on stdin without a newline', 'erin', '1', 'stdin-bare'],
  ['a UTF-8 UserID', '张三', '600', 'env'],
  ['an emoji UserID', 'emoji😀user', '600', 'stdin-lf'],
  ['the largest expire', 'frank', '4294967295', 'env'],
];

export default function register(test, { assert, run, oracle }) {
  const official = (key, user, expire, time) => oracle.withNow(time, () => new oracle.Api(SDKAPPID, key).genUserSig(user, expire));

  for (const [what, user, expire, keyVia] of CASES) {
    test(`matches the official generator: ${what}`, async () => {
      const key = randomBytes(32).toString('hex');
      const args = ['usersig', '--sdkappid', String(SDKAPPID), '--user', user, ...(expire ? ['--expire', expire] : [])];
      const stdin = { 'stdin-lf': `${key}\n`, 'stdin-crlf': `${key}\r\n`, 'stdin-bare': key }[keyVia];
      const before = Math.floor(Date.now() / 1000);
      const r = keyVia === 'env'
        ? await run([...args, '--key-env', 'MY_TIM_KEY'], { env: { MY_TIM_KEY: key }, secrets: [key] })
        : await run(args, { stdin, secrets: [key] });
      const after = Math.floor(Date.now() / 1000);
      assert.equal(r.code, 0, `exit code (stderr: ${r.stderr})`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^[A-Za-z0-9*-]+_*\n$/, 'one UserSig line');
      const ours = decodeUserSigIndependently(r.stdout.trim());
      assert.ok(ours.doc, ours.error);
      const t = ours.doc['TLS.time'];
      assert.ok(t >= before && t <= after, `TLS.time ${t} within the run`);
      const theirs = decodeUserSigIndependently(official(key, user, Number(expire ?? 15552000), t));
      assert.deepEqual(ours.doc, theirs.doc);
    });
  }

  test('only ONE trailing newline is removed from a key on stdin', async () => {
    const key = randomBytes(32).toString('hex');
    const r = await run(['usersig', '--sdkappid', String(SDKAPPID), '--user', 'a'], { stdin: `${key}\n\n`, secrets: [key] });
    assert.equal(r.code, 0, r.stderr);
    const ours = decodeUserSigIndependently(r.stdout.trim()).doc;
    const withNewline = decodeUserSigIndependently(official(`${key}\n`, 'a', 15552000, ours['TLS.time'])).doc;
    assert.equal(ours['TLS.sig'], withNewline['TLS.sig'], 'signed with the key plus one newline');
  });
}
