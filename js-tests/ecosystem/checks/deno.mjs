// The oldest Deno the README names (2.1.4: 2.1.0-2.1.1 do not expose the Wasm module's externref
// table to the glue, 2.1.2-2.1.3 fail on its import, 2.0 has no Wasm imports). The newest is the
// `deno` row of js-tests/run.mjs.
import { failure, lastJson, run } from '../exec.mjs';
import { deno214, denoEnv } from './pinned.mjs';

export default [
  {
    name: 'Deno 2.1.4 (the oldest supported) loads the deno build',
    async run(ctx) {
      const r = await run(deno214(ctx), ['run', '--no-prompt', ctx.fixture('deno.mjs')], { cwd: ctx.scratch, env: denoEnv(ctx), timeoutMs: 60000 });
      if (r.code !== 0) throw failure('deno run', r);
      const out = lastJson(r.stdout);
      if (out.deno !== '2.1.4') throw new Error(`ran Deno ${out.deno}, not 2.1.4`);
      if (out.entry !== 'dist/deno.mjs') throw new Error(`loaded ${out.entry}, not dist/deno.mjs`);
      if (out.call !== 'OK' || out.emulatorError !== 'bad-input') throw new Error(`call ${out.call}, emulator error ${out.emulatorError}`);
      return `Deno ${out.deno} loaded ${out.entry}, an emulator call answered OK, its error is tim-edge's TimError; ${ctx.checkApp(JSON.stringify({ userSig: out.userSig }))}`;
    },
  },
];
