// The stand-in for Tencent's REST front door (node:http only), on 127.0.0.1.
//
//   POST /s/<scenario>/v4/<service>/<command>?...   checked by check-request.mjs, recorded, answered
//                                                   from the scenario's queue of scripted answers
//   POST /__control/scenario                        { answers, fallback, sdkAppId, key, strict } -> { id, baseUrl }
//   GET  /__control/scenario/<id>                   { requests: [record...] }
//   POST /__control/keys                            { sdkAppId, key }: a global key
//   GET  /__control/data                            fixtures.mjs output + { app, refusedUrl }
//   GET  /__control/stray                           requests that matched no scenario
//
// Answers (one per request, in order; `fallback` once the queue is empty, default { ok: {} }):
//   { ok: {extra} }                    200 {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"",...extra}
//   { apiError: {ErrorCode, ErrorInfo} } 200 {"ActionStatus":"FAIL",...}
//   { status, body, contentType, headers }  any status with a raw body (and extra headers)
//   { json: value }                    200 with that JSON (e.g. no ActionStatus)
//   { garbage: text }                  200 text/html
//   { hang: true, maxMs }              never answers; the socket is destroyed after maxMs (default 15 s)
//   { drop: true }                     destroys the connection without an answer
//   any answer may add delayMs.
// Body text may contain {{usersig}} / {{key}}, replaced by the request's UserSig / the app key,
// to test that the client never reflects secrets into its errors.
// A request that fails the independent check is answered with ErrorCode 70009 and the problems
// (unless the scenario sets strict: false), so a test expecting success cannot pass by accident.
import { createServer } from 'node:http';
import { buildFixtures } from './fixtures.mjs';
import { checkRequest } from './check-request.mjs';

const MAX_BODY = 1 << 20;

export async function startStandIn({ vectorsPath, app, refusedUrl, host = '127.0.0.1' }) {
  const fixtures = buildFixtures(vectorsPath);
  const globalKeys = new Map([[app.sdkAppId, app.key]]);
  const scenarios = new Map();
  const stray = [];
  const sockets = new Set();
  const hangs = new Set();
  let nextId = 1;
  let baseUrl = '';

  const server = createServer(async (req, res) => {
    try {
      await handle(req, res);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { error: String(e && e.message) });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const bodyText = await readBody(req);
    if (bodyText === null) return sendJson(res, 413, { error: 'body too large' });

    if (url.pathname.startsWith('/__control/')) return control(req, res, url, bodyText);

    const m = /^\/s\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const sc = m && scenarios.get(m[1]);
    const qIndex = req.url.indexOf('?');
    const rawQuery = qIndex < 0 ? '' : req.url.slice(qIndex + 1);
    const record = checkRequest({
      method: req.method,
      rest: m ? m[2] ?? '' : url.pathname,
      rawQuery,
      headers: req.headers,
      bodyText,
      lookupKey: (id) => (sc && sc.sdkAppId === id ? sc.key : globalKeys.get(id)),
      nowS: Math.floor(Date.now() / 1000),
    });
    record.userAgent = req.headers['user-agent'] ?? null;
    if (!sc) {
      stray.push(record);
      return sendJson(res, 404, { error: 'no such scenario' });
    }
    sc.requests.push(record);
    const answer = sc.answers.length ? sc.answers.shift() : sc.fallback;
    if (sc.strict && !record.verdict.ok) {
      return sendJson(res, 200, { ActionStatus: 'FAIL', ErrorCode: 70009, ErrorInfo: `stand-in rejected the request: ${record.verdict.problems.join('; ')}` });
    }
    if (answer.delayMs) await sleep(Math.min(answer.delayMs, 30000));
    const fill = (text) => text.replaceAll('{{usersig}}', record.usersig ?? '').replaceAll('{{key}}', sc.key ?? app.key);

    if (answer.drop) return req.socket.destroy();
    if (answer.hang) {
      // Hold the request open; destroy it when the client goes away or after maxMs.
      const t = setTimeout(() => req.socket.destroy(), Math.min(answer.maxMs ?? 15000, 60000));
      hangs.add(t);
      req.socket.on('close', () => { clearTimeout(t); hangs.delete(t); });
      return;
    }
    if (answer.ok) return sendText(res, 200, 'application/json', fill(JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...answer.ok })));
    if (answer.apiError) return sendText(res, 200, 'application/json', fill(JSON.stringify({ ActionStatus: 'FAIL', ...answer.apiError })));
    if ('json' in answer) return sendText(res, 200, 'application/json', fill(JSON.stringify(answer.json)));
    if ('garbage' in answer) return sendText(res, 200, 'text/html', fill(answer.garbage));
    if (answer.status) return sendText(res, answer.status, answer.contentType ?? 'text/plain', fill(answer.body ?? ''), answer.headers);
    return sendJson(res, 500, { error: `stand-in: unknown answer ${JSON.stringify(answer)}` });
  }

  function control(req, res, url, bodyText) {
    const p = url.pathname;
    if (p === '/__control/scenario' && req.method === 'POST') {
      const o = JSON.parse(bodyText || '{}');
      const id = `sc${nextId++}`;
      scenarios.set(id, {
        answers: Array.isArray(o.answers) ? o.answers.slice() : [],
        fallback: o.fallback ?? { ok: {} },
        sdkAppId: o.sdkAppId,
        key: o.key,
        strict: o.strict !== false,
        requests: [],
      });
      return sendJson(res, 200, { id, baseUrl: `${baseUrl}/s/${id}` });
    }
    let m = /^\/__control\/scenario\/([^/]+)$/.exec(p);
    if (m && req.method === 'GET') {
      const sc = scenarios.get(m[1]);
      if (!sc) return sendJson(res, 404, { error: 'no such scenario' });
      return sendJson(res, 200, { requests: sc.requests, pending: sc.answers.length });
    }
    if (p === '/__control/keys' && req.method === 'POST') {
      const o = JSON.parse(bodyText);
      globalKeys.set(o.sdkAppId, o.key);
      return sendJson(res, 200, {});
    }
    if (p === '/__control/data') return sendJson(res, 200, { ...fixtures, app, refusedUrl, serverUrl: baseUrl });
    if (p === '/__control/stray') return sendJson(res, 200, { requests: stray });
    return sendJson(res, 404, { error: 'unknown control path' });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  baseUrl = `http://${host}:${server.address().port}`;

  return {
    url: baseUrl,
    stray,
    async close() {
      for (const t of hangs) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(() => r()));
    },
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendText(res, status, type, text, headers = {}) {
  res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendJson(res, status, value) {
  sendText(res, status, 'application/json', JSON.stringify(value));
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
