// `tim-edge/jobs` for the runtimes of entry/node.mjs, loaded the same way: its own module (the
// SDK's wasm plus the job planner), and the jobs API with the checkpoint-file loop.
import wasmBase64 from '../dist/tim_edge_jobs_bg.wasm.json' with { type: 'json' };
import * as glue from '../gen/tim_edge_jobs_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, instantiate } from './start.js';

instantiate(glue, 'tim_edge_jobs', new WebAssembly.Module(fromBase64(wasmBase64)));
bind(glue);

export * from '../src/jobs/local-index.js';
