// Node side of the workerd runner: starts `wrangler dev` on the test Worker (workerd.mjs, bundled
// by wrangler from the scratch project, so 'tim-edge' resolves to the installed tarball), waits
// until it answers, POSTs the run config, prints the per-test lines and the result line.
// wrangler runs in its own process group, which is killed on every exit path.
import { startWranglerDev } from '../server/wrangler-dev.mjs';
import { RESULT_MARK, exitWhenFlushed } from './common.mjs';
import { formatResult } from '../harness.mjs';

const config = JSON.parse(process.argv[2]);

let code = 2;
let wrangler = null;
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { wrangler?.stop(); process.exit(3); });
try {
  wrangler = await startWranglerDev({
    wranglerBin: config.wranglerBin,
    cwd: config.scratchDir,
    isUp: async (base) => {
      const r = await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
      return r.ok && (await r.text()) === 'ready';
    },
  });
  const url = `${wrangler.base}/`;
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
  const tail = (wrangler?.log ?? []).join('').trim();
  if (tail) console.log(`wrangler output:\n${tail.slice(-3000)}`);
} finally {
  wrangler?.stop();
}
await exitWhenFlushed(code);
