// Webhooks: verify Tencent's callbacks and answer them. createWebhookHandler returns a
// (Request) => Promise<Response> function that is a Workers `fetch` handler, a Deno.serve or
// Bun.serve handler as it is, and a node:http listener through toNodeHandler.
//
// The checks and the reply JSON live in Rust (src/webhook.rs); this file is the host I/O around
// them: reading a capped body, racing the user's handler against a deadline, building Responses.
import { wasm } from './glue.js';
import { badInput, toTimError } from './error.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const DEFAULT_TIMEOUT_MS = 1500;
const DEFAULT_MAX_BODY = 1024 * 1024;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function options(o, fn) {
  if (o === null || typeof o !== 'object') throw badInput(`${fn} takes an options object`);
  return o;
}

function call(fn) {
  try {
    return fn();
  } catch (e) {
    throw toTimError(e);
  }
}

/** Checks a callback URL's SdkAppid, Sign and RequestTime. Never throws for a bad request, only
 * for a bad configuration. */
export function verifyWebhook(o) {
  options(o, 'verifyWebhook');
  return call(() => wasm.verifyWebhook(o.url, o.token, o.sdkAppId, o.now, o.toleranceSec, o.insecureAllowUnsigned));
}

const SECRET = Symbol('WebhookReply');

/** An answer to a callback. Build one with the static methods; each holds Tencent's exact JSON. */
export class WebhookReply {
  #json;
  constructor(secret, json) {
    if (secret !== SECRET) throw badInput('use WebhookReply.allow(), .reject(), .drop(), .modify(), .friend() or .refuseMembers()');
    this.#json = json;
    Object.freeze(this);
  }
  static #build(spec) {
    return new WebhookReply(SECRET, call(() => wasm.webhookReply(JSON.stringify(spec))));
  }
  /** Allow (ErrorCode 0). */
  static allow() {
    return WebhookReply.#build({ kind: 'allow' });
  }
  /** Refuse (ErrorCode 1), or with a custom code the sender sees: [120001, 130000] for
   * one-to-one messages, [10100, 10200] for groups. */
  static reject(code, info) {
    return WebhookReply.#build({ kind: 'reject', code, info });
  }
  /** Drop silently (ErrorCode 2): the sender sees success, nobody receives the message. */
  static drop() {
    return WebhookReply.#build({ kind: 'drop' });
  }
  /** Allow a changed message: { MsgBody?, CloudCustomData? }. */
  static modify(changes) {
    if (changes === null || typeof changes !== 'object') throw badInput('modify takes { MsgBody, CloudCustomData }');
    return WebhookReply.#build({ kind: 'modify', MsgBody: changes.MsgBody, CloudCustomData: changes.CloudCustomData });
  }
  /** Friend before-callbacks: one { To_Account, ResultCode (0 or 38000-39000), ResultInfo } per target. */
  static friend(results) {
    return WebhookReply.#build({ kind: 'friend', results });
  }
  /** Group.CallbackBeforeInviteJoinGroup: invite everyone except these UserIDs. */
  static refuseMembers(accounts) {
    return WebhookReply.#build({ kind: 'invite', refused: accounts });
  }
  /** The JSON text Tencent receives. */
  get body() {
    return this.#json;
  }
  toJSON() {
    return JSON.parse(this.#json);
  }
}

function jsonResponse(status, text) {
  return new Response(text, { status, headers: JSON_HEADERS });
}

// Refusals keep Tencent's envelope; ErrorCode 1 is "refuse" should anything ignore the status.
function refusal(status, reason) {
  return jsonResponse(status, JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: reason }));
}

function positiveInt(v, name, dflt, max) {
  if (v === undefined || v === null) return dflt;
  if (!Number.isInteger(v) || v < 1 || v > max) throw badInput(`${name} must be an integer from 1 to ${max}`);
  return v;
}

// Reads at most `max` bytes: a declared Content-Length over the cap is refused before reading,
// and the stream is counted as it arrives (the header may be absent or lie).
async function readCapped(request, max) {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > max) return { tooLarge: true };
  if (request.body === null) return { bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  // Bounded: every chunk but empty ones adds at least one byte, and empty ones are capped too.
  for (let reads = 0; reads <= max + 1024; reads++) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes };
}

function parseBody(bytes) {
  try {
    const body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

const TIMED_OUT = Symbol('timed out');

function withDeadline(promise, ms) {
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * A Request -> Response handler for Tencent's callbacks.
 * options: { sdkAppId, token (required; or insecureAllowUnsigned: true when authentication is off
 *   in the console), on: { [command | '*']: async (event) => WebhookReply | undefined },
 *   fallback = allow, timeoutMs = 1500, maxBodyBytes = 1 MiB, toleranceSec = 60,
 *   onError?(error, event), now?() -> Unix seconds (tests) }
 */
export function createWebhookHandler(o) {
  options(o, 'createWebhookHandler');
  const { sdkAppId, token, toleranceSec, insecureAllowUnsigned } = o;
  const on = o.on ?? {};
  if (typeof on !== 'object') throw badInput('on must be an object of handlers keyed by CallbackCommand');
  for (const k of Object.keys(on)) {
    if (typeof on[k] !== 'function') throw badInput(`on['${k}'] must be a function`);
  }
  if (o.fallback !== undefined && !(o.fallback instanceof WebhookReply)) throw badInput('fallback must be a WebhookReply');
  if (o.onError !== undefined && typeof o.onError !== 'function') throw badInput('onError must be a function');
  if (o.now !== undefined && typeof o.now !== 'function') throw badInput('now must be a function returning Unix seconds');
  const timeoutMs = positiveInt(o.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, 60000);
  const maxBodyBytes = positiveInt(o.maxBodyBytes, 'maxBodyBytes', DEFAULT_MAX_BODY, 64 * 1024 * 1024);
  // Surfaces a bad sdkAppId, token or toleranceSec now rather than on the first callback: a
  // missing token is a configuration error (fail closed), not an open door.
  call(() => wasm.verifyWebhook('/', token, sdkAppId, 0, toleranceSec, insecureAllowUnsigned));
  const allow = WebhookReply.allow().body;
  const fallback = (o.fallback ?? WebhookReply.allow()).body;
  const onError = o.onError;
  const report = (err, event) => {
    if (!onError) return;
    try {
      onError(err, event);
    } catch {
      /* a failing reporter must not change the answer */
    }
  };

  return async function handleWebhook(request, ...platformArgs) {
    if (request.method !== 'POST') {
      return new Response(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'method-not-allowed' }), {
        status: 405,
        headers: { ...JSON_HEADERS, allow: 'POST' },
      });
    }
    let v;
    try {
      v = wasm.verifyWebhook(request.url, token, sdkAppId, o.now ? o.now() : undefined, toleranceSec, insecureAllowUnsigned);
    } catch (e) {
      report(toTimError(e), undefined);
      return refusal(500, 'misconfigured');
    }
    if (!v.ok) return refusal(v.reason === 'missing-params' ? 400 : 401, v.reason);

    let read;
    try {
      read = await readCapped(request, maxBodyBytes);
    } catch {
      return refusal(400, 'unreadable-body');
    }
    if (read.tooLarge) return refusal(413, 'body-too-large');
    const body = parseBody(read.bytes);
    if (body === undefined) return refusal(400, 'body-not-json-object');
    // The signature covers only the time: the body must at least name the command the URL does.
    if (body.CallbackCommand !== v.command) return refusal(400, 'command-mismatch');

    const event = {
      command: v.command,
      kind: v.kind,
      sdkAppId: v.sdkAppId,
      clientIp: v.clientIp,
      platform: v.platform,
      requestTime: v.requestTime,
      body,
      request,
      platformArgs,
    };
    const fn = hasOwn(on, v.command) ? on[v.command] : hasOwn(on, '*') ? on['*'] : undefined;
    if (fn === undefined) return jsonResponse(200, allow);

    const run = Promise.resolve().then(() => fn(event));
    if (v.kind === 'after') {
      // Tencent ignores the answer to a notification: answer now, let the handler finish.
      const done = run.then(
        () => {},
        (err) => report(err, event),
      );
      const ctx = platformArgs.find((a) => a !== null && typeof a === 'object' && typeof a.waitUntil === 'function');
      if (ctx) ctx.waitUntil(done);
      return jsonResponse(200, allow);
    }
    let result;
    try {
      result = await withDeadline(run, timeoutMs);
    } catch (err) {
      report(err, event);
      return jsonResponse(200, fallback);
    }
    if (result === TIMED_OUT) {
      report(new Error(`webhook handler for ${v.command} took longer than ${timeoutMs} ms`), event);
      run.catch(() => {});
      return jsonResponse(200, fallback);
    }
    if (result === undefined || result === null) return jsonResponse(200, allow);
    if (result instanceof WebhookReply) return jsonResponse(200, result.body);
    report(new TypeError(`webhook handler for ${v.command} returned something other than a WebhookReply`), event);
    return jsonResponse(200, fallback);
  };
}

/**
 * Adapts a (Request) => Promise<Response> handler to node:http's (req, res) listener:
 * http.createServer(toNodeHandler(handler)). Uses only web globals, so it adds no import.
 */
export function toNodeHandler(handler) {
  if (typeof handler !== 'function') throw badInput('toNodeHandler takes a (Request) => Promise<Response> function');
  return async function nodeListener(req, res) {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host || 'localhost'}`);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) for (const x of v) headers.append(k, x);
        else if (v !== undefined) headers.set(k, v);
      }
      const method = req.method ?? 'GET';
      let body = null;
      if (method !== 'GET' && method !== 'HEAD') {
        const it = req[Symbol.asyncIterator]();
        body = new ReadableStream({
          async pull(controller) {
            const { done, value } = await it.next();
            if (done) controller.close();
            else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
          },
        });
      }
      const request = new Request(url, { method, headers, body, duplex: 'half' });
      const response = await handler(request);
      const out = new Uint8Array(await response.arrayBuffer());
      const resHeaders = {};
      response.headers.forEach((value, key) => {
        resHeaders[key] = value;
      });
      res.writeHead(response.status, resHeaders);
      res.end(out);
    } catch {
      if (!res.headersSent) res.writeHead(500, JSON_HEADERS);
      res.end(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'internal-error' }));
    }
  };
}
