// Node and Bun, and bundlers that target Node. js-tests/build.mjs bundles this file with the ESM
// sources and the bundler glue twice: into dist/node.cjs (CommonJS, for Node's require() and,
// through the thin dist/node.mjs wrapper, for its import: one instance either way) and into
// dist/module.mjs (ESM, for bundlers: the `module` condition). The .wasm bytes come from
// dist/tim_edge_bg.wasm.cjs, base64 text generated at build: no file is read at run time, so
// esbuild, webpack, Vite, Next.js and `bun build --compile` bundle it as is.
// (Why base64 and why a wrapper: docs/ARCHITECTURE.md, "How the package loads".)
import wasmBase64 from '../dist/tim_edge_bg.wasm.cjs';
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, startSync } from './start.js';

startSync(glue, 'tim_edge', fromBase64(wasmBase64));
bind(glue);

export * from '../src/api.js';
