// The fault run as a suite: the same driver in every runtime. The normal test run makes a few
// hundred calls; `npm --prefix js-tests run faults` (run.mjs --faults-full) makes 10,000 in
// Node, Deno and workerd. The fault server (started by run.mjs) prints the figures; this suite
// fails when any of them is not zero.
import { runFaults, runBlindRetrier } from './driver.mjs';

const FULL_RUNTIMES = new Set(['node-esm', 'deno', 'workerd']);

export default function register(test, tim, env) {
  const { assert } = env;
  const full = env.args.includes('--faults-full') && FULL_RUNTIMES.has(env.runtime);
  const calls = full ? 10000 : 400;
  const controlUrl = () => {
    assert.ok(env.faults, 'env.faults (the fault server URL) is missing: run through js-tests/run.mjs');
    return env.faults;
  };

  test(`${calls} mixed calls at a 40% fault rate: no duplicate, no false OK, no permanent retry, every deadline kept`, async () => {
    const r = await runFaults(tim, { controlUrl: controlUrl(), label: `${env.runtime}${full ? ' (full)' : ''}`, calls, seed: 20261126 });
    const f = r.figures;
    assert.ok(f.faultRate >= 0.3, `fault rate ${f.faultRate} is under 30%`);
    assert.equal(f.calls, calls, 'every call settled');
    assert.equal(f.duplicatedMessages, 0, 'duplicated messages');
    assert.equal(f.okNotProcessed, 0, 'calls reported OK that were not processed');
    assert.equal(f.knownFailedButProcessed, 0, 'calls reported failed with outcomeKnown that were processed');
    assert.equal(f.permanentRetries, 0, 'retries of permanent errors');
    assert.equal(f.overDeadline, 0, 'calls over their deadline');
    // Most calls get through: failover and retries work, not just refusal to retry.
    // Without retries about 60% would succeed at this fault rate.
    assert.ok(f.ok >= calls * 0.75, `only ${f.ok} of ${calls} calls succeeded`);
  }, { timeoutMs: full ? 600000 : 60000 });

  // The oracle can fail: a client that resends every POST after any failure, the way some SDKs
  // do, duplicates messages under the same faults.
  test('the fault server counts the duplicates a blind retrier makes', async () => {
    const r = await runBlindRetrier(tim, { controlUrl: controlUrl(), label: `${env.runtime} blind retrier`, calls: 400, seed: 7 });
    assert.ok(r.figures.duplicatedMessages > 0, `the blind retrier made no duplicate: ${JSON.stringify(r.figures)}`);
  }, { timeoutMs: 60000 });
}
