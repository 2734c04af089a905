// `tim-edge/jobs` for Deno: the bundler glue imports the jobs module's .wasm (no read permission).
import * as glue from '../gen/tim_edge_jobs.js';
import { bind } from '../src/glue.js';

bind(glue);

export * from '../src/jobs/local-index.js';
