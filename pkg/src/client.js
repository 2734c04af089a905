// TimClient: the JS face of the wasm WasmClient. Signing, URL building, sending, parsing and
// retry decisions happen in Rust; this file converts bodies and errors.
import { wasm } from './glue.js';
import { badInput, bodyText, toTimError } from './error.js';
import { installNamespaces } from './endpoints.js';

export class TimClient {
  #inner;

  /**
   * @param {{ sdkAppId: number|string, key: string, adminId?: string, region?: string,
   *           baseUrl?: string|string[], fetch?: typeof fetch, timeoutMs?: number }} options
   */
  constructor(options) {
    if (options === null || typeof options !== 'object') throw badInput('TimClient takes an options object');
    try {
      this.#inner = new wasm.WasmClient(options);
    } catch (e) {
      throw toTimError(e);
    }
    // client.account, client.group, ...: one typed method per catalog endpoint.
    installNamespaces(this);
  }

  /** POSTs `body` to /v4/<servicename>/<command>; resolves with the answer when ActionStatus is OK. */
  async call(servicename, command, body = {}, options = {}) {
    const text = bodyText(body);
    try {
      return await this.#inner.call(servicename, command, text, options ?? {});
    } catch (e) {
      throw toTimError(e);
    }
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

const str = (v) => (typeof v === 'string' ? v : '');
