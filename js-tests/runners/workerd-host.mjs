// Node side of the workerd runner: starts `wrangler dev` on the test Worker (workerd.mjs, bundled
// by wrangler from the scratch project, so 'tim-edge' resolves to the installed tarball), waits
// until it answers, POSTs the run config, prints the per-test lines and the result line.
// wrangler runs in its own process group, which is killed on every exit path.
import { spawn } from 'node:child_process';
import { freePort } from '../server/free-port.mjs';
import { RESULT_MARK } from './common.mjs';
import { formatResult } from '../harness.mjs';

const config = JSON.parse(process.argv[2]);
const READY_MS = 120000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const inspectorPort = await freePort();
const log = [];
const wrangler = spawn(config.wranglerBin, [
  'dev', '--config', 'wrangler.toml', '--ip', '127.0.0.1', '--port', String(port),
  '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', '--log-level', 'warn',
], {
  cwd: config.scratchDir,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1', CI: '1' },
});
let exited = false;
wrangler.on('exit', () => { exited = true; });
for (const s of [wrangler.stdout, wrangler.stderr]) s.on('data', (d) => log.push(String(d)));

function stop() {
  if (!exited) {
    try { process.kill(-wrangler.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', stop);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stop(); process.exit(3); });

let code = 2;
try {
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + READY_MS;
  let ready = false;
  while (!ready && Date.now() < deadline && !exited) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      ready = r.ok && (await r.text()) === 'ready';
    } catch { /* not up yet */ }
    if (!ready) await sleep(300);
  }
  if (!ready) throw new Error(`wrangler dev did not come up (${exited ? 'it exited' : 'timeout'}):\n${log.join('').slice(-3000)}`);

  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  const text = await res.text();
  let out;
  try { out = JSON.parse(text); } catch { throw new Error(`worker answered ${res.status}: ${text.slice(0, 2000)}`); }
  if (out.error) throw new Error(`worker error: ${out.error}`);
  for (const r of out.results) console.log(formatResult(r));
  console.log(`workerd: ${out.summary.passed} passed, ${out.summary.failed} failed`);
  console.log(RESULT_MARK + JSON.stringify(out));
  code = out.summary.failed === 0 ? 0 : 1;
} catch (e) {
  console.log(`runner error: ${e && e.message}`);
  const tail = log.join('').trim();
  if (tail) console.log(`wrangler output:\n${tail.slice(-3000)}`);
} finally {
  stop();
}
process.exit(code);
