// The `walkthrough` row of run.mjs: the README's offline main job, as a new user runs it. Starts
// the example Worker exactly as the README's first command does (wrangler dev on the repo's
// wrangler.toml, no secrets, so it runs on the emulator), runs the README's curl lines (taken
// from the README between the walkthrough markers) with the real curl, and checks each answer.
// The UserSig the Worker hands out is verified with the official tls-sig-api-v2 package.
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { assert, createRegistry, formatResult } from '../harness.mjs';
import { reportAndExit } from '../runners/common.mjs';
import { nodeOracle } from '../runners/node-oracle.mjs';
import { startWranglerDev } from '../server/wrangler-dev.mjs';
import { ensureExampleDeps } from '../example/deps.mjs';

const config = JSON.parse(process.argv[2]);
const root = dirname(config.jsTestsDir);

/** A UserSig's JSON document, read with node:zlib (independent of the package). */
function decodeWithNode(sig) {
  const b64 = sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  return JSON.parse(inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
}

/** The README's walkthrough commands: each `curl` line between the markers. */
function readmeCommands() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- walkthrough:start -->([\s\S]*?)<!-- walkthrough:end -->/.exec(readme);
  if (!m) throw new Error('README.md has no walkthrough markers');
  return m[1].split('\n').filter((l) => l.startsWith('curl '));
}

/** A curl line as argv: words split on spaces, '...' single-quoted strings kept whole. */
function argv(line) {
  const out = [];
  const re = /'([^']*)'|(\S+)/g;
  let m;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2]);
  return out;
}

// What each README line must answer, in order. A changed README fails here until this is updated.
const ok = (j) => {
  assert.equal(j.ActionStatus, 'OK', JSON.stringify(j));
  assert.equal(j.ErrorCode, 0);
};
const texts = (list) => (list ?? []).flatMap((m) => (m.MsgBody ?? []).map((e) => e.MsgContent?.Text));
const EXPECT = [
  ['multiaccount_import', ok],
  ['create_group', (j) => { ok(j); assert.equal(j.GroupId, 'lobby'); }],
  ['send_group_msg', (j) => { ok(j); assert.ok(Number.isInteger(j.MsgSeq), 'MsgSeq'); }],
  ['group_msg_get_simple', (j) => { ok(j); assert.ok(texts(j.RspMsgList).includes('hello, lobby'), JSON.stringify(j)); }],
  ['sendmsg', (j) => { ok(j); assert.ok(Number.isInteger(j.MsgTime), 'MsgTime'); }],
  ['admin_getroammsg', (j) => {
    ok(j);
    // The before-send webhook masked the word on its way in.
    assert.deepEqual(texts(j.MsgList), ['****, missed you'], JSON.stringify(j));
  }],
  ['get_list', (j) => {
    ok(j);
    // Both sends moved alice's list: the one-to-one message from bob is the newest.
    assert.deepEqual(j.SessionItem.map((s) => [s.Type, s.To_Account ?? s.GroupId]), [[1, 'bob'], [2, 'lobby']], JSON.stringify(j));
    assert.equal(j.CompleteFlag, 1);
  }],
  ['mark_contact', (j) => { ok(j); assert.equal(j.ResultItem[0].ResultCode, 0, JSON.stringify(j)); }],
  ['get_contact_group', (j) => {
    ok(j);
    const [c] = j.ContactItem;
    assert.deepEqual([j.ContactItem.length, c.To_Account, c.StandardMark, c.CustomMark], [1, 'bob', '1', 'call back'], JSON.stringify(j));
    assert.ok(Number.isInteger(c.Timestamp), 'Timestamp');
  }],
  ['sendmsg', (j) => { assert.equal(j.error?.code, 120001, JSON.stringify(j)); assert.match(j.error.info, /links/); }],
  ['usersig', (j, oracle) => {
    assert.equal(j.demo, true);
    // Decoded with node:zlib, and compared with the official package's token for the same time:
    // the same signed fields and the same TLS.sig.
    const doc = decodeWithNode(j.userSig);
    assert.equal(doc['TLS.identifier'], 'alice');
    const api = new oracle.Api(j.sdkAppId, 'DEMO-KEY-NOT-SECRET-replace-with-TIM_KEY');
    const official = decodeWithNode(oracle.withNow(doc['TLS.time'], () => api.genSig('alice', j.expire)));
    assert.deepEqual(doc, official);
  }],
];

const registry = createRegistry({ defaultTimeoutMs: 180000 });
registry.test('walkthrough: the README curl lines against the offline example Worker', async () => {
  const lines = readmeCommands();
  assert.equal(lines.length, EXPECT.length, 'README walkthrough lines vs expectations');
  // No TIM_* variables: the offline path is the one under test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TIM_')));
  ensureExampleDeps(root); // jose, as the README's dev command installs it
  const { base, stop } = await startWranglerDev({
    wranglerBin: config.wranglerBin,
    cwd: root,
    env,
    isUp: async (b) => (await fetch(`${b}/`, { signal: AbortSignal.timeout(2000) })).status === 404,
  });
  const port = new URL(base).port;
  try {
    const oracle = nodeOracle(config.jsTestsDir);
    for (const [i, line] of lines.entries()) {
      const [name, check] = EXPECT[i];
      assert.ok(line.includes(name), `README line ${i + 1} should call ${name}: ${line}`);
      const args = argv(line.replace('localhost:8787', `127.0.0.1:${port}`)).slice(1);
      const out = execFileSync('curl', [...args, '--max-time', '20'], { encoding: 'utf8', timeout: 30000 });
      let json;
      try {
        json = JSON.parse(out);
      } catch {
        throw new Error(`README line ${i + 1} answered non-JSON: ${out.slice(0, 500)}`);
      }
      try {
        check(json, oracle);
      } catch (e) {
        e.message = `README line ${i + 1} (${name}): ${e.message}`;
        throw e;
      }
    }
  } finally {
    stop();
  }
});

const results = await registry.run({ grep: config.grep, onResult: (r) => console.log(formatResult(r)) });
await reportAndExit('walkthrough', results);
