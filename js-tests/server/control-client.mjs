// The `env` every suite receives, built with fetch only so it works in every runtime, workerd
// included. It talks to the stand-in server's /__control API (see stand-in.mjs).
import { assert } from '../harness.mjs';
import { sigCodec, bytesToB64, b64ToBytes, hexToBytes } from './sig-codec-web.mjs';

export async function makeEnv({ serverUrl, runtime, args = [], extra = {} }) {
  const control = async (path, body) => {
    const res = await fetch(serverUrl + path, body === undefined
      ? undefined
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`stand-in control ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
  const data = await control('/__control/data');

  return {
    runtime,            // 'node-esm' | 'node-cjs' | 'deno' | 'bun' | 'workerd'
    args,               // the orchestrator's argv (e.g. '--faults-full')
    serverUrl,
    assert,
    sigCodec,           // independent UserSig decode/encode (web streams), see sig-codec-web.mjs
    bytes: { toB64: bytesToB64, fromB64: b64ToBytes, fromHex: hexToBytes },
    app: data.app,      // { sdkAppId, key } the server knows globally
    refusedUrl: data.refusedUrl, // http://127.0.0.1:<port> where nothing listens
    vectors: data.vectors,   // data/usersig-vectors.json
    fixtures: { styled: data.styled, malformed: data.malformed, valid: data.valid },
    // Program a scenario. answers: see stand-in.mjs. opts: { fallback, sdkAppId, key, strict }.
    // Returns { id, baseUrl, requests() } where requests() reads back what the server saw.
    async scenario(answers = [], opts = {}) {
      const { id, baseUrl } = await control('/__control/scenario', { answers, ...opts });
      return {
        id,
        baseUrl,
        async requests() {
          return (await control(`/__control/scenario/${id}`)).requests;
        },
      };
    },
    // Tencent's documented examples (data/doc-examples.json), fetched when a suite asks.
    async docExamples() {
      return control('/__control/doc-examples');
    },
    async strayRequests() {
      return (await control('/__control/stray')).requests;
    },
    ...extra,           // runtime-specific extras, e.g. { oracle } in the Node runners
  };
}
