// `tim-edge/jobs` for Node (import) and Bun: its own wasm module (the SDK plus the
// planner), loaded like entry/node.mjs loads the SDK's, and the jobs API with the checkpoint-file loop.
import * as glue from '../gen/web/tim_edge_jobs.js';
import { bind } from '../src/glue.js';

const { readFileSync } = globalThis.process.getBuiltinModule('node:fs');
glue.initSync({ module: readFileSync(new URL('../gen/tim_edge_jobs_bg.wasm', import.meta.url)) });
bind(glue);

export * from '../src/jobs/local-index.js';
