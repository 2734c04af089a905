// Cloudflare Workers: workerd refuses to compile wasm from bytes, so the .wasm is imported and
// wrangler's bundler turns it into a WebAssembly.Module. js-tests/build.mjs bundles this file
// with src/*.js and the web glue into dist/workerd.mjs; the .wasm import stays an import.
import wasmModule from '../gen/tim_edge_bg.wasm';
import * as glue from '../gen/web/tim_edge.js';
import { bind } from '../src/glue.js';

glue.initSync({ module: wasmModule });
bind(glue);

export * from '../src/api.js';
