// Node and Bun, and bundlers that target Node. js-tests/build.mjs bundles this file with the ESM
// sources and the bundler glue twice: into dist/node-api.cjs (CommonJS, which Node loads through
// dist/node.cjs for require() and dist/node.mjs for import: one instance either way) and into
// dist/module.mjs (one ES module for bundlers: the `module` condition). The .wasm bytes come from
// dist/tim_edge_bg.wasm.json, base64 text generated at build: no file is read at run time, so
// esbuild, webpack, Vite, Next.js and `bun build --compile` bundle it as is.
// (Why base64, why the two small files: docs/ARCHITECTURE.md, "How the package loads".)
import wasmBase64 from '../dist/tim_edge_bg.wasm.json' with { type: 'json' };
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, instantiate } from './start.js';

instantiate(glue, 'tim_edge', new WebAssembly.Module(fromBase64(wasmBase64)));
bind(glue);

export * from '../src/api.js';
