// The backend a job runs against in the `jobs` row: the emulator (tim-edge/emulator, Tencent's
// dedup rules) served over node:http on 127.0.0.1, so runner processes reach it through a real
// network hop and can be killed without losing its state. Every request's arrival time is
// recorded (the pacing figures are measured here, at the first hop, not by the runner).
//
// With `faults`, the network faults of js-tests/faults/server.mjs are injected in front of the
// emulator: connections dropped and hangs before or after the emulator processed the request,
// 502 before or after, 503, 429, and hijacker pages. Seeded, so a run can be repeated.
import { pick, prng } from '../faults/draw.mjs';
import { listener } from '../server/listener.mjs';

const FAULTS = [
  ['drop-before', 3], ['drop-after', 3], ['hang-before', 1], ['hang-after', 1],
  ['502-before', 2], ['502-after', 2], ['503', 2], ['429', 1], ['garbage', 1],
];

const now = () => performance.timeOrigin + performance.now();

/**
 * `faults`: { rate, seed, hangMs, commands } (commands: the ones faults apply to; all when absent).
 */
export async function startBackend({ emulator, faults = null }) {
  const arrivals = [];
  const injected = {};
  const rand = prng(faults?.seed ?? 1);
  const timers = new Set();
  const server = await listener(async (req, res) => {
    const t = now();
    const command = new URL(req.url, 'http://x').pathname.split('/').pop();
    // x-tim-sent-at: when the runner handed the request to fetch (stamped by the example Worker
    // under test), so pacing can be judged at the edge in workerd too.
    const sentAt = Number(req.headers['x-tim-sent-at']) || null;
    const arrival = { t, command, items: 1, sentAt };
    arrivals.push(arrival);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    try {
      const to = JSON.parse(body).To_Account;
      if (Array.isArray(to)) arrival.items = to.length; // batch calls: the message quota counts recipients
    } catch { /* not JSON: the emulator answers that */ }
    const fault = faults && (!faults.commands || faults.commands.includes(command)) && rand() < faults.rate ? pick(rand, FAULTS) : null;
    if (fault) injected[fault] = (injected[fault] ?? 0) + 1;
    const hang = () => {
      const timer = setTimeout(() => req.socket.destroy(), faults.hangMs ?? 3000);
      timers.add(timer);
      req.socket.once('close', () => { clearTimeout(timer); timers.delete(timer); });
    };
    const plain = (status, text, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    switch (fault) {
      case 'drop-before': return req.socket.destroy();
      case 'hang-before': return hang();
      case '502-before': return plain(502, '{"error":"bad gateway"}');
      case '503': return plain(503, '{"error":"unavailable"}');
      case '429': return plain(429, '{"error":"too many requests"}');
      case 'garbage': return plain(200, '<html>hijacked</html>', 'text/html');
      default: break;
    }
    const answer = await emulator.fetch(new Request(`http://127.0.0.1${req.url}`, { method: req.method, body, headers: { 'content-type': 'application/json' } }));
    const text = await answer.text();
    switch (fault) {
      case 'drop-after': return req.socket.destroy();
      case 'hang-after': return hang();
      case '502-after': return plain(502, '{"error":"bad gateway"}');
      default: return plain(answer.status, text);
    }
  }, { keepAliveMs: 5000 });
  return {
    url: `http://127.0.0.1:${server.port}`,
    arrivals,
    injected,
    async close() {
      for (const t of timers) clearTimeout(t);
      await server.close();
    },
  };
}
