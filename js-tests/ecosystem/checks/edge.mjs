// Vercel's edge-runtime package (the runtime `next start` and `vercel dev` emulate Edge Functions
// with) running the package's `edge-light` build. As on Vercel, the VM compiles no wasm from
// bytes, and the `.wasm?module` import is a WebAssembly.Module the platform hands in as a global
// binding; here esbuild bundles the app (conditions edge-light, worker, browser) and a small
// plugin stands in for that binding.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

async function bundle(ctx, conditions) {
  const esbuild = await import('esbuild');
  const bindings = new Map();
  const r = await esbuild.build({
    entryPoints: [ctx.fixture('edge-app.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    conditions,
    mainFields: ['module', 'main'],
    metafile: true,
    logLevel: 'silent',
    plugins: [{
      name: 'wasm-module-binding',
      setup(build) {
        build.onResolve({ filter: /\.wasm\?module$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?module$/, '')), namespace: 'wasm-binding' }));
        build.onLoad({ filter: /.*/, namespace: 'wasm-binding' }, (a) => {
          const name = `wasm_binding_${bindings.size}`;
          bindings.set(name, a.path);
          return { contents: `export default globalThis.${name};`, loader: 'js' };
        });
      },
    }],
  });
  const files = Object.keys(r.metafile.inputs).filter((p) => p.includes('node_modules/tim-edge/')).map((p) => p.replace(/^.*node_modules\/tim-edge\//, ''));
  return { code: r.outputFiles[0].text, bindings, files };
}

async function runInEdgeRuntime({ code, bindings }) {
  const { EdgeRuntime } = await import('edge-runtime');
  const runtime = new EdgeRuntime({
    initialCode: code,
    codeGeneration: { strings: false, wasm: false },
    extend(context) {
      for (const [name, path] of bindings) context[name] = new WebAssembly.Module(readFileSync(path));
      return context;
    },
  });
  const res = await runtime.dispatchFetch('http://127.0.0.1/usersig');
  return { status: res.status, text: await res.text() };
}

export default [
  {
    name: 'edge-runtime (Vercel Edge emulation) runs the edge-light build',
    async run(ctx) {
      const edge = await bundle(ctx, ['edge-light', 'worker', 'browser']);
      if (!edge.files.includes('dist/edge-light.mjs')) throw new Error(`bundled ${edge.files.join(', ')}, not dist/edge-light.mjs`);
      const res = await runInEdgeRuntime(edge);
      if (res.status !== 200) throw new Error(`status ${res.status}: ${res.text.slice(0, 300)}`);
      // The control: the same VM refuses a build that compiles the bytes itself, so the pass
      // above is owed to the `?module` binding.
      const control = await bundle(ctx, ['node', 'module']);
      let refused = '';
      try {
        await runInEdgeRuntime(control);
      } catch (e) {
        refused = String(e.message);
      }
      if (!/disallowed/.test(refused)) throw new Error(`the control (${control.files.join(' + ')}) was not refused: ${refused || 'it ran'}`);
      return `${edge.files.join(' + ')} with ${edge.bindings.size} wasm binding; ${ctx.checkApp(res.text)}; control: ${control.files[0]} refused ("${refused.slice(0, 60)}")`;
    },
  },
];
