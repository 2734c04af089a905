// `tim-edge/jobs` for Cloudflare Workers, loaded the way entry/workerd.mjs loads the SDK: the
// Durable Objects, the Workflows runner and the Queues consumer. No file loop.
import wasmModule from '../gen/tim_edge_jobs_bg.wasm';
import * as glue from '../gen/tim_edge_jobs_bg.js';
import { bind } from '../src/glue.js';
import { instantiate } from './start.js';

instantiate(glue, 'tim_edge_jobs', wasmModule);
bind(glue);

export * from '../src/jobs/index.js';
