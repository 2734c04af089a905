// node:http <-> WHATWG fetch: turns a `(Request) => Promise<Response>` handler (the emulator's
// `fetch`) into a node:http request listener. Bodies are buffered (Chat REST bodies are small)
// and capped, so one client cannot make the dev server hold unbounded memory.

const MAX_BODY = 16 * 1024 * 1024;

/**
 * handler: (Request) => Promise<Response>. origin: 'http://127.0.0.1:PORT' (the URL base of
 * each Request). log: called with one line per request: method, path (the query string, which
 * carries a UserSig, is left out), status and Tencent's ActionStatus/ErrorCode when present.
 */
export function toNodeListener(handler, { origin, log = () => {} }) {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let status = 500;
    let note = '';
    try {
      const body = await readBody(req);
      if (body === null) {
        status = 413;
        return send(res, 413, { 'content-type': 'application/json' }, envelope(`request body over ${MAX_BODY} bytes`));
      }
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body: hasBody ? body : undefined });
      const response = await handler(request);
      const bytes = Buffer.from(await response.arrayBuffer());
      status = response.status;
      note = tencentStatus(response.headers.get('content-type'), bytes);
      const out = {};
      for (const [k, v] of response.headers) out[k] = v;
      send(res, response.status, out, bytes);
    } catch (e) {
      // The handler broke: a 500 with a Tencent-shaped envelope, so SDKs report it cleanly.
      status = 500;
      note = `handler error: ${e && e.name ? e.name : 'error'}: ${e && e.message ? e.message : String(e)}`;
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, envelope('emulator internal error'));
      else res.destroy();
    } finally {
      log(`${req.method} ${path} ${status}${note ? ` ${note}` : ''}`);
    }
  };
}

function send(res, status, headers, body) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

function envelope(info) {
  return JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: info });
}

// The whole body, or null past the cap.
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// "OK" or "FAIL 70009" from a JSON answer, for the request log.
function tencentStatus(contentType, bytes) {
  if (!contentType || !contentType.includes('json') || bytes.length > 65536) return '';
  try {
    const j = JSON.parse(bytes.toString('utf8'));
    if (j && typeof j.ActionStatus === 'string') return j.ActionStatus === 'OK' ? 'OK' : `${j.ActionStatus} ${j.ErrorCode}`;
  } catch { /* not JSON after all */ }
  return '';
}
