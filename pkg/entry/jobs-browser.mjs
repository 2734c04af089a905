// `tim-edge/jobs` for the runtimes of entry/browser.mjs, loaded the same way. No checkpoint-file
// loop: these hosts have no file system (runJob, jobStatus, FileStorage and FileLimiter are
// exported only where one exists: Node, Bun, Deno).
import wasmBase64 from '../dist/tim_edge_jobs_bg.wasm.json' with { type: 'json' };
import * as glue from '../gen/tim_edge_jobs_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, imports, start } from './start.js';

start(glue, (await WebAssembly.instantiate(fromBase64(wasmBase64), imports(glue, 'tim_edge_jobs'))).instance);
bind(glue);

export * from '../src/jobs/index.js';
