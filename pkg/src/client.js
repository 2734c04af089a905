// TimClient: the JS face of the wasm WasmClient. Signing, URL building, sending, parsing, retry
// decisions and the events a call reports happen in Rust; this file converts bodies and errors,
// and hands events to hooks and the logger.
import { wasm } from './glue.js';
import { badInput, bodyText, toTimError } from './error.js';
import { installNamespaces } from './endpoints.js';
import { hooksOf, loggerOf, emitterFor } from './observe.js';

export class TimClient {
  #inner;
  #hooks;
  #logger;

  /**
   * @param {{ sdkAppId: number|string, key: string, adminId?: string, region?: string,
   *           baseUrl?: string|string[], fetch?: typeof fetch, timeoutMs?: number,
   *           maxRetries?: number, deadlineMs?: number, maxResponseBytes?: number,
   *           hooks?: object, logLevel?: string, logger?: object }} options
   */
  constructor(options) {
    if (options === null || typeof options !== 'object') throw badInput('TimClient takes an options object');
    try {
      this.#inner = new wasm.WasmClient(options);
    } catch (e) {
      throw toTimError(e);
    }
    this.#hooks = hooksOf(options.hooks, 'hooks');
    this.#logger = loggerOf(options.logLevel, options.logger);
    // client.account, client.group, ...: one typed method per catalog endpoint.
    installNamespaces(this);
  }

  /** POSTs `body` to /v4/<servicename>/<command>; resolves with the answer (see the README's success rule). */
  call(servicename, command, body = {}, options = undefined) {
    let text;
    let emit;
    try {
      text = bodyText(body);
      emit = emitterFor(this.#hooks, this.#logger, options);
    } catch (e) {
      return Promise.reject(toTimError(e));
    }
    return this.#inner.call(servicename, command, text, options, emit).catch(rethrow);
  }

  /** A signed request `{ url, method: 'POST', headers, body }` to send with any HTTP client. */
  buildRequest(servicename, command, body = {}) {
    const text = bodyText(body);
    // Rust signs the URL and checks all three, answering the URL or an error object; the request
    // is built here, where the body text already is. Non-strings become '' so Rust reports them
    // like any invalid name.
    const url = this.#inner.buildUrl(str(servicename), str(command), text);
    if (typeof url !== 'string') throw toTimError(url);
    return { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: text ?? '{}' };
  }
}

function rethrow(e) {
  throw toTimError(e);
}

/**
 * What a successful call's answer came with: `{ service, command, status, host, requestId,
 * attempts, durationMs }` (`requestId` is the `random` query value Tencent support asks for), or
 * undefined for an object that is not a call's answer.
 */
export function responseMeta(answer) {
  return wasm.responseMeta(answer);
}

const str = (v) => (typeof v === 'string' ? v : '');
