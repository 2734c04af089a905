// workerd: a test Worker bundled by wrangler (no nodejs_compat). POST / with the run config as
// JSON runs every suite inside the isolate and answers { summary, results } as JSON.
// GET / answers "ready" so workerd-host.mjs knows the Worker is up.
import * as tim from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';
import { runSuites } from './common.mjs';

export default {
  async fetch(request) {
    if (request.method !== 'POST') return new Response('ready');
    const config = await request.json();
    try {
      const lines = [];
      const { results, summary } = await runSuites({ tim, runtime: 'workerd', config, extra: { Emulator }, print: (l) => lines.push(l) });
      return Response.json({ summary, results });
    } catch (e) {
      return Response.json({ error: String(e && e.stack ? e.stack : e) }, { status: 500 });
    }
  },
};
