// `tim-edge/jobs` for the runtimes of entry/edge-light.mjs, loaded the same way. No file loop.
import wasmModule from '../gen/tim_edge_jobs_bg.wasm?module';
import * as glue from '../gen/tim_edge_jobs_bg.js';
import { bind } from '../src/glue.js';
import { instantiate } from './start.js';

instantiate(glue, 'tim_edge_jobs', wasmModule);
bind(glue);

export * from '../src/jobs/index.js';
