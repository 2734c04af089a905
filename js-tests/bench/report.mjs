// The benchmark's report: the tables (every build side by side, after/before when a baseline is
// given) and the budgets of issues 14, 19 and 12 as PASS/FAIL. Answers { text, budgets }.
import { CAP, VARIANTS } from './memory.mjs';
import { IN_FLIGHT } from './calls.mjs';

const KB = 1024;
const MiB = 1024 * 1024;
export const BUDGETS = {
  wasmGzipBytes: 128 * KB, // issue 14: a ceiling, not a target
  nodeVsOfficial: 10, // issue 14
  workerdVsWebCrypto: 25, // issue 14
  nodeBuildRequestUs: 5, // issue 14
  coldSlowerMs: 2, // issue 14: no row more than 2 ms slower than before
  callVsBare: 0.9, // issue 19: every runtime row
  nodeCallCpuUs: 15, // issue 19: Node CPU overhead per call
  memoryTimesCap: 3, // issue 12: peak wasm memory under 3x the answer cap
};
// The memory budget holds for answers read one at a time; with several in flight, several
// answers are legitimately in memory at once (reported, not judged).
const MEMORY_BUDGET_VARIANTS = ['sequential', 'streamed'];
// The call-overhead case's reference sides (calls.mjs), shown beside the builds.
const REFERENCE_SIDES = [['deadline', 'bare + deadline'], ['floor', 'design floor']];

const fmtUs = (us) => (Math.abs(us) >= 1000 ? `${(us / 1000).toFixed(2)} ms` : Math.abs(us) >= 100 ? `${us.toFixed(0)} us` : Math.abs(us) >= 10 ? `${us.toFixed(1)} us` : `${us.toFixed(2)} us`);
const fmtMs = (ms) => `${ms.toFixed(2)} ms`;
const fmtRate = (perSecond) => Math.round(perSecond).toLocaleString('en-US');
const fmtX = (x) => `${x.toFixed(2)}x`;
const signed = (v, f) => (v >= 0 ? `+${f(v)}` : `-${f(-v)}`);
const kb = (b) => `${(b / KB).toFixed(1)} KB`;
const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;
const range = (s, f) => `${f(s.min)} - ${f(s.max)}`;

export function report({ machine: m, builds, runs, config, quick, originServer, load, elapsedS }) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  const ids = builds.map((b) => b.id);
  const two = ids.length > 1;
  const head = (id) => (two ? id : 'tim-edge');
  const ok = runs.filter((r) => !r.error);

  p(`tim-edge benchmark (${quick ? 'quick: the smoke run; figures are not meaningful and no budget is judged' : `full: ${config.rounds} rounds of ~${config.roundMs} ms per UserSig case; ${config.calls.rounds} rounds of ${config.calls.perRound.toLocaleString('en-US')} calls per call-overhead side; ${config.memory.count} answers per memory run; cold start over ${config.coldSamples} fresh processes per build (workerd ${config.workerdColdSamples})`}), ${elapsedS.toFixed(0)} s`);
  p(`machine: ${m.cores} cores, ${m.cpu}, ${m.memGb} GB, ${m.os}; load average (1/5/15 min) ${load.start.map((v) => v.toFixed(2)).join(' ')} at start, ${load.end.map((v) => v.toFixed(2)).join(' ')} at end`);
  p(`runtimes: Node ${m.node}, Deno ${m.deno}, Bun ${m.bun}, workerd ${m.workerd} (bundled by wrangler ${m.wrangler}, run without wrangler dev)`);
  p(`builds: ${builds.map((b) => `${head(b.id)} = ${b.label} (code ${b.sizes.codeDigest})`).join('; ')}`);
  if (two && builds[0].sizes.codeDigest === builds[1].sizes.codeDigest) p('after and before are the same code (same dist/ and .wasm): after/before shows only the noise of this machine.');
  p(`time per runtime: ${runs.map((r) => `${r.runtime} ${r.elapsedS?.toFixed(0) ?? '?'} s`).join(', ')}`);
  p('');

  // ---- UserSig and buildRequest ----
  p(`UserSig and buildRequest: time per unit of work, median (min - max) over the rounds${two ? '; after/before < 1 is faster' : ''}`);
  p(`| runtime | case | ${ids.map(head).join(' | ')} |${two ? ' after/before |' : ''}`);
  p(`|---|---|${ids.map(() => '---|').join('')}${two ? '---|' : ''}`);
  for (const r of runs) {
    if (r.error) { p(`| ${r.runtime} | could not run: ${r.error.split('\n')[0].slice(0, 160)} |`); continue; }
    const groups = new Map();
    for (const [key, s] of Object.entries(r.results)) {
      const [name, build] = key.split('@');
      if (!groups.has(name)) groups.set(name, { label: r.labels[key], by: {} });
      groups.get(name).by[build ?? 'other'] = s;
    }
    for (const { label, by } of groups.values()) {
      const cell = (s) => (s ? `${fmtUs(s.median)} (${range(s, fmtUs)})` : '');
      if (by.other) { p(`| ${r.runtime} | ${label} | ${cell(by.other)} |${ids.slice(1).map(() => ' |').join('')}${two ? ' |' : ''}`); continue; }
      p(`| ${r.runtime} | ${label} | ${ids.map((id) => cell(by[id])).join(' | ')} |${two ? ` ${by.after && by.before ? (by.after.median / by.before.median).toFixed(2) : ''} |` : ''}`);
    }
  }
  p('');
  p('ratios: median time of the other / median time of tim-edge generateUserSig');
  const sigRatio = (r, other, id) => (r.results?.[other] && r.results[`tim-edge@${id}`] ? r.results[other].median / r.results[`tim-edge@${id}`].median : undefined);
  for (const r of ok) {
    const parts = [['official', 'tls-sig-api-v2'], ['webcrypto', 'WebCrypto+fflate'], ['webcrypto-cached', 'WebCrypto+fflate, key reused']]
      .filter(([k]) => r.results?.[k])
      .map(([k, label]) => `${ids.map((id) => sigRatio(r, k, id)?.toFixed(1) ?? '?').join(' / ')}x ${label}`);
    p(`  ${r.runtime.padEnd(8)} ${parts.join(', ')}${two ? `   (${ids.join(' / ')})` : ''}`);
  }
  p('');

  // ---- call overhead ----
  p(`call overhead (issue 19): client.call against fetch + response.json() of the same request, ${IN_FLIGHT} in flight, ${config.calls.rounds} round(s) of ${config.calls.perRound.toLocaleString('en-US')} calls per side after a warm-up of ${config.calls.warmup}, sides alternating; origin: ${originServer} on 127.0.0.1 in its own process.`);
  p('Each round compares every other side with the bare fetch of the same round: throughput ratio (>= 1 is as fast) and CPU per call over the bare side; medians (min - max) over the rounds.');
  p('Two reference sides, not budgets: "bare + deadline" adds in JS what the guarantees of issue 12 need (an AbortController whose signal goes to fetch, a deadline timer, no redirects); "design floor" is the least a call on the design card\'s async loop can do while keeping the deadline (bench/floor: an AbortController and a timer, fetch with text() chained, one await in Rust through wasm-bindgen-futures, JSON.parse; no checks, signing, envelope or retries).');
  p(`| runtime | case | bare fetch: calls/s, CPU/call | ${REFERENCE_SIDES.map(([, label]) => `${label}: / bare, CPU/call (over bare)`).join(' | ')} | ${ids.map((id) => `${head(id)}: / bare, CPU/call (over bare)`).join(' | ')} |${two ? ' after/before |' : ''}`);
  p(`|---|---|---|${REFERENCE_SIDES.map(() => '---|').join('')}${ids.map(() => '---|').join('')}${two ? '---|' : ''}`);
  const originNotes = [];
  const cpuNotes = [];
  for (const r of ok) {
    if (!r.calls) { p(`| ${r.runtime} | could not run (see problems) | |`); continue; }
    cpuNotes.push(`${r.runtime}: ${r.calls.cpu ?? 'not measured'}`);
    for (const [kind, sides] of Object.entries(r.calls.kinds)) {
      const bare = sides.bare;
      const cpu = (s) => (s ? fmtUs(s.median) : 'CPU n/a');
      const bareCell = `${fmtRate(bare.rate.median)}/s (${range(bare.rate, fmtRate)}), ${cpu(bare.cpuUs)}`;
      const sideCell = (s) => `${fmtX(s.ratio.median)} (${range(s.ratio, (v) => v.toFixed(2))}), ${cpu(s.cpuUs)}${s.overheadUs ? ` (${signed(s.overheadUs.median, fmtUs)})` : ''}`;
      const ab = two ? ` ${(sides.after.ratio.median / sides.before.ratio.median).toFixed(2)} |` : '';
      const refCells = REFERENCE_SIDES.map(([name]) => (sides[name] ? sideCell(sides[name]) : 'not run'));
      p(`| ${r.runtime} | ${kind}: ${r.calls.labels[kind]} | ${bareCell} | ${refCells.join(' | ')} | ${ids.map((id) => sideCell(sides[id])).join(' | ')} |${ab}`);
      const busiest = Math.max(...Object.values(sides).map((s) => s.originBusy.max));
      originNotes.push(`${r.runtime} ${kind} ${(busiest * 100).toFixed(0)}%`);
    }
  }
  p(`CPU per call: ${cpuNotes.join('; ')}.`);
  p(`origin load, the most CPU it used over any run (100% = one core; near 100% means the origin, not the client, set the pace): ${originNotes.join(', ')}`);
  if (two) p('after/before: the after build\'s ratio to bare over the before build\'s (> 1 is better).');
  p('');

  // ---- peak memory ----
  const mem = ok.flatMap((r) => r.memory ?? []);
  const served = mem.find((x) => x.servedBytes);
  p(`peak wasm memory (issues 12, 14): ${config.memory.count} answers of 200 B to just under the ${mib(CAP)} cap (log-uniform sizes, seed ${config.memory.seed}${served ? `, ${mib(served.servedBytes)} in all, largest ${(served.largest / MiB).toFixed(2)} MiB` : ''}), valid OK envelopes listing group members, answered through the client's \`fetch\` option; the wasm memory's size at the end (it never shrinks, so this is its peak), a fresh process (workerd: a fresh workerd) per variant.`);
  p(`| row | answers | ${ids.map((id) => `${head(id)}: memory (x cap)`).join(' | ')} |${two ? ' after/before |' : ''}`);
  p(`|---|---|${ids.map(() => '---|').join('')}${two ? '---|' : ''}`);
  const memRows = [...new Set(mem.map((x) => x.row))];
  const memOf = (row, variant, id) => mem.find((x) => x.row === row && x.variant === variant && x.build === id);
  const memNotes = new Set();
  for (const row of memRows) {
    for (const variant of config.memory.variants) {
      const cells = ids.map((id) => {
        const x = memOf(row, variant, id);
        if (!x) return 'not run';
        if (x.unavailable) return `not measurable: ${x.unavailable}`;
        memNotes.add(`${row}: ${x.how}`);
        return `${mib(x.endBytes)} (${(x.endBytes / CAP).toFixed(2)}x)${x.failed ? `, ${x.failed} calls FAILED` : ''}`;
      });
      const a = memOf(row, variant, 'after');
      const b = memOf(row, variant, 'before');
      const ab = two ? ` ${a?.endBytes && b?.endBytes ? (a.endBytes / b.endBytes).toFixed(2) : ''} |` : '';
      p(`| ${row} | ${VARIANTS[variant].label} | ${cells.join(' | ')} |${ab}`);
    }
  }
  p(`memory found by: ${[...memNotes].join('; ')}`);
  p('');

  // ---- cold start ----
  p(`cold start: import + instantiate + one generateUserSig in a fresh process, median (min - max; import alone) of ${config.coldSamples} per build (builds alternating); workerd: a build's first request minus the median of 15 later ones, ${config.workerdColdSamples} fresh workerd processes (workerd compiles the wasm before the first request, so that is not included).`);
  p(`| row | ${ids.map(head).join(' | ')} |${two ? ' after - before |' : ''}`);
  p(`|---|${ids.map(() => '---|').join('')}${two ? '---|' : ''}`);
  const coldRows = ok.flatMap((r) => Object.entries(r.cold ?? {}));
  for (const [row, by] of coldRows) {
    const cell = (s) => (s ? `${fmtMs(s.median)} (${range(s, (v) => v.toFixed(2))}${s.importMedian !== undefined ? `; import ${s.importMedian.toFixed(2)}` : ''})` : '');
    p(`| ${row} | ${ids.map((id) => cell(by[id])).join(' | ')} |${two ? ` ${by.after && by.before ? signed(by.after.median - by.before.median, fmtMs) : ''} |` : ''}`);
  }
  p('');

  // ---- sizes ----
  for (const b of builds) p(`sizes (${head(b.id)}): ${b.sizes.wasmFile} ${b.sizes.wasmRaw} bytes raw (${kb(b.sizes.wasmRaw)}), ${b.sizes.wasmGzip} bytes gzipped (${kb(b.sizes.wasmGzip)}); npm tarball ${b.sizes.tarball} bytes (${kb(b.sizes.tarball)})`);
  p('');

  // ---- budgets ----
  const budgets = [];
  const budget = (issue, what, value, ok, enforced = false) => budgets.push({ issue, what, value, ok: quick ? undefined : ok, enforced });
  const byName = Object.fromEntries(ok.map((r) => [r.runtime, r]));
  const after = builds[0];
  const beforeNote = (f) => (two ? ` (before: ${f(builds[1])})` : '');
  budget(14, `wasm <= ${kb(BUDGETS.wasmGzipBytes)} gzipped`, `${kb(after.sizes.wasmGzip)}${beforeNote((b) => kb(b.sizes.wasmGzip))}`, after.sizes.wasmGzip <= BUDGETS.wasmGzipBytes, true);
  const node = byName.node;
  const workerd = byName.workerd;
  if (node?.results['tim-edge@after'] && node.results.official) {
    const v = sigRatio(node, 'official', 'after');
    budget(14, `generateUserSig >= ${BUDGETS.nodeVsOfficial}x tls-sig-api-v2 in Node`, `${v.toFixed(1)}x`, v >= BUDGETS.nodeVsOfficial);
    const b = node.results['buildRequest@after'].median;
    budget(14, `buildRequest < ${BUDGETS.nodeBuildRequestUs} us in Node`, fmtUs(b), b < BUDGETS.nodeBuildRequestUs);
  }
  if (workerd?.results['tim-edge@after'] && workerd.results.webcrypto) {
    const v = sigRatio(workerd, 'webcrypto', 'after');
    budget(14, `generateUserSig >= ${BUDGETS.workerdVsWebCrypto}x WebCrypto+fflate in workerd`, `${v.toFixed(1)}x`, v >= BUDGETS.workerdVsWebCrypto);
  }
  if (two) {
    for (const [row, by] of coldRows) {
      if (!by.after || !by.before) continue;
      const d = by.after.median - by.before.median;
      budget(14, `cold start ${row}: at most ${BUDGETS.coldSlowerMs} ms slower than before`, signed(d, fmtMs), d <= BUDGETS.coldSlowerMs);
    }
  }
  for (const r of ok) {
    for (const [kind, sides] of Object.entries(r.calls?.kinds ?? {})) {
      const v = sides.after.ratio.median;
      const floor = sides.floor ? `; design floor ${fmtX(sides.floor.ratio.median)}` : '';
      budget(19, `${r.runtime} ${kind}: client.call >= ${BUDGETS.callVsBare}x a bare fetch`, `${fmtX(v)}${beforeNote(() => fmtX(sides.before.ratio.median))}${floor}`, v >= BUDGETS.callVsBare);
    }
  }
  const nodeOverhead = node?.calls?.kinds.write?.after.overheadUs;
  if (nodeOverhead) {
    const floorUs = node.calls.kinds.write.floor?.overheadUs;
    const floor = floorUs ? `; design floor ${signed(floorUs.median, fmtUs)}` : '';
    budget(19, `Node CPU overhead per call <= ${BUDGETS.nodeCallCpuUs} us`, `${signed(nodeOverhead.median, fmtUs)}${beforeNote(() => signed(node.calls.kinds.write.before.overheadUs.median, fmtUs))}${floor}`, nodeOverhead.median <= BUDGETS.nodeCallCpuUs);
  }
  for (const row of memRows) {
    for (const variant of MEMORY_BUDGET_VARIANTS) {
      const x = memOf(row, variant, 'after');
      if (!x?.endBytes) continue;
      const b = memOf(row, variant, 'before');
      budget(12, `peak wasm memory < ${BUDGETS.memoryTimesCap}x the cap (${mib(BUDGETS.memoryTimesCap * CAP)}), ${row}, ${VARIANTS[variant].label}`, `${mib(x.endBytes)}${b?.endBytes ? ` (before: ${mib(b.endBytes)})` : ''}`, x.endBytes < BUDGETS.memoryTimesCap * CAP);
    }
  }
  p(`budgets (issue in brackets; the size ceiling is enforced in full runs, timing and memory budgets are reported only${quick ? '; a quick run judges none of them' : ''}):`);
  for (const b of budgets) p(`  ${b.ok === undefined ? 'not enforced (quick run)' : b.ok ? 'PASS' : 'FAIL'}  [${b.issue}] ${b.what}: ${b.value}`);
  for (const r of runs) for (const pr of r.problems ?? []) p(`  PROBLEM [${r.runtime}] ${pr}`);
  if (workerd) p(`note: workerd UserSig figures are request times from outside minus the median empty-request time (${workerd.requestOverheadMs.toFixed(2)} ms); workerd's clock moved ${workerd.clockMovedMs} ms inside those requests.`);
  return { text: lines.join('\n'), budgets };
}
