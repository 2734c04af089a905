// The Node / Deno / Bun adapter: a plain loop over the chunks with the ledger in a checkpoint
// file. Start it, kill it at any point, start it again with the same checkpoint: it continues
// where the file says, resolving the chunk it was in the middle of.
import { Planner, MemoryLimiter } from './planner.js';
import { Ledger, MemoryStorage } from './ledger.js';
import { FileStorage, FileLimiter } from './file-storage.js';
import { executeChunk, newOwner, sleep } from './execute.js';
import { badInput } from '../error.js';

/**
 * Runs a job to the end (or until `signal` aborts, or it is cancelled) and answers its status.
 *
 * @param {object} o
 * @param {{ call: Function }} o.client  a TimClient
 * @param {object} [o.job]       the spec `{ id, endpoint, body, ... }` (optional when resuming from a checkpoint)
 * @param {any[]} [o.items]      recipients / accounts / members / groups (optional when resuming)
 * @param {string|object} [o.checkpoint]  a file path, or a storage `{ get, put, list }`; memory when absent
 * @param {object} [o.limiter]   shared limiter `{ reserve, penalize }`; by default one kept next to the checkpoint
 *                               file (`<checkpoint>.limiter`), or in memory without a file
 * @param {number} [o.chunkConcurrency]  chunks in flight at once (default 4: others keep sending while one
 *                               waits out a timeout)
 * @param {(status: object) => void} [o.onProgress]  after each chunk
 * @param {number} [o.chunkAttempts]  tries per chunk when the runner itself fails (default 6)
 */
export async function runJob({
  client, job, items, checkpoint, limiter, signal, chunkConcurrency = 4, maxInFlight = 16,
  onProgress, resume = true, callOptions, hooks, chunkAttempts = 6,
} = {}) {
  if (!client || typeof client.call !== 'function') throw badInput('runJob needs a client (a TimClient)');
  const storage = typeof checkpoint === 'string' ? await FileStorage.open(checkpoint) : (checkpoint ?? new MemoryStorage());
  try {
    const ledger = new Ledger(storage);
    let record = await ledger.job();
    const planner = new Planner(job ?? record?.spec ?? badSpec());
    if (items !== undefined) {
      const prepared = planner.prepare(items);
      record = (await ledger.create({ prepared, runner: { kind: 'local' } })).job;
    } else if (!record) {
      throw badInput('no job in the checkpoint: pass job and items to start one');
    } else if (job && JSON.stringify(planner.spec) !== JSON.stringify(record.spec)) {
      throw badInput(`the checkpoint holds job ${record.spec.id} with another spec; use a new checkpoint`);
    }
    if (record.state === 'cancelled' && resume) await ledger.resume();
    limiter ??= typeof checkpoint === 'string'
      ? await FileLimiter.open(`${checkpoint}.limiter`, { guardMs: planner.spec.guardMs })
      : new MemoryLimiter({ guardMs: planner.spec.guardMs });
    // This process holds the checkpoint's lock, so a lease left by a killed run is ours to take.
    const takeOver = typeof checkpoint === 'string';
    const pending = await ledger.pending();
    // What this run did (not the job's whole history): calls made, checks, grants given up.
    const stats = { requests: 0, checks: 0, lateGrants: 0, heldBack: 0, chunkRetries: 0 };
    let next = 0;
    const worker = async () => {
      while (next < pending.length && !signal?.aborted) {
        const index = pending[next++];
        // A chunk that fails (an error of the runner itself, not of Tencent) is tried again, as
        // Workflows retries a step; what it left begun is resolved by the planner's rules.
        for (let attempt = 1; ; attempt++) {
          try {
            const r = await executeChunk({
              planner, ledger, limiter, client, index, signal, takeOver, maxInFlight, callOptions, hooks, owner: newOwner(),
            });
            if (r.state === 'stopped') return;
            for (const k of ['requests', 'checks', 'lateGrants', 'heldBack']) stats[k] += r[k] ?? 0;
            break;
          } catch (e) {
            if (signal?.aborted || attempt >= chunkAttempts) throw e;
            stats.chunkRetries++;
            await sleep(Math.min(30000, 500 * 2 ** attempt), signal);
          }
        }
        if (onProgress) onProgress(await ledger.status({ limit: 0 }));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(chunkConcurrency, pending.length)) }, worker));
    return { ...(await ledger.status({ limit: 1000 })), run: stats };
  } finally {
    if (storage instanceof FileStorage) storage.close();
  }
}

function badSpec() {
  throw badInput('runJob needs job (a spec) to start');
}

/**
 * A job's status from its checkpoint file (read-only: works while another process runs it).
 * To cancel a local job, abort the `signal` given to runJob (its chunks in flight finish or are
 * left for the next run to resolve); to resume, call runJob again with the same checkpoint.
 */
export async function jobStatus(checkpoint, { limit = 100, offset = 0 } = {}) {
  const storage = typeof checkpoint === 'string' ? await FileStorage.open(checkpoint, { readOnly: true }) : checkpoint;
  try {
    return await new Ledger(storage).status({ limit, offset });
  } finally {
    if (storage instanceof FileStorage) storage.close();
  }
}
