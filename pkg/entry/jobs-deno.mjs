// `tim-edge/jobs` for Deno 2.1+, loaded the way entry/deno.mjs loads the SDK, with the
// checkpoint-file loop (node:fs, loaded on first use).
import * as wasm from '../gen/tim_edge_jobs_bg.wasm';
import * as glue from '../gen/tim_edge_jobs_bg.js';
import { bind } from '../src/glue.js';

glue.__wbg_set_wasm(wasm);
wasm.__wbindgen_start();
bind(glue);

export * from '../src/jobs/local-index.js';
