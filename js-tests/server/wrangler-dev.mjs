// Starts `wrangler dev` on 127.0.0.1 (free ports) in its own process group and waits, bounded,
// until `isUp(base)` says the Worker answers. The process group is killed by `stop()` and on
// every exit path of this process. Used by the workerd runner, the workerd benchmark and the
// README walkthrough.
import { freePort } from './free-port.mjs';
import { serveGroup } from './serve-group.mjs';

const READY_MS = 120000;

/**
 * env: the child's whole environment (wrangler's own quiet/offline settings are added).
 * config: the wrangler.toml (relative to cwd); extraArgs: more `wrangler dev` arguments.
 */
export async function startWranglerDev({ wranglerBin, cwd, env = process.env, isUp, config = 'wrangler.toml', extraArgs = [] }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  return serveGroup({
    what: 'wrangler dev',
    bin: wranglerBin,
    args: [
      'dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port),
      '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--log-level', 'warn', ...extraArgs,
    ],
    cwd,
    env: { ...env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: '1' },
    port,
    isUp,
    readyMs: READY_MS,
    pollMs: 250,
  });
}
