// Types for tim-edge. Request and response bodies use Tencent's field names verbatim.

import type { GroupApi, LiveGroupApi, CommunityApi, OfficialAccountApi } from './types/endpoints-b.js';
export * from './types/endpoints-b.js';
import type {
  AccountApi,
  MessageApi,
  MessageExtensionApi,
  PushApi,
  ProfileApi,
  FriendApi,
  FollowApi,
  ConversationApi,
  BotApi,
  ModerationApi,
  OperationApi,
} from './types/endpoints-a.js';
export * from './types/endpoints-a.js';
// Per-call options and the <method>Pages / <method>Batched helper types.
export type { CallOptions, CallHooks, CallEvent, PageOptions, ItemOptions, ItemIterable, BatchOptions, FailedChunk, BatchedResponse } from './types/common.js';
import type { CallHooks, CallEvent } from './types/common.js';

/** How a call failed. */
export type TimErrorKind = 'api' | 'network' | 'timeout' | 'aborted' | 'bad-response' | 'bad-input';

/** The one error type. Never carries the key or a UserSig. */
export declare class TimError extends Error {
  readonly name: 'TimError';
  readonly kind: TimErrorKind;
  /** Tencent's ErrorCode; 0 when there was no API answer. */
  readonly code: number;
  /** Tencent's ErrorInfo, or our description. */
  readonly info: string;
  /** Whether trying again later may succeed. */
  readonly retryable: boolean;
  readonly service: string;
  readonly command: string;
  /** HTTP status of the answer; 0 when none arrived. */
  readonly httpStatus: number;
  /** How many requests were sent for this call. */
  readonly attempts: number;
  /** False when the request may or may not have been processed (for example a timeout after sending). */
  readonly outcomeKnown: boolean;
  /** The `random` query value of the last attempt sent (Tencent support asks for it with the time, SDKAppID and API); null when nothing was sent. */
  readonly requestId: number | null;
  /** The origin the last attempt went to ('' when nothing was sent). */
  readonly host: string;
  /** Milliseconds from the start of the call to the error. */
  readonly durationMs: number;
  /** For network failures: the host's error (name, message, code; nested causes), rebuilt without secrets. */
  readonly cause?: unknown;
}

export interface GenerateUserSigOptions {
  /** SDKAppID (uint32); a string of digits is accepted (env vars are strings). */
  sdkAppId: number | string;
  /** The app's secret key from the console (used as a string, not hex-decoded). */
  key: string;
  /** UserID: 1-32 bytes. */
  userId: string;
  /** Lifetime in seconds, 1..4294967295. Default 15552000 (180 days). */
  expire?: number;
  /** Signing time, Unix seconds. Default: now. */
  time?: number;
}

/** Generates a UserSig (TLSSigAPIv2), the token the Chat client SDKs log in with. */
export declare function generateUserSig(options: GenerateUserSigOptions): string;

export interface GenerateUserSigsOptions extends Omit<GenerateUserSigOptions, 'userId'> {
  /** At most 100000 UserIDs, each 1-32 bytes. */
  userIds: string[];
}

/** Signs many UserIDs with one key, time and lifetime in a single wasm call; same order as `userIds`. */
export declare function generateUserSigs(options: GenerateUserSigsOptions): string[];

/** TRTC privilege bits: 1 create, 2 enter, 4 send audio, 8 receive audio, 16 send video, 32 receive video, 64 send sub-stream, 128 receive sub-stream; 255 grants all. */
export type PrivateMapKeyOptions = GenerateUserSigOptions & { privilegeMap: number } & (
    | { roomId: number; roomStr?: undefined }
    | { roomStr: string; roomId?: undefined }
  );

/** Generates a TRTC PrivateMapKey: a UserSig whose userbuf grants room privileges. */
export declare function generatePrivateMapKey(options: PrivateMapKeyOptions): string;

export interface DecodedUserSig {
  version: string;
  identifier: string;
  sdkAppId: number;
  /** Signing time, Unix seconds. */
  time: number;
  /** Lifetime in seconds. */
  expire: number;
  /** Present for PrivateMapKeys. */
  userBuf?: Uint8Array;
  /** TLS.sig, standard base64. */
  sig: string;
}

/** Decodes a UserSig without checking its signature. Throws TimError (bad-input) when malformed. */
export declare function decodeUserSig(userSig: string): DecodedUserSig;

export interface VerifyUserSigOptions {
  sdkAppId: number | string;
  key: string;
  userId: string;
  userSig: string;
  /** Unix seconds. Default: now. Valid through second time + expire inclusive. */
  now?: number;
  /** The exact userbuf expected (PrivateMapKeys); without it a UserSig carrying one fails. */
  userBuf?: Uint8Array;
}

export type VerifyUserSigResult =
  | { ok: true; expiresAt: number }
  | {
      ok: false;
      reason: 'malformed' | 'sdkappid-mismatch' | 'identifier-mismatch' | 'expired' | 'userbuf-mismatch' | 'bad-signature';
    };

/** Verifies a UserSig (constant-time signature comparison). */
export declare function verifyUserSig(options: VerifyUserSigOptions): VerifyUserSigResult;

export type Region = 'china' | 'singapore' | 'seoul' | 'tokyo' | 'frankfurt' | 'silicon-valley' | 'jakarta' | 'mumbai';

export interface TimClientOptions {
  sdkAppId: number | string;
  key: string;
  /** The app admin account. Default 'administrator'. */
  adminId?: string;
  /** Default 'singapore'. Each region has a primary and a backup host. */
  region?: Region;
  /** Overrides the region: a host or URL, or an ordered list (primary first). http:// only for loopback. */
  baseUrl?: string | string[];
  /** Replaces the host's global fetch. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms. Default 10000 (Tencent's backend allows itself 3 s). */
  timeoutMs?: number;
  /** Attempts after the first, 0 to 10. Default 2. Only safe retries are made (docs/RELIABILITY.md). */
  maxRetries?: number;
  /** The whole call in ms, every attempt and wait included. Default 30000. */
  deadlineMs?: number;
  /** Largest answer body read, in bytes (1 to 2^30). Default 4194304 (4 MiB); a larger answer is a bad-response TimError naming the cap. */
  maxResponseBytes?: number;
  /** Observer hooks for every call of this client (request, response, retry, error events). */
  hooks?: CallHooks;
  /** Logs the same events: 'error' (failed calls), 'warn' (+ retries), 'info', 'debug' (+ every attempt). Default 'off'. */
  logLevel?: 'off' | 'error' | 'warn' | 'info' | 'debug';
  /** Where logs go (default console): `logger[level](message, event)`. */
  logger?: { error(...a: unknown[]): unknown; warn(...a: unknown[]): unknown; info(...a: unknown[]): unknown; debug(...a: unknown[]): unknown };
}

/** What a successful call's answer came with; see `responseMeta`. */
export interface ResponseMeta {
  service: string;
  command: string;
  /** HTTP status of the answer (200). */
  status: number;
  /** The origin that answered. */
  host: string;
  /** The answering attempt's `random` query value (what Tencent support asks for). */
  requestId: number;
  attempts: number;
  durationMs: number;
}

/** The metadata of a call's answer object (without changing the answer); undefined for any other value. */
export declare function responseMeta(answer: unknown): ResponseMeta | undefined;

/** Bytes of the SDK's WebAssembly memory (answers are parsed in JS, so this stays near 1.3 MB). */
export declare function wasmMemoryBytes(): number;

export interface CallOptionsBase {
  /** An AbortSignal, or an object with its interface (a boolean `aborted` and `addEventListener`). */
  signal?: AbortSignal | { readonly aborted: boolean; addEventListener(type: 'abort', listener: (...args: any[]) => unknown): unknown };
  timeoutMs?: number;
  maxRetries?: number;
  deadlineMs?: number;
  /** Hooks for this call only (after the client's). */
  hooks?: CallHooks;
}

/** Tencent's answer envelope. */
export interface TimEnvelope {
  ActionStatus: 'OK';
  ErrorCode: number;
  ErrorInfo?: string;
  ErrorDisplay?: string;
}

export interface SignedRequest {
  url: string;
  method: 'POST';
  headers: { 'content-type': 'application/json' };
  body: string;
}

/** One row of the endpoint catalog (docs/ENDPOINTS.md). */
export interface EndpointRow {
  readonly namespace: string;
  readonly method: string;
  readonly servicename: string;
  readonly command: string;
  /** How the retry policy treats an ambiguous failure. */
  readonly retry: 'read' | 'idempotent' | 'dedup-key' | 'unsafe';
  /** Most items of `batchField` one call takes; 0 when no limit is documented. */
  readonly batchLimit: number;
  readonly batchField: string | null;
  /** Every name the limited list goes by (multiaccount_import takes AccountList or Accounts). */
  readonly batchFields: readonly string[];
  /** Whether `client.<namespace>.<method>Batched` exists. */
  readonly splittable: boolean;
  /** Whether `client.<namespace>.<method>Pages` exists. */
  readonly paged: boolean;
  /** The answer's list of items on each page, when it has one fixed name. */
  readonly pageItems: string | null;
  /** Documented required top-level fields, checked before sending; "A|B" means one of them. */
  readonly required: readonly string[];
}

/** Every current REST endpoint, in catalog order (read-only). */
export declare const endpoints: readonly EndpointRow[];

export declare class TimClient {
  constructor(options: TimClientOptions);
  /** Group management, group messages, attributes and counters. */
  readonly group: GroupApi;
  /** Live group (AVChatRoom) members, marks and admins. */
  readonly liveGroup: LiveGroupApi;
  /** Community topics and permission groups. */
  readonly community: CommunityApi;
  /** Official accounts, their messages and subscribers. */
  readonly officialAccount: OfficialAccountApi;
  /** Account import / delete / check, kick, online status, global mute. */
  readonly account: AccountApi;
  /** One-to-one messages: send, batch send, import, history, recall, read, modify. */
  readonly message: MessageApi;
  /** Message extensions (key/values) of one-to-one and group messages. */
  readonly messageExtension: MessageExtensionApi;
  /** All-user / tag / attribute push (all_member_push and the Push service). */
  readonly push: PushApi;
  /** User profiles. */
  readonly profile: ProfileApi;
  /** Friends, blocklist and friend lists. */
  readonly friend: FriendApi;
  /** Follow / followers. */
  readonly follow: FollowApi;
  /** Recent contacts, conversation groups and marks. */
  readonly conversation: ConversationApi;
  /** Chatbot accounts. */
  readonly bot: BotApi;
  /** Content moderation and keyword libraries. */
  readonly moderation: ModerationApi;
  /** Statistics, history download, webhook IPs, media blocking. */
  readonly operation: OperationApi;
  /** POSTs `body` (default {}) to /v4/<servicename>/<command>. Resolves with the answer when ErrorCode is 0 (or, without one, ActionStatus is OK); throws TimError otherwise. */
  call<T = TimEnvelope & Record<string, unknown>>(
    servicename: string,
    command: string,
    body?: object,
    options?: CallOptionsBase,
  ): Promise<T>;
  /** A signed request to send with any HTTP client. */
  buildRequest(servicename: string, command: string, body?: object): SignedRequest;
}

// Webhooks: verifyWebhook, WebhookReply, createWebhookHandler, toNodeHandler and every callback body.
export * from './types/webhook.js';
