// workerd without `wrangler dev`: wrangler bundles the bench Worker exactly as it would for a
// deploy (`wrangler deploy --dry-run --outdir`: the `workerd` export condition, the .wasm as a
// module), and the bench runs that bundle on the workerd binary wrangler itself uses, configured
// by a generated config.capnp. Why not `wrangler dev` (4.86): 2,000 subrequests from the Worker
// left about 6,700 loopback connections open between workerd and wrangler's Node process, its
// outgoing fetches ran near 1,000 a second (10,000 here) and some runs hung, so a bare fetch and
// a tim-edge call would both have measured wrangler. workerd runs in its own process group, killed
// by stop() and on every exit path.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../server/free-port.mjs';
import { serveGroup } from '../server/serve-group.mjs';

const READY_MS = 60000;

/** Bundles bench/worker.mjs from the scratch project into <scratch>/workerd-bundle; writes config.capnp. */
export function bundleWorker({ scratchDir, wranglerBin, compatibilityDate }) {
  const dir = join(scratchDir, 'workerd-bundle');
  execFileSync(wranglerBin, ['deploy', '--dry-run', '--outdir', dir, '--config', 'wrangler.toml'], {
    cwd: scratchDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: '1' },
  });
  const files = readdirSync(dir);
  const main = files.filter((f) => f.endsWith('.js'));
  if (main.length !== 1) throw new Error(`expected one bundled .js in ${dir}, found: ${files.join(', ')}`);
  const modules = [
    `(name = "${main[0]}", esModule = embed "${main[0]}")`,
    ...files.filter((f) => f.endsWith('.wasm')).map((f) => `(name = "${f}", wasm = embed "${f}")`),
  ];
  // The Worker reaches the local origin on 127.0.0.1: the outbound network must allow "local".
  writeFileSync(join(dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "bench", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "bench") ],
);
const worker :Workerd.Worker = (
  modules = [ ${modules.join(', ')} ],
  compatibilityDate = "${compatibilityDate}",
);
`);
  return dir;
}

/** Starts workerd on the bundle; answers { base, pid, stop, log } once GET /ready answers 'ready'. */
export async function startWorkerd({ workerdBin, bundleDir }) {
  const port = await freePort();
  return serveGroup({
    what: 'workerd',
    bin: workerdBin,
    args: ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
    cwd: bundleDir,
    port,
    isUp: async (base) => {
      const r = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2000) });
      return r.ok && (await r.text()) === 'ready';
    },
    readyMs: READY_MS,
    pollMs: 100,
  });
}

/** CPU time (user + system, microseconds) a process has used so far, from /proc (Linux). */
export function processCpuUs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
