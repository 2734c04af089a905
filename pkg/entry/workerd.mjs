// Cloudflare Workers: workerd refuses to compile wasm from bytes, so the .wasm is imported and
// wrangler's bundler turns it into a WebAssembly.Module. js-tests/build.mjs bundles this file
// with src/*.js and the bundler glue into dist/workerd.mjs; the .wasm import stays an import.
import wasmModule from '../gen/tim_edge_bg.wasm';
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';
import { instantiate } from './start.js';

instantiate(glue, 'tim_edge', wasmModule);
bind(glue);

export * from '../src/api.js';
