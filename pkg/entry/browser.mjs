// Browsers, web workers and any other runtime (conditions `browser`, `worker`, `default`): the
// .wasm bytes come from dist/tim_edge_bg.wasm.json (base64 text) and are compiled asynchronously
// with top-level await, because browsers refuse to compile more than 4 KB synchronously on the
// main thread. Bundlers take it without configuration (no .wasm import, no URL). Importers wait
// for it; the API is synchronous afterwards.
import wasmBase64 from '../dist/tim_edge_bg.wasm.json' with { type: 'json' };
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, imports, start } from './start.js';

start(glue, (await WebAssembly.instantiate(fromBase64(wasmBase64), imports(glue, 'tim_edge'))).instance);
bind(glue);

export * from '../src/api.js';
