// The local origin for the call-overhead case: answers every POST with a small OK envelope
// (Content-Length, keep-alive), the way Tencent answers a sendmsg. It runs in its own process so
// its CPU is not counted against the runtime being measured, under Bun (Bun.serve, the fastest
// server here, so the origin is not the bottleneck) or else Node (node:http).
//   prints '@@ORIGIN <port>' once listening on 127.0.0.1;
//   GET /stats answers { answered, cpuUs } (requests answered, this process's CPU so far), so
//   the host can tell whether the origin was saturated during a run.
import process from 'node:process';

const ANSWER = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgTime: 1700000000, MsgKey: '46900_1_1700000000' });
let answered = 0;
const stats = () => {
  const c = process.cpuUsage();
  return JSON.stringify({ answered, cpuUs: c.user + c.system, server: globalThis.Bun ? `Bun.serve (Bun ${Bun.version})` : `node:http (Node ${process.version})` });
};

if (globalThis.Bun) {
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    idleTimeout: 60,
    async fetch(req) {
      if (req.method === 'GET') return new Response(stats(), { headers: { 'content-type': 'application/json' } });
      await req.arrayBuffer();
      answered++;
      return new Response(ANSWER, { headers: { 'content-type': 'application/json' } });
    },
  });
  console.log(`@@ORIGIN ${server.port}`);
} else {
  const { createServer } = await import('node:http');
  const body = Buffer.from(ANSWER);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(stats());
        return;
      }
      answered++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => console.log(`@@ORIGIN ${server.address().port}`));
}
