// The ES-module entries that bundlers normally take (dist/module.mjs, dist/browser.mjs), loaded
// as files by the oldest supported Node and Deno: they import the base64 JSON with an import
// attribute, which both runtimes require for JSON (docs/ARCHITECTURE.md, "The base64 text as
// JSON").
import { failure, run } from '../exec.mjs';
import { deno214, denoEnv, node2016 } from './pinned.mjs';

const RUNS = [
  ['Node 20.16', (ctx) => ({ bin: node2016(ctx), args: [] }), ['module.mjs', 'browser.mjs']],
  ['Deno 2.1.4', (ctx) => ({ bin: deno214(ctx), args: ['run', '--no-prompt', '--allow-read'], env: denoEnv(ctx) }), ['browser.mjs']],
];

export default [
  {
    name: 'the ES-module entries load unbundled (Node 20.16 and Deno 2.1.4)',
    async run(ctx) {
      const script = ctx.fixture('unbundled-esm.mjs');
      const evidence = [];
      for (const [runtime, command, files] of RUNS) {
        const { bin, args, env } = command(ctx);
        for (const file of files) {
          const r = await run(bin, [...args, script, file], { cwd: ctx.scratch, env, timeoutMs: 60000 });
          if (r.code !== 0) throw failure(`${runtime} ${file}`, r);
          evidence.push(`${runtime} dist/${file}: ${ctx.checkApp(r.stdout)}`);
        }
      }
      return evidence.join('; ');
    },
  },
];
