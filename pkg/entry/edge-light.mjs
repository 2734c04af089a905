// Vercel Edge and Next.js `runtime = 'edge'` routes (condition `edge-light`). Like workerd, that
// runtime compiles no wasm from bytes; Next.js and Vercel document `import m from './x.wasm?module'`
// as the way to get a WebAssembly.Module there. The import stays in dist/edge-light.mjs as is.
import wasmModule from '../gen/tim_edge_bg.wasm?module';
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';
import { instantiate } from './start.js';

instantiate(glue, 'tim_edge', wasmModule);
bind(glue);

export * from '../src/api.js';
