// The workerd side of the benchmark. workerd advances Date.now and performance.now only at I/O
// (a Spectre mitigation), so in-isolate timing is unreliable; the host times each request from
// outside:
//   GET /ready      answers without touching the package (it is imported lazily),
//   GET /cold       imports the package (the first call pays for instantiation),
//   GET /run?case=&n=  runs a case n times; 'noop' measures the request overhead.
import { makeCases, checkOutputs, timeCase } from './workload.mjs';

let loaded;
let cases;
const load = () => (loaded ??= import('tim-edge'));

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/ready') return new Response('ready');
    const tim = await load();
    if (url.pathname === '/cold') return new Response('ok');
    if (!cases) {
      cases = makeCases({ tim });
      cases.noop = { op: () => {} };
    }
    if (url.pathname === '/check') {
      const { noop, ...real } = cases;
      const map = (f) => Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, f(c)]));
      return Response.json({ problems: await checkOutputs(tim, real), labels: map((c) => c.label), perOp: map((c) => c.perOp ?? 1) });
    }
    const c = cases[url.searchParams.get('case')];
    const n = Math.min(Number(url.searchParams.get('n')) || 1, 1 << 24);
    if (!c) return new Response('unknown case', { status: 404 });
    const frozen = Date.now();
    await timeCase(c, n, () => 0);
    // Date.now() - frozen shows whether the clock moved during the loop (0 when it was frozen).
    return Response.json({ n, clockMovedMs: Date.now() - frozen });
  },
};
