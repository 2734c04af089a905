// Deno 2.2+ (and bundlers with Wasm ES-module integration): the bundler glue imports the .wasm
// as a module, so no read permission is needed. js-tests/build.mjs bundles this file with src/*.js
// into dist/deno.mjs; the glue stays its own file (the .wasm imports ./tim_edge_bg.js by name).
import * as glue from '../gen/tim_edge.js';
import { bind } from '../src/glue.js';

bind(glue);

export * from '../src/api.js';
