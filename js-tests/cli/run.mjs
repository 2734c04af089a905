// The `cli` row of run.mjs: tests the installed `tim-edge` bin as a subprocess. Run from the
// scratch project (cwd) with run.mjs's config as argv[2]; prints one line per test and the
// machine-readable result line, like the runtime runners.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, createRegistry, formatResult } from '../harness.mjs';
import { reportAndExit } from '../runners/common.mjs';
import { nodeOracle } from '../runners/node-oracle.mjs';
import { runBin } from './spawn-bin.mjs';
import usage from './usage.mjs';
import usersig from './usersig.mjs';
import decodeVerify from './decode-verify.mjs';
import emulator, { registerWebhooks } from './emulator.mjs';

const config = JSON.parse(process.argv[2]);
const ctx = {
  assert,
  run: (args, opts) => runBin(config.scratchDir, args, opts),
  oracle: nodeOracle(config.jsTestsDir),
  vectors: JSON.parse(readFileSync(join(config.jsTestsDir, '..', 'data', 'usersig-vectors.json'), 'utf8')),
  scratchDir: config.scratchDir,
};

const registry = createRegistry({ defaultTimeoutMs: 20000 });
for (const [name, register] of Object.entries({ usage, usersig, 'decode-verify': decodeVerify, emulator, webhooks: registerWebhooks })) {
  await register((t, fn, opts) => registry.test(`cli ${name}: ${t}`, fn, opts), ctx);
}
const results = await registry.run({ grep: config.grep, onResult: (r) => console.log(formatResult(r)) });
await reportAndExit('cli', results);
