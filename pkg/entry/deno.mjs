// Deno 2.2+ (and bundlers with Wasm ES-module integration): the bundler glue imports the .wasm
// as a module, so no read permission is needed.
import * as glue from '../gen/tim_edge.js';
import { bind } from '../src/glue.js';

bind(glue);

export * from '../src/api.js';
