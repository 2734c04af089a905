// Next.js, app router: one route handler on the Node.js runtime and one with
// `runtime = 'edge'`, built by `next build` (Turbopack, Next 16's default) and served by
// `next start` on 127.0.0.1. Both answers are checked by the oracle; the build manifest must show
// the edge route using the package's `.wasm?module` import (a wasm binding), as on Vercel.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure, run, start } from '../exec.mjs';
import { freePort } from '../../server/free-port.mjs';

const ENV = { NEXT_TELEMETRY_DISABLED: '1' };

async function fetchJson(url, timeoutMs) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: status ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

export default [
  {
    name: 'Next.js: next build, then next start answers from a Node route and an edge route',
    async run(ctx) {
      const dir = ctx.fixtureDir('next');
      for (const rt of ['node', 'edge']) ctx.fixture(`next/app/api/${rt}/route.js`);
      // Turbopack resolves only inside its root: this folder, whose node_modules holds next and react.
      writeFileSync(join(dir, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(ctx.here)} }, outputFileTracingRoot: ${JSON.stringify(ctx.here)} };\n`);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));

      const build = await run(ctx.tool('next'), ['build'], { cwd: dir, env: ENV, timeoutMs: 420000 });
      if (build.code !== 0) throw failure('next build', build);
      const manifest = JSON.parse(readFileSync(join(dir, '.next', 'server', 'middleware-manifest.json'), 'utf8'));
      const wasm = Object.values(manifest.functions ?? {}).flatMap((f) => f.wasm ?? []);
      if (!wasm.some((w) => /tim_edge_bg/.test(w.filePath))) throw new Error(`the edge route has no tim_edge wasm binding: ${JSON.stringify(manifest.functions).slice(0, 400)}`);

      const port = await freePort();
      const server = start(ctx.tool('next'), ['start', '-H', '127.0.0.1', '-p', String(port)], { cwd: dir, env: ENV });
      try {
        const base = `http://127.0.0.1:${port}`;
        const deadline = Date.now() + 60000;
        for (;;) {
          try {
            await fetchJson(`${base}/api/node`, 5000);
            break;
          } catch (e) {
            if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`next start did not answer within 60 s: ${e.message}; ${server.output().slice(-400)}`);
            await new Promise((r) => setTimeout(r, 250));
          }
        }
        const node = ctx.checkApp(await fetchJson(`${base}/api/node`, 15000));
        const edge = ctx.checkApp(await fetchJson(`${base}/api/edge`, 15000));
        const seconds = (build.ms / 1000).toFixed(0);
        return `built in ${seconds} s (edge route with wasm binding ${wasm[0].name}); /api/node ${node}; /api/edge ${edge}`;
      } finally {
        server.stop();
      }
    },
  },
];
