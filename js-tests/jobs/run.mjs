// The `jobs` row of run.mjs: bulk jobs (tim-edge/jobs) end to end against the emulator, with
// quotas scaled down so each run takes seconds. Each scenario is one test; its figures are
// printed. Run from the scratch project (cwd) with run.mjs's config as argv[2].
//
//   node/deno sendmsg      runner processes killed (SIGKILL) and restarted, step failures injected
//   + network faults       the same behind the fault server's network faults
//   batchsendmsg           no dedup on Tencent's side: unclear items are checked in the history
//   multiaccount_import    accounts, under network faults
//   workerd                the example (example/jobs) under wrangler dev: Workflows and Queues
import { join } from 'node:path';
import { assert, createRegistry, formatResult } from '../harness.mjs';
import { reportAndExit } from '../runners/common.mjs';
import { runScenario } from './scenario.mjs';
import { registerWorkerd } from './workerd.mjs';

const config = JSON.parse(process.argv[2]);
const tim = await import('tim-edge');
const { Emulator } = await import('tim-edge/emulator');
const denoBin = join(config.jsTestsDir, 'node_modules', '.bin', 'deno');
const NETWORK = { rate: 0.15, seed: 18, hangMs: 2500 };

const registry = createRegistry({ defaultTimeoutMs: 150000 });
const scenario = (name, o) => registry.test(`jobs: ${name}`, async () => {
  const r = await runScenario({ name: name.replace(/[^a-z0-9]+/gi, '-'), tim, Emulator, scratchDir: config.scratchDir, denoBin, seed: 1801, ...o });
  console.log(`[figures] ${name}: ${JSON.stringify(r.figures)}`);
  assert.deepEqual(r.problems, [], JSON.stringify(r.figures));
}, { timeoutMs: ((o.timeoutS ?? 120) + 120) * 1000 });

const sendmsg = (limit) => ({ 'openim/sendmsg': [{ limit, windowMs: 1000 }], 'openim/admin_getroammsg': [{ limit: 50, windowMs: 1000 }] });

// The long run (not in CI; `node js-tests/run.mjs --only jobs --no-cargo --no-fuzz --no-bench
// --jobs-long`): 100,000 recipients at Tencent's own sendmsg quota (200/s), about 9 minutes each.
if ((config.args ?? []).includes('--jobs-long')) {
  scenario('long: 100,000 recipients, 3 kills, step failures', {
    runtime: 'node', endpoint: 'openim/sendmsg', n: 100000, ghosts: 10, quotas: sendmsg(200), chunkSize: 100, kills: 3,
    killMinMs: 60000, killSpanMs: 90000, failRate: 0.0005, timeoutS: 1500,
  });
  scenario('long: 100,000 recipients, guard 50 ms, 3 kills, step failures', {
    runtime: 'node', endpoint: 'openim/sendmsg', n: 100000, ghosts: 10, quotas: sendmsg(200), chunkSize: 100, kills: 3,
    killMinMs: 60000, killSpanMs: 90000, failRate: 0.0005, guardMs: 50, timeoutS: 1500,
  });
  scenario('long: 100,000 recipients behind network faults, 2 kills', {
    runtime: 'node', endpoint: 'openim/sendmsg', n: 100000, ghosts: 10, quotas: sendmsg(200), chunkSize: 100, kills: 2,
    killMinMs: 60000, killSpanMs: 120000, failRate: 0.0005, faults: { ...NETWORK, rate: 0.1 }, timeoutS: 2400, slack: null,
  });
} else {
  // The row (CI): quotas scaled down so the whole row stays within a few minutes, and a 50 ms
  // guard (default 25): CI machines are shared, and a runner stalled for longer than the guard
  // between a request's admission and its send can put one request too many in a window.
  scenario('node sendmsg, 2 kills, step failures', {
    runtime: 'node', endpoint: 'openim/sendmsg', n: 1500, ghosts: 3, quotas: sendmsg(100), chunkSize: 10, kills: 2, failRate: 0.001, guardMs: 50, timeoutS: 90,
  });
  scenario('node sendmsg behind network faults', {
    runtime: 'node', endpoint: 'openim/sendmsg', n: 600, ghosts: 2, quotas: sendmsg(100), chunkSize: 25, kills: 1, failRate: 0.002,
    faults: NETWORK, guardMs: 50, timeoutS: 90, slack: null,
  });
  scenario('node batchsendmsg (no dedup) behind network faults', {
    runtime: 'node', endpoint: 'openim/batchsendmsg', n: 1000, ghosts: 2, chunkSize: 300, perRequest: 100, kills: 1, failRate: 0.01,
    quotas: {
      'openim/batchsendmsg': [{ limit: 10, windowMs: 1000 }, { limit: 100, windowMs: 1000, per: 'item' }],
      'openim/admin_getroammsg': [{ limit: 100, windowMs: 1000 }],
    },
    faults: NETWORK, guardMs: 50, timeoutS: 120, slack: null,
  });
  scenario('node multiaccount_import behind network faults', {
    runtime: 'node', endpoint: 'im_open_login_svc/multiaccount_import', n: 3000, chunkSize: 500, perRequest: 100, kills: 1, killMinMs: 800, killSpanMs: 1500,
    quotas: { 'im_open_login_svc/multiaccount_import': [{ limit: 5, windowMs: 1000 }] }, faults: NETWORK, guardMs: 50, timeoutS: 90, slack: null,
  });
  scenario('deno sendmsg, 1 kill, step failures', {
    runtime: 'deno', endpoint: 'openim/sendmsg', n: 700, ghosts: 1, quotas: sendmsg(100), chunkSize: 10, kills: 1, failRate: 0.001, guardMs: 50, timeoutS: 90,
  });
  await registerWorkerd(registry, { config, tim, Emulator, assert });
}

const results = await registry.run({ grep: config.grep, onResult: (r) => console.log(formatResult(r)) });
await reportAndExit('jobs', results);
