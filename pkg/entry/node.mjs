// Node (import) and Bun: the web glue, instantiated synchronously from the file's bytes.
// js-tests/build.mjs bundles this file with src/*.js and the glue into dist/node.mjs.
import * as glue from '../gen/web/tim_edge.js';
import { bind } from '../src/glue.js';

// process.getBuiltinModule (Node 20.16+, Bun) instead of `import 'node:fs'`: a first static
// import of a builtin costs Node's ESM loader about 1.7 ms, a third of the cold-start budget.
const getBuiltin = globalThis.process?.getBuiltinModule;
if (typeof getBuiltin !== 'function') throw new Error('tim-edge needs Node 20.16 or newer (process.getBuiltinModule)');
const { readFileSync } = getBuiltin('node:fs');
glue.initSync({ module: readFileSync(new URL('../gen/tim_edge_bg.wasm', import.meta.url)) });
bind(glue);

export * from '../src/api.js';
