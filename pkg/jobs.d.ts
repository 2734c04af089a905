// Types of `tim-edge/jobs`: bulk jobs (one message to many recipients, account imports, member
// adds, push) planned by the core and run by Cloudflare Workflows / Queues or a local loop, paced
// under Tencent's quotas, checkpointed after each chunk. docs/JOBS.md explains the model.

/** The endpoints a job can run. */
export type JobEndpoint =
  | 'openim/sendmsg'
  | 'openim/batchsendmsg'
  | 'group_open_http_svc/send_group_msg'
  | 'im_open_login_svc/multiaccount_import'
  | 'group_open_http_svc/add_group_member'
  | 'timpush/batch';

/** `limit` units per `windowMs`, counted per request or per item (batchsendmsg's messages/min). */
export interface Quota {
  limit: number;
  windowMs: number;
  per?: 'request' | 'item';
}

export interface JobSpec {
  /** Unique per job: the dedup keys derive from it. 1-128 bytes. */
  id: string;
  endpoint: JobEndpoint;
  /**
   * What every request shares, in Tencent's field names (e.g. From_Account and MsgBody). The
   * items' field (To_Account, GroupId, AccountList, MemberList) and the key fields (MsgRandom,
   * MsgSeq, Random) come from the job and must not be here.
   */
  body?: Record<string, unknown>;
  /** Items per chunk (the unit of checkpointing), 1-10000. Default per endpoint (100 for sendmsg). */
  chunkSize?: number;
  /** Per endpoint (`service/command`), replacing the defaults (Tencent's documented quotas). */
  quotas?: Partial<Record<string, Quota[]>>;
  /** Extra window the limiter plans for, against host lateness (ms, default 25). */
  guardMs?: number;
  /** Attempts per request before a retryable failure is final (default 6). */
  maxAttempts?: number;
  /** Wait after a maybe-processed attempt before checking Tencent's state (ms, default 5000). */
  settleMs?: number;
}

/** A job item: a UserID / GroupId, or an object (AccountList / MemberList entries). */
export type JobItem = string | Record<string, unknown>;

export interface JobFailure {
  id: string;
  /** Tencent's ErrorCode; 0 when there was no API answer (kind says what happened). */
  code: number;
  info: string;
  kind: string;
  retryable: boolean;
  chunk?: number;
}

export interface JobStatus {
  id: string;
  endpoint: JobEndpoint;
  state: 'running' | 'cancelled' | 'done';
  counts: { items: number; done: number; failed: number; unknown: number; pending: number; invalid: number; duplicates: number };
  chunks: { total: number; done: number };
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  elapsedMs: number;
  /** The job's shortest duration at its quotas. */
  expectedMs: number;
  /** Failures with Tencent's codes (invalid items first), up to the limit asked for. */
  failures: JobFailure[];
  /** Items that may or may not have been processed, and that no check could settle. */
  unknown: JobFailure[];
  runner: { kind: string; instance?: string; run?: number } | null;
}

/** What a ledger is stored in: a Durable Object's storage, a file, memory. */
export interface JobStorage {
  get(key: string): Promise<unknown>;
  put(entries: Record<string, unknown>): Promise<void>;
  list(prefix: string): Promise<Map<string, unknown>>;
}

/** Grants start times (ms since the epoch) for requests with these costs. */
export interface JobLimiter {
  reserve(costs: unknown[][]): Promise<number[]>;
  penalize(bucket: string, quota: Quota): Promise<void>;
  /**
   * Optional, for a limiter every send of the app goes through (one process): 0 when a request
   * may leave now (recorded as sent at `now`), else ms to wait. Called right before the call
   * that sends.
   */
  admit?(costs: unknown[], now?: number): number;
  /**
   * Optional, with `admit`: the request admitted at `admittedAt` leaves now (called from the
   * client's onRequest hook, in the same tick as its fetch), so its record moves here.
   */
  restamp?(admittedAt: number, costs: unknown[]): void;
}

/** Anything with TimClient's `call`. */
export interface JobClient {
  call(servicename: string, command: string, body?: object, options?: object): Promise<unknown>;
}

export interface JobHooks {
  /** Fault injection for tests: throwing stops the chunk as a crashed step would. */
  afterRequest?(request: unknown, result: unknown): void | Promise<void>;
}

/** The core's planner for one spec (prepare, chunks, keys, verdicts, checks). */
export declare class Planner {
  constructor(spec: JobSpec);
  readonly spec: Required<Omit<JobSpec, 'body' | 'quotas'>> & { body: Record<string, unknown>; quotas: Record<string, Quota[]> };
  prepare(items: JobItem[]): {
    items: JobItem[];
    ids: string[];
    invalid: { index: number; id: string | null; reason: string }[];
    duplicates: string[];
    plan: { items: number; chunkSize: number; chunks: number; requests: number; starts: number[]; expectedMs: number };
    fingerprint: string;
    spec: JobSpec;
  };
}

/** The core's limiter in this process. */
export declare class MemoryLimiter implements JobLimiter {
  constructor(options?: { guardMs?: number; state?: string });
  reserve(costs: unknown[][]): Promise<number[]>;
  admit(costs: unknown[], now?: number): number;
  restamp(admittedAt: number, costs: unknown[]): void;
  penalize(bucket: string, quota: Quota): Promise<void>;
  state(): string;
}

export declare class LedgerError extends Error {
  readonly code: string;
}

export declare class Ledger {
  constructor(storage: JobStorage);
  status(options?: { limit?: number; offset?: number }): Promise<JobStatus | null>;
  pending(): Promise<number[]>;
  cancel(): Promise<unknown>;
  resume(): Promise<unknown>;
}

export declare class MemoryStorage implements JobStorage {
  get(key: string): Promise<unknown>;
  put(entries: Record<string, unknown>): Promise<void>;
  list(prefix: string): Promise<Map<string, unknown>>;
}

export declare class ChunkBusy extends Error {
  readonly chunk: number;
  readonly until: number;
}

/** One chunk end to end (what every runner calls). */
export declare function executeChunk(options: {
  planner: Planner;
  ledger: Ledger;
  limiter: JobLimiter;
  client: JobClient;
  index: number;
  signal?: AbortSignal;
  owner?: string;
  leaseMs?: number;
  takeOver?: boolean;
  maxInFlight?: number;
  callOptions?: { timeoutMs?: number; deadlineMs?: number };
  hooks?: JobHooks;
}): Promise<{ chunk: number; state: 'committed' | 'done' | 'stopped'; done?: number; failed?: number; unknown?: number; requests?: number; checks?: number; lateGrants?: number }>;

// ----- Cloudflare (Durable Objects, Workflows, Queues) -----

/** The Durable Object of one job's ledger: export it from your Worker and bind it. */
export declare class TimJobLedger {
  constructor(ctx: unknown, env?: unknown);
  fetch(request: Request): Promise<Response>;
}

/** The Durable Object pacing an app's requests across isolates: export it and bind it. */
export declare class TimRateLimiter {
  constructor(ctx: unknown, env?: unknown);
  fetch(request: Request): Promise<Response>;
}

export interface CloudflareJobs {
  /** Checks and records the job, then starts its runner (idempotent for the same spec and items). */
  start(options: { job: JobSpec; items: JobItem[]; runner?: 'workflow' | 'queue' }): Promise<JobStatus>;
  status(jobId: string, options?: { limit?: number; offset?: number }): Promise<JobStatus | null>;
  /** Stops sending; pending items stay pending. */
  cancel(jobId: string): Promise<JobStatus>;
  /** Continues with a fresh runner (after a cancel, or a runner that stalled). */
  resume(jobId: string): Promise<JobStatus>;
  /** The body of your WorkflowEntrypoint's run(event, step). */
  runWorkflow(event: { payload: { jobId: string } }, step: unknown): Promise<unknown>;
  /** Your Worker's queue(batch) handler. */
  handleQueue(batch: { messages: readonly { body: unknown; attempts: number; ack(): void; retry(options?: { delaySeconds?: number }): void }[] }): Promise<void>;
}

export declare function cloudflareJobs(options: {
  /** The TimJobLedger namespace. */
  ledgers: unknown;
  /** The TimRateLimiter namespace. */
  limiter: unknown;
  workflow?: unknown;
  queue?: unknown;
  client: JobClient | (() => JobClient);
  /** The limiter's name: one per app (its SDKAppID), so every job of the app shares the quota. */
  appName?: string;
  chunkConcurrency?: number;
  maxInFlight?: number;
  leaseMs?: number;
  hooks?: JobHooks;
}): CloudflareJobs;

// ----- Node, Deno, Bun (not in the workerd build) -----

/**
 * Runs a job to the end with its ledger in a checkpoint file (`<checkpoint>`, plus
 * `<checkpoint>.lock` and `<checkpoint>.limiter`). Kill it anywhere; run it again with the same
 * checkpoint to continue. Abort `signal` to stop (that is the local cancel).
 */
export declare function runJob(options: {
  client: JobClient;
  job?: JobSpec;
  items?: JobItem[];
  checkpoint?: string | JobStorage;
  limiter?: JobLimiter;
  signal?: AbortSignal;
  chunkConcurrency?: number;
  maxInFlight?: number;
  chunkAttempts?: number;
  resume?: boolean;
  onProgress?(status: JobStatus): void;
  callOptions?: { timeoutMs?: number; deadlineMs?: number };
  hooks?: JobHooks;
}): Promise<JobStatus & { run: { requests: number; checks: number; lateGrants: number; chunkRetries: number } }>;

/** A job's status from its checkpoint file (read-only; works while it runs elsewhere). */
export declare function jobStatus(checkpoint: string | JobStorage, options?: { limit?: number; offset?: number }): Promise<JobStatus | null>;

export declare class FileStorage implements JobStorage {
  static open(path: string, options?: { readOnly?: boolean }): Promise<FileStorage>;
  get(key: string): Promise<unknown>;
  put(entries: Record<string, unknown>): Promise<void>;
  list(prefix: string): Promise<Map<string, unknown>>;
  close(): void;
}

export declare class FileLimiter implements JobLimiter {
  static open(path: string, options: { guardMs: number }): Promise<FileLimiter>;
  reserve(costs: unknown[][]): Promise<number[]>;
  admit(costs: unknown[], now?: number): number;
  restamp(admittedAt: number, costs: unknown[]): void;
  penalize(bucket: string, quota: Quota): Promise<void>;
}
