// Starts a local server process in its own process group and waits, bounded, until it answers.
// The group is killed by `stop()` and on every exit path of this process, so no server outlives
// the run. Shared by `wrangler dev` (wrangler-dev.mjs) and the bare workerd of the benchmark
// (bench/workerd-serve.mjs).
import { spawn } from 'node:child_process';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `bin args` in `cwd` (with `env`, default this process's), then polls `isUp(base)` every
 * `pollMs` for at most `readyMs`, base being http://127.0.0.1:<port>. Answers
 * { base, pid, stop, log }; throws, with the end of the server's output, if it exits or times out.
 */
export async function serveGroup({ what, bin, args, cwd, env, port, isUp, readyMs, pollMs }) {
  const log = [];
  const child = spawn(bin, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const stop = () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  };
  process.once('exit', stop);
  // A server that is gone needs no exit hook (a bench starts a dozen workerds one after another).
  child.on('exit', () => { exited = true; process.off('exit', stop); });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyMs;
  while (Date.now() < deadline && !exited) {
    try {
      if (await isUp(base)) return { base, pid: child.pid, stop, log };
    } catch { /* not up yet */ }
    await sleep(pollMs);
  }
  stop();
  throw new Error(`${what} did not come up (${exited ? 'it exited' : 'timeout'}):\n${log.join('').slice(-3000)}`);
}
