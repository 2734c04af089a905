// Shared by every runner: build env, register every suite, run the tests one by one, print a
// line per test and one machine-readable result line for run.mjs. Runtime-neutral (no node:*).
import { createRegistry, formatResult } from '../harness.mjs';
import { makeEnv } from '../server/control-client.mjs';
import suites from '../suites/index.mjs';

export const RESULT_MARK = '@@TIM_RESULTS ';

// Exits once everything written to stdout has reached the pipe. Node writes to a full pipe
// asynchronously, and process.exit() drops what is still queued: with ~300 results the
// result line was cut off. An empty write's callback runs after every earlier write is flushed.
export async function exitWhenFlushed(code) {
  const proc = globalThis.process;
  if (proc?.stdout?.write) await new Promise((resolve) => proc.stdout.write('', resolve));
  if (globalThis.Deno) globalThis.Deno.exit(code);
  proc.exit(code);
}

// config: { server, args, grep } as passed by run.mjs. extra: runtime-only env additions.
// Returns { results, summary }; `print` gets one line per test as it finishes.
// entry: [resolved entry path, the file the package's exports map picks for this runtime's
// conditions (computed by run.mjs from the installed package.json)], or undefined where the
// runtime cannot resolve (workerd: bundled by wrangler).
export async function runSuites({ tim, runtime, config, extra = {}, entry, print = () => {} }) {
  const env = await makeEnv({ serverUrl: config.server, runtime, args: config.args ?? [], extra: { faults: config.faults, ...extra } });
  const registry = createRegistry({ defaultTimeoutMs: config.testTimeoutMs ?? 10000 });
  if (entry && entry[1]) {
    registry.test(`package: ${runtime} loads ${entry[1]}`, () => {
      env.assert.ok(String(entry[0]).replace(/\\/g, '/').endsWith(`/node_modules/tim-edge/${entry[1]}`), `resolved ${entry[0]}`);
    });
  }
  for (const [suite, register] of Object.entries(suites)) {
    const test = (name, fn, opts) => registry.test(`${suite}: ${name}`, fn, opts);
    await register(test, tim, env);
  }
  const results = await registry.run({ grep: config.grep, onResult: (r) => print(formatResult(r)) });
  const passed = results.filter((r) => r.ok).length;
  // The export names, so run.mjs can check every runtime sees the same API.
  return { results, summary: { runtime, passed, failed: results.length - passed, exports: Object.keys(tim).sort() } };
}

// For the rows that run their own tests (cli, walkthrough, example, jobs): the summary line and
// the result line for run.mjs, then exit (0 when every test passed).
export async function reportAndExit(runtime, results) {
  const passed = results.filter((r) => r.ok).length;
  const summary = { runtime, passed, failed: results.length - passed };
  console.log(`${runtime}: ${passed} passed, ${summary.failed} failed`);
  console.log(RESULT_MARK + JSON.stringify({ summary, results }));
  await exitWhenFlushed(summary.failed === 0 ? 0 : 1);
}

// For the process-per-runtime runners: print everything and the result line; returns exit code.
export async function runAndReport(opts) {
  const print = opts.print ?? ((line) => console.log(line));
  try {
    const { results, summary } = await runSuites({ ...opts, print });
    print(`${summary.runtime}: ${summary.passed} passed, ${summary.failed} failed`);
    print(RESULT_MARK + JSON.stringify({ summary, results }));
    return summary.failed === 0 ? 0 : 1;
  } catch (e) {
    print(`runner error: ${e && e.stack ? e.stack : e}`);
    return 2;
  }
}
