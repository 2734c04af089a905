// `tim-edge emulator`: serves the in-package Chat REST emulator on a loopback port, so the SDK
// (or curl, or a client SDK's backend) can be tried with no Tencent account and no network.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Failure, UsageError, parse } from './args.mjs';
import { fromEnv } from './input.mjs';
import { toNodeListener } from './node-http.mjs';

const DEFAULT_PORT = 8788;
const DEFAULT_SDKAPPID = 1400000000;
const DEFAULT_ADMIN = 'administrator';

// Loopback only: the emulator is a dev tool holding a dev key, and the SDK sends plain http
// (with its admin UserSig in the URL) to loopback hosts only.
function loopbackHost(text, flag) {
  if (text === 'localhost' || text === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(text)) return text;
  throw new UsageError(`${flag} must be a loopback address (127.0.0.1, ::1 or localhost): the emulator is for local development only`);
}

function httpUrl(text, flag) {
  let u;
  try {
    u = new URL(text);
  } catch {
    throw new UsageError(`${flag} must be an absolute http:// or https:// URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`${flag} must be an absolute http:// or https:// URL`);
  return text;
}

export const command = {
  name: 'emulator',
  summary: 'Serve the local Chat REST emulator on 127.0.0.1 (state in memory).',
  description: [
    'The emulator checks requests the way Tencent does (admin identity, UserSig, JSON body) and',
    'implements accounts, profiles, friends, one-to-one messages and groups in memory.',
    'Key: from the environment variable named by --key-env; without it a random key is made and',
    'printed once at startup (this dev server is the only command that ever prints a key).',
    'Stop it with Ctrl-C (SIGINT) or SIGTERM; with --snapshot the state is saved then.',
  ].join('\n'),
  options: {
    port: { value: 'N', parse: parse.port, default: DEFAULT_PORT, help: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
    host: { value: 'ADDR', parse: loopbackHost, default: '127.0.0.1', help: 'loopback address to listen on (default 127.0.0.1)' },
    sdkappid: { value: 'N', parse: parse.u32, default: DEFAULT_SDKAPPID, help: `the emulated app's SDKAppID (default ${DEFAULT_SDKAPPID})` },
    admin: { value: 'ID', default: DEFAULT_ADMIN, help: `the app admin UserID (default ${DEFAULT_ADMIN})` },
    'key-env': { value: 'VAR', parse: parse.envName, help: 'name of the environment variable holding the key (default: a random one)' },
    'callback-url': { value: 'URL', parse: httpUrl, help: 'send webhooks (before/after callbacks) to this URL, as Tencent would' },
    'callback-token-env': { value: 'VAR', parse: parse.envName, help: 'name of the environment variable holding the callback token (signs webhooks)' },
    snapshot: { value: 'FILE', help: 'load state from FILE if it exists; save it there on shutdown' },
    quiet: { help: 'do not log requests' },
  },
  examples: [
    'tim-edge emulator',
    'TIM_KEY=devkey tim-edge emulator --port 9000 --key-env TIM_KEY --snapshot chat.json',
  ],
  async run({ opts, out, err, secrets }) {
    const generated = !opts['key-env'];
    const key = generated ? randomBytes(32).toString('hex') : fromEnv(opts['key-env'], '--key-env', 'the key');
    if (!generated) secrets.push(key);
    const Emulator = await loadEmulator();
    if (opts['callback-token-env'] && !opts['callback-url']) throw new UsageError('--callback-token-env needs --callback-url');
    const token = opts['callback-token-env'] ? fromEnv(opts['callback-token-env'], '--callback-token-env', 'the callback token') : undefined;
    if (token) secrets.push(token);
    const callback = opts['callback-url'] ? { url: opts['callback-url'], token } : undefined;
    const emu = new Emulator({ sdkAppId: opts.sdkappid, key, adminId: opts.admin, callback });
    if (opts.snapshot && existsSync(opts.snapshot)) {
      try {
        emu.restore(readFileSync(opts.snapshot, 'utf8'));
      } catch (e) {
        throw new Failure(`cannot restore ${opts.snapshot}: ${e && (e.info || e.message)}`);
      }
    }

    const log = opts.quiet ? undefined : (line) => err(`${new Date().toISOString()} ${line}\n`);
    const server = createServer();
    const port = await listen(server, opts.port, opts.host);
    const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    const url = `http://${hostInUrl}:${port}`;
    server.on('request', toNodeListener((r) => emu.fetch(r), { origin: url, log }));

    const keyLine = generated
      ? ['  key       random for this run (choose one with --key-env VAR); to sign with it:', `  export TIM_EMULATOR_KEY=${key}`]
      : [`  key       from $${opts['key-env']}`];
    const keyVar = generated ? 'TIM_EMULATOR_KEY' : opts['key-env'];
    out([
      // The first line is the ready line scripts wait for.
      `tim-edge emulator listening on ${url}`,
      `  sdkAppId  ${opts.sdkappid}`,
      `  adminId   ${opts.admin}`,
      ...keyLine,
      '',
      'Point the SDK at it:',
      `  new TimClient({ sdkAppId: ${opts.sdkappid}, key: process.env.${keyVar}, adminId: '${opts.admin.replace(/[\\']/g, '\\$&')}', baseUrl: '${url}' })`,
      'Or call it with curl, with an admin UserSig from this CLI:',
      `  SIG=$(npx tim-edge usersig --key-env ${keyVar} --sdkappid ${opts.sdkappid} --user ${shellWord(opts.admin)})`,
      `  curl -d '{"UserID":"alice"}' "${url}/v4/im_open_login_svc/account_import?sdkappid=${opts.sdkappid}&identifier=${encodeURIComponent(opts.admin)}&usersig=$SIG&random=1&contenttype=json"`,
      ...(callback ? [`Webhooks: ${callback.url}${token ? ' (signed with the token)' : ' (unsigned: no --callback-token-env)'}`] : []),
      opts.snapshot ? `State: ${opts.snapshot} (saved on Ctrl-C / SIGTERM).` : 'State: in memory only (--snapshot FILE keeps it). Ctrl-C stops.',
      '',
    ].join('\n'));

    const signal = await new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    server.close();
    server.closeAllConnections();
    if (opts.snapshot) {
      // Write then rename, so an interrupted save never leaves half a file; 0600: it is app state.
      const tmp = `${opts.snapshot}.tmp-${process.pid}`;
      writeFileSync(tmp, emu.snapshot(), { mode: 0o600 });
      renameSync(tmp, opts.snapshot);
      err(`saved state to ${opts.snapshot}\n`);
    }
    err(`tim-edge emulator stopped (${signal})\n`);
    return 0;
  },
};

// A word the shell passes through unchanged.
function shellWord(text) {
  return /^[A-Za-z0-9_.@%+=:,\/-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

async function loadEmulator() {
  let mod;
  try {
    mod = await import('tim-edge/emulator');
  } catch (e) {
    if (e && e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw new Failure('this build of tim-edge has no emulator (tim-edge/emulator is missing)');
    // A broken install (a file missing, ...): say so rather than pretend there is no emulator.
    throw new Failure(`cannot load tim-edge/emulator: ${e && e.message ? e.message : String(e)}`);
  }
  if (typeof mod.Emulator !== 'function') throw new Failure('tim-edge/emulator has no Emulator class');
  return mod.Emulator;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      if (e.code === 'EADDRINUSE') reject(new Failure(`port ${port} on ${host} is in use: choose another with --port N (0 picks a free one)`));
      else if (e.code === 'EACCES') reject(new Failure(`not allowed to listen on port ${port}: choose one above 1023 with --port N`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new Failure(`${host} is not an address of this machine`));
      else reject(e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
  });
}
