// Starts `wrangler dev` on 127.0.0.1 (free ports) in its own process group and waits, bounded,
// until `isUp(base)` says the Worker answers. The process group is killed by `stop()` and on
// every exit path of this process. Used by the workerd runner, the workerd benchmark and the
// README walkthrough.
import { spawn } from 'node:child_process';
import { freePort } from './free-port.mjs';

const READY_MS = 120000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * env: the child's whole environment (wrangler's own quiet/offline settings are added).
 * config: the wrangler.toml (relative to cwd); extraArgs: more `wrangler dev` arguments.
 */
export async function startWranglerDev({ wranglerBin, cwd, env = process.env, isUp, config = 'wrangler.toml', extraArgs = [] }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const log = [];
  const child = spawn(wranglerBin, [
    'dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port),
    '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--log-level', 'warn', ...extraArgs,
  ], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: '1' },
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d) => log.push(String(d)));
  const stop = () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  };
  process.once('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline && !exited) {
    try {
      if (await isUp(base)) return { base, stop, log };
    } catch { /* not up yet */ }
    await sleep(250);
  }
  stop();
  throw new Error(`wrangler dev did not come up (${exited ? 'it exited' : 'timeout'}):\n${log.join('').slice(-3000)}`);
}
