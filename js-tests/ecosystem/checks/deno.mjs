// The oldest Deno the README names (2.1.4: 2.1.0-2.1.1 do not expose the Wasm module's externref
// table to the glue, 2.1.2-2.1.3 fail on its import, 2.0 has no Wasm imports). The newest is the
// `deno` row of js-tests/run.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { failure, lastJson, run } from '../exec.mjs';

export default [
  {
    name: 'Deno 2.1.4 (the oldest supported) loads the deno build',
    async run(ctx) {
      // The platform package itself: the `deno` wrapper package's other platforms are missing from
      // the registry for 2.1.4, which would leave `npm ci` without a complete lockfile.
      const deno = join(ctx.here, 'node_modules', 'deno2.1.4-linux-x64', 'deno');
      if (!existsSync(deno)) throw new Error(`${deno} is missing (the optional dependency installs on linux-x64 only)`);
      const r = await run(deno, ['run', '--no-prompt', ctx.fixture('deno.mjs')], {
        cwd: ctx.scratch,
        env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', DENO_DIR: join(ctx.scratch, '.deno-dir') },
        timeoutMs: 60000,
      });
      if (r.code !== 0) throw failure('deno run', r);
      const out = lastJson(r.stdout);
      if (out.deno !== '2.1.4') throw new Error(`ran Deno ${out.deno}, not 2.1.4`);
      if (out.entry !== 'dist/deno.mjs') throw new Error(`loaded ${out.entry}, not dist/deno.mjs`);
      if (out.call !== 'OK' || out.emulatorError !== 'bad-input') throw new Error(`call ${out.call}, emulator error ${out.emulatorError}`);
      return `Deno ${out.deno} loaded ${out.entry}, an emulator call answered OK, its error is tim-edge's TimError; ${ctx.checkApp(JSON.stringify({ userSig: out.userSig }))}`;
    },
  },
];
