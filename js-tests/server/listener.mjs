// An HTTP listener on 127.0.0.1 whose close() also ends open keep-alive connections, so a port can
// be taken down (connections refused) and a run ends without waiting on idle sockets. Shared by
// the fault-injection server (faults/server.mjs) and the jobs row's backend (jobs/backend.mjs).
import { createServer } from 'node:http';

/** Listens with `handler` on `port` (0: a free one); answers { port, close }. */
export async function listener(handler, { port = 0, keepAliveMs }) {
  const sockets = new Set();
  const server = createServer(handler);
  server.keepAliveTimeout = keepAliveMs;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(() => r()));
    },
  };
}
