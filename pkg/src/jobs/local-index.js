// `tim-edge/jobs` for Node, Deno and Bun: the shared part plus the checkpoint-file loop.
export * from './index.js';
export { runJob, jobStatus } from './local.js';
export { FileStorage, FileLimiter } from './file-storage.js';
