// The pinned runtimes the ecosystem row installs as npm packages (optional dependencies, linux-x64
// only), shared by the checks that run them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

function pinned(ctx, ...path) {
  const bin = join(ctx.here, 'node_modules', ...path);
  if (!existsSync(bin)) throw new Error(`${bin} is missing (the optional dependency installs on linux-x64 only)`);
  return bin;
}

export const node2016 = (ctx) => pinned(ctx, 'node20.16-linux-x64', 'bin', 'node');
export const node22 = (ctx) => pinned(ctx, 'node22-linux-x64', 'bin', 'node');
export const node24 = (ctx) => pinned(ctx, 'node24-linux-x64', 'bin', 'node');
// The platform package itself: the `deno` wrapper package's other platforms are missing from the
// registry for 2.1.4, which would leave `npm ci` without a complete lockfile.
export const deno214 = (ctx) => pinned(ctx, 'deno2.1.4-linux-x64', 'deno');

/** The environment a Deno run gets: no update check, no colour, its cache in the scratch project. */
export const denoEnv = (ctx) => ({ DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', DENO_DIR: join(ctx.scratch, '.deno-dir') });
