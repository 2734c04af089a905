// The peak-memory case in one fresh Node (ESM or CJS), Deno or Bun process, for one build and
// one variant (a fresh process, because wasm memory never shrinks). Prints '@@BENCH ' + JSON.
//
// Finding the package's memory: WebAssembly.Instance is wrapped before the package loads, which
// sees the instance in Node (both entries) and Bun. Deno's entry imports the .wasm as an ES
// module, which makes no JS-visible Instance; there the bench imports the same .wasm file itself
// (module instances are shared per URL) and keeps it only if it holds the marker (memory.mjs).
import process from 'node:process';
import { createRequire } from 'node:module';
import { captureInstances, findMemory, memoriesOf, runMemory } from './memory.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const config = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
const { spec, variant, count, seed, cjs } = config.memory;

const capture = captureInstances();
let tim;
try {
  tim = cjs ? createRequire(import.meta.url)(spec) : await import(spec);
} finally {
  capture.restore();
}
const candidates = memoriesOf(capture.instances);
let how = 'WebAssembly.Instance captured';
if (!candidates.length && runtime === 'deno') {
  try {
    const wasm = await import(new URL(`../node_modules/${spec}/gen/tim_edge_bg.wasm`, import.meta.url).href);
    if (wasm.memory instanceof WebAssembly.Memory) candidates.push(wasm.memory);
    how = 'the package .wasm imported as an ES module';
  } catch (e) {
    how = `importing the package .wasm failed: ${e?.message ?? e}`;
  }
}
const memory = findMemory(tim, candidates);
const result = memory
  ? { how, ...(await runMemory({ tim, memory, variant, count, seed })) }
  : { how, unavailable: `no wasm memory holding the marker among ${candidates.length} candidate(s) (${how})` };
console.log('@@BENCH ' + JSON.stringify({ runtime, cjs: !!cjs, variant, ...result }));
