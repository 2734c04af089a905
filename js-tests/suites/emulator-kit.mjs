// What the emulator suites (emulator*.mjs) start with: a text message body, an emulator with a
// client whose `fetch` is the emulator's, a predicate for Tencent's API errors, and a webhook
// transport into the SDK's own createWebhookHandler whose Sign is checked independently with
// WebCrypto. Not a suite (index.mjs does not list it). Runtime-neutral: no node:* imports.

export const text = (t) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];

async function sha256Hex(s) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The helpers for one suite's app (`app`, `key`, `token`); `env` is the runner's. */
export function emulatorKit(tim, env, { app, key, token }) {
  const { assert, Emulator } = env;
  if (!Emulator) throw new Error('the runner did not pass tim-edge/emulator as env.Emulator');

  /** A fresh emulator and a client of it (no retries: every answer is seen as it is). */
  const setup = (emuOpts = {}, clientOpts = {}) => {
    const emulator = new Emulator({ sdkAppId: app, key, ...emuOpts });
    const client = new tim.TimClient({ sdkAppId: app, key, fetch: emulator.fetch, maxRetries: 0, ...clientOpts });
    return { emulator, client };
  };
  /** For assert.rejects: a TimError of kind 'api' with `code` (and an info matching `infoPattern`). */
  const apiError = (code, infoPattern) => (e) => {
    assert.ok(e instanceof tim.TimError, `expected a TimError, got ${e && e.message}`);
    assert.equal(e.kind, 'api', e.message);
    assert.equal(e.code, code, e.message);
    if (infoPattern) assert.match(e.info, infoPattern);
    return true;
  };
  /**
   * An emulator `callback` option whose deliveries go to the SDK's handler with `on`; `signs`
   * gets, per delivery, whether its Sign is sha256(token + RequestTime).
   */
  const webhooks = (on) => {
    const handler = tim.createWebhookHandler({ sdkAppId: app, token, on });
    const signs = [];
    const fetch = async (url, init) => {
      const q = new URL(url).searchParams;
      signs.push(q.get('Sign') === (await sha256Hex(token + q.get('RequestTime'))));
      return handler(new Request(url, init), {}, { waitUntil() {}, passThroughOnException() {} });
    };
    return { callback: { url: 'http://app.example/tim/callback', token, fetch }, signs };
  };
  return { assert, Emulator, setup, apiError, webhooks };
}
