// `tim-edge/emulator`: a local, in-memory Chat REST backend. The semantics are Rust
// (src/emulator/, compiled into the dev-only tim_edge_emulator_bg.wasm); this file is the I/O
// around them: read the Request, deliver webhooks with the host's fetch, build the Response.
import { wasm } from './glue.js';
import { badInput, toTimError } from './error.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
// Tencent gives before-send callbacks 2 s (spec/usersig-webhooks-errors.md); the same default
// bounds every webhook the emulator sends.
const DEFAULT_CALLBACK_TIMEOUT_MS = 2000;

export class Emulator {
  #core;
  #callback = null;

  /**
   * @param {{ sdkAppId: number|string, key: string, adminId?: string,
   *           callback?: { url: string, token?: string, fetch?: typeof fetch, timeoutMs?: number } }} options
   */
  constructor(options) {
    if (options === null || typeof options !== 'object') throw badInput('new Emulator() takes an options object');
    const { sdkAppId, key, adminId, callback } = options;
    try {
      this.#core = new wasm.WasmEmulator(sdkAppId, key, adminId);
      if (callback != null) {
        if (typeof callback !== 'object') throw badInput('callback must be an object { url, token?, fetch?, timeoutMs? }');
        const { url, token, fetch: f = globalThis.fetch, timeoutMs = DEFAULT_CALLBACK_TIMEOUT_MS } = callback;
        if (typeof f !== 'function') throw badInput('callback.fetch must be a function');
        if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60000) {
          throw badInput('callback.timeoutMs must be an integer from 1 to 60000');
        }
        this.#core.setCallback(url, token);
        this.#callback = { fetch: f, timeoutMs };
      }
    } catch (e) {
      throw toTimError(e);
    }
    // An own, bound property: `new TimClient({ fetch: emulator.fetch })` works unbound.
    Object.defineProperty(this, 'fetch', { value: (input, init) => this.#fetch(input, init), enumerable: true });
  }

  async #fetch(input, init) {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    let body;
    try {
      body = new Uint8Array(await request.arrayBuffer());
    } catch {
      return new Response('{"ActionStatus":"FAIL","ErrorCode":60002,"ErrorInfo":"request body could not be read"}', {
        status: 200,
        headers: JSON_HEADERS,
      });
    }
    let step = this.#core.handle(request.method, request.url, body, Date.now(), undefined);
    if (step.before) {
      // The app decides; no usable answer (error, timeout, not JSON) means allow, as in the docs.
      const reply = await this.#deliver(step.before);
      step = this.#core.handle(request.method, request.url, body, Date.now(), reply ?? 'null');
    }
    // Awaited (concurrently, each bounded) so that a test sees the app's side effects once the
    // call returns, and so no work outlives the request in runtimes without waitUntil.
    if (step.after && step.after.length) await Promise.all(step.after.map((cb) => this.#deliver(cb)));
    return new Response(step.body, { status: step.status, headers: JSON_HEADERS });
  }

  /** POSTs one webhook; resolves to the reply text, or null when there is no usable reply. */
  async #deliver({ url, body }) {
    if (!this.#callback) return null;
    try {
      const r = await this.#callback.fetch(url, {
        method: 'POST',
        headers: JSON_HEADERS,
        body,
        signal: AbortSignal.timeout(this.#callback.timeoutMs),
      });
      const text = await r.text();
      return r.status === 200 ? text : null;
    } catch {
      return null;
    }
  }

  /**
   * Emulator-only, standing in for the client SDK: `userIds` (imported accounts) enter live
   * (AVChatRoom) group `groupId`, as get_members, check_members and get_online_member_num then
   * see them. Throws a bad-input TimError for an unknown or non-live group, an unknown or banned
   * account, or more than 500 ids.
   */
  joinLiveGroup(groupId, userIds) {
    this.#live('joinLiveGroup', groupId, userIds, (g, u) => this.#core.joinLiveGroup(g, u, Date.now()));
  }

  /** Emulator-only: `userIds` leave live group `groupId` (their marks go with them). */
  leaveLiveGroup(groupId, userIds) {
    this.#live('leaveLiveGroup', groupId, userIds, (g, u) => this.#core.leaveLiveGroup(g, u));
  }

  #live(name, groupId, userIds, run) {
    if (typeof groupId !== 'string') throw badInput(`${name}() takes the GroupId as a string`);
    if (!Array.isArray(userIds) || !userIds.every((u) => typeof u === 'string')) {
      throw badInput(`${name}() takes an array of UserID strings`);
    }
    try {
      run(groupId, userIds);
    } catch (e) {
      throw toTimError(e);
    }
  }

  /** The whole state as JSON text (accounts, profiles, friends, messages, groups, mutes). */
  snapshot() {
    return this.#core.snapshot();
  }

  /** Replaces the state with a snapshot; throws a bad-input TimError (state unchanged) if it is not one. */
  restore(snapshot) {
    if (typeof snapshot !== 'string') throw badInput('restore() takes the JSON text snapshot() returned');
    try {
      this.#core.restore(snapshot);
    } catch (e) {
      throw toTimError(e);
    }
  }
}
