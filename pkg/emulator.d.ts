// Types of `tim-edge/emulator`: a local, in-memory Tencent Chat REST backend for offline
// development and tests (docs/EMULATOR.md lists what is emulated).

/** Where the emulator sends webhooks (callbacks), as Tencent would. */
export interface EmulatorCallbackOptions {
  /** The app's callback URL; the emulator appends SdkAppid, CallbackCommand, RequestTime, Sign, ... */
  url: string;
  /** The callback token: when set, requests carry RequestTime and Sign = sha256(token + RequestTime). */
  token?: string;
  /** Replaces the global fetch for delivering webhooks (e.g. a Worker's own handler). */
  fetch?: typeof fetch;
  /** Per-webhook timeout, 1-60000 ms. Default 2000 (Tencent's before-send timeout). */
  timeoutMs?: number;
}

export interface EmulatorOptions {
  /** The SDKAppID the emulator answers for (requests for another get 70020). */
  sdkAppId: number | string;
  /** The app's secret key: UserSigs are verified with it, with the real algorithm. */
  key: string;
  /** The one identifier allowed to call the REST API (others get 60010). Default 'administrator'. */
  adminId?: string;
  /** Turns webhooks on. Before-callbacks are honoured: reject, silent drop, modify. */
  callback?: EmulatorCallbackOptions;
}

export declare class Emulator {
  /** Throws a `TimError` (kind 'bad-input') for a missing key, a bad sdkAppId or adminId. */
  constructor(options: EmulatorOptions);
  /**
   * Answers one REST request the way Tencent would (`Request` -> `Response`). Bound: pass it as
   * `new TimClient({ fetch: emulator.fetch, ... })`, or serve it from a Worker, `Deno.serve`,
   * `Bun.serve` or a Node server.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Emulator-only, standing in for the client SDK (live groups are joined from clients): the
   * imported accounts `userIds` (1-500) enter live (AVChatRoom) group `groupId`. get_members,
   * check_members and get_online_member_num then see them. Throws a `TimError` (kind
   * 'bad-input') for an unknown or non-live group, an unknown or banned account.
   */
  joinLiveGroup(groupId: string, userIds: string[]): void;
  /** Emulator-only: `userIds` leave live group `groupId`; their marks go with them. */
  leaveLiveGroup(groupId: string, userIds: string[]): void;
  /** The whole state as JSON text. */
  snapshot(): string;
  /** Replaces the state with a snapshot; throws a `TimError` (state unchanged) if it is not one. */
  restore(snapshot: string): void;
}
