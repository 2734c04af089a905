// `tim-edge emulator`: started on a free port as a subprocess, waited for (bounded), called with
// the SDK as a user would (TimClient with baseUrl), stopped with a signal. Until the package
// ships `tim-edge/emulator`, the command must fail cleanly instead (exit 1, one line).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TimClient } from 'tim-edge';
import { AssertionError } from '../harness.mjs';
import { freePort } from '../server/free-port.mjs';
import { assertNoSecrets, binPath } from './spawn-bin.mjs';

const READY = /^tim-edge emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

// Starts the bin; resolves once the ready line is out (at most 10 s), with the base URL.
function startEmulator(scratchDir, args, env = {}) {
  const child = spawn(binPath(scratchDir), ['emulator', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const io = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (io.stdout += d));
  child.stderr.on('data', (d) => (io.stderr += d));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch { /* gone */ }
  };
  // Stops with `signal`; resolves the exit (at most 5 s, then SIGKILL and a failure).
  const stop = async (signal) => {
    child.kill(signal);
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => {
        kill();
        reject(new AssertionError(`the emulator did not exit within 5 s of ${signal}`));
      }, 5000);
    });
    try {
      return await Promise.race([exited, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new AssertionError(`no ready line within 10 s (stdout: ${io.stdout.slice(0, 300)} stderr: ${io.stderr.slice(0, 300)})`));
    }, 10000);
    const check = () => {
      const m = READY.exec(io.stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', check);
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new AssertionError(`the emulator exited with ${code} before it was ready: ${io.stderr.slice(0, 300)}`));
    });
  });
  return ready.then((url) => ({ url, io, stop, kill, exited }), (e) => Promise.reject(e));
}

function hasEmulator(scratchDir) {
  const manifest = JSON.parse(readFileSync(join(scratchDir, 'node_modules', 'tim-edge', 'package.json'), 'utf8'));
  return Boolean(manifest.exports && manifest.exports['./emulator']);
}

export default function register(test, { assert, run, scratchDir }) {
  if (!hasEmulator(scratchDir)) {
    test('without tim-edge/emulator in the package: a clean failure', async () => {
      const r = await run(['emulator', '--port', '0']);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, 'tim-edge emulator: this build of tim-edge has no emulator (tim-edge/emulator is missing)\n');
    });
    return;
  }

  const sdkAppId = 1400000000 + Math.floor(Math.random() * 1000000);
  const account = (client, id) => client.call('im_open_login_svc', 'account_import', { UserID: id });
  const check = (client, id) => client.call('im_open_login_svc', 'account_check', { CheckItem: [{ UserID: id }] });

  test('serves on 127.0.0.1: a signed SDK call works, a wrong key is refused, SIGTERM stops it', async () => {
    const key = randomBytes(32).toString('hex');
    const port = await freePort();
    const emu = await startEmulator(scratchDir, ['--port', String(port), '--sdkappid', String(sdkAppId), '--key-env', 'EMU_KEY'], { EMU_KEY: key });
    try {
      assert.equal(emu.url, `http://127.0.0.1:${port}`);
      assert.match(emu.io.stdout, new RegExp(`baseUrl: '${emu.url}'`), 'prints how to point TimClient at it');
      const client = new TimClient({ sdkAppId, key, baseUrl: emu.url, maxRetries: 0 });
      const answer = await account(client, 'alice');
      assert.equal(answer.ActionStatus, 'OK');
      const checked = await check(client, 'alice');
      assert.equal(checked.ResultItem[0].AccountStatus, 'Imported');
      const wrong = new TimClient({ sdkAppId, key: `${key}x`, baseUrl: emu.url, maxRetries: 0 });
      await assert.rejects(account(wrong, 'bob'), { kind: 'api', code: 70009 });
    } catch (e) {
      emu.kill();
      throw e;
    }
    const end = await emu.stop('SIGTERM');
    assert.equal(end.code, 0, `exit code (stderr: ${emu.io.stderr.slice(-300)})`);
    assert.match(emu.io.stderr, /tim-edge emulator stopped \(SIGTERM\)/);
    assert.match(emu.io.stderr, /POST \/v4\/im_open_login_svc\/account_import 200/, 'request log');
    assert.ok(!/usersig=/i.test(emu.io.stderr), 'the request log leaves out the query (it carries a UserSig)');
    assertNoSecrets(emu.io, [key]);
  });

  test('without --key-env: prints a random key once, and it signs calls', async () => {
    const emu = await startEmulator(scratchDir, ['--port', '0', '--sdkappid', String(sdkAppId), '--quiet']);
    try {
      const m = /^ {2}export TIM_EMULATOR_KEY=([0-9a-f]{64})$/m.exec(emu.io.stdout);
      assert.ok(m, `a key line in ${emu.io.stdout.slice(0, 400)}`);
      assert.equal(emu.io.stdout.split(m[1]).length - 1, 1, 'the key is printed once');
      const client = new TimClient({ sdkAppId, key: m[1], baseUrl: emu.url, maxRetries: 0 });
      assert.equal((await account(client, 'carol')).ActionStatus, 'OK');
      // The printed curl recipe works as printed: the SIG=$(npx tim-edge usersig ...) line, then curl.
      const sigLine = /^ {2}SIG=\$\(npx tim-edge (usersig [^)]*)\)$/m.exec(emu.io.stdout);
      const curlLine = /^ {2}curl -d '([^']*)' "([^"]*)"$/m.exec(emu.io.stdout);
      assert.ok(sigLine && curlLine, `a SIG line and a curl line in ${emu.io.stdout.slice(0, 600)}`);
      const sig = await run(sigLine[1].split(' '), { env: { TIM_EMULATOR_KEY: m[1] } });
      assert.equal(sig.code, 0, sig.stderr);
      const res = await fetch(curlLine[2].replace('$SIG', sig.stdout.trim()), { method: 'POST', body: curlLine[1], signal: AbortSignal.timeout(5000) });
      assert.equal((await res.json()).ActionStatus, 'OK', 'the curl recipe imports alice');
    } catch (e) {
      emu.kill();
      throw e;
    }
    const end = await emu.stop('SIGINT');
    assert.equal(end.code, 0);
    assert.ok(!/ POST /.test(emu.io.stderr), '--quiet logs no requests');
  });

  test('--snapshot FILE: state saved on SIGTERM and restored at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tim-edge-cli-'));
    const file = join(dir, 'state.json');
    const key = randomBytes(32).toString('hex');
    const args = ['--port', '0', '--sdkappid', String(sdkAppId), '--key-env', 'EMU_KEY', '--snapshot', file, '--quiet'];
    try {
      const first = await startEmulator(scratchDir, args, { EMU_KEY: key });
      try {
        await account(new TimClient({ sdkAppId, key, baseUrl: first.url, maxRetries: 0 }), 'dora');
      } catch (e) {
        first.kill();
        throw e;
      }
      assert.equal((await first.stop('SIGTERM')).code, 0);
      assert.ok(existsSync(file), 'the snapshot file was written');
      assert.ok(!readFileSync(file, 'utf8').includes(key), 'the snapshot does not hold the key');
      const second = await startEmulator(scratchDir, args, { EMU_KEY: key });
      try {
        const checked = await check(new TimClient({ sdkAppId, key, baseUrl: second.url, maxRetries: 0 }), 'dora');
        assert.equal(checked.ResultItem[0].AccountStatus, 'Imported');
      } finally {
        await second.stop('SIGTERM');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// Webhooks through the CLI flags: a local app server gets signed before/after callbacks for a
// one-to-one message, and a "reject" before-reply makes the send fail with Tencent's 20006.
export function registerWebhooks(test, { assert, scratchDir }) {
  if (!hasEmulator(scratchDir)) return;
  test('--callback-url with --callback-token-env: signed webhooks, a before-reply can reject', async () => {
    const { createServer } = await import('node:http');
    const { createHash } = await import('node:crypto');
    const key = randomBytes(32).toString('hex');
    const token = randomBytes(16).toString('hex');
    const seen = [];
    let verdict = 0;
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const q = new URL(req.url, 'http://x').searchParams;
        const sign = createHash('sha256').update(token + q.get('RequestTime')).digest('hex');
        seen.push({ command: q.get('CallbackCommand'), signed: q.get('Sign') === sign, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ActionStatus: verdict ? 'FAIL' : 'OK', ErrorCode: verdict, ErrorInfo: '' }));
      });
    });
    await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
    const cbUrl = `http://127.0.0.1:${app.address().port}/tim/callback`;
    let emu;
    try {
      emu = await startEmulator(scratchDir, ['--port', '0', '--key-env', 'K', '--callback-url', cbUrl, '--callback-token-env', 'T', '--quiet'], { K: key, T: token });
      const client = new TimClient({ sdkAppId: 1400000000, key, baseUrl: emu.url, maxRetries: 0 });
      await client.call('im_open_login_svc', 'multiaccount_import', { Accounts: ['alice', 'bob'] });
      const msg = (n) => ({ SyncOtherMachine: 2, From_Account: 'alice', To_Account: 'bob', MsgRandom: n, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `hi ${n}` } }] });
      await client.call('openim', 'sendmsg', msg(1));
      const commands = seen.map((s) => s.command);
      assert.ok(commands.includes('C2C.CallbackBeforeSendMsg') && commands.includes('C2C.CallbackAfterSendMsg'), `callbacks: ${commands}`);
      assert.ok(seen.every((s) => s.signed), 'every webhook carries Sign = sha256(token + RequestTime)');
      verdict = 1;
      await assert.rejects(client.call('openim', 'sendmsg', msg(2)), { kind: 'api', code: 20006 });
      assertNoSecrets(emu.io, [key, token]);
    } finally {
      if (emu) await emu.stop('SIGTERM').catch(() => emu.kill());
      await new Promise((resolve) => app.close(resolve));
    }
  });
}
