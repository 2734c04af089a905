// `tim-edge/jobs`, the part every runtime shares: the planner, the limiter, the ledger, the chunk
// executor, and the Cloudflare pieces (plain classes: they load anywhere, run in Workers).
export { Planner, MemoryLimiter } from './planner.js';
export { Ledger, LedgerError, MemoryStorage } from './ledger.js';
export { executeChunk, ChunkBusy } from './execute.js';
export { TimJobLedger, TimRateLimiter, cloudflareJobs, ledgerStub, limiterStub } from './cloudflare.js';
