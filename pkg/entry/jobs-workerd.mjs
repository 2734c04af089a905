// `tim-edge/jobs` for Cloudflare Workers: the planner's wasm is imported (workerd compiles no
// bytes); Durable Objects, the Workflows runner and the Queues consumer. No file loop here.
import wasmModule from '../gen/tim_edge_jobs_bg.wasm';
import * as glue from '../gen/web/tim_edge_jobs.js';
import { bind } from '../src/glue.js';

glue.initSync({ module: wasmModule });
bind(glue);

export * from '../src/jobs/index.js';
