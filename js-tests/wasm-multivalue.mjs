// The one change js-tests/build.mjs makes to a module: rustc's wasm32 target marks every module
// as using `multivalue` (std is built with it), so wasm-bindgen returns strings and Results
// through multi-value exports, and Node 20's V8 compiles a TurboFan wrapper for each such export
// signature when it compiles the module. Without the mark, wasm-bindgen returns them through
// memory: compiling the SDK's module in Node 20 takes 2.5 ms instead of 4.0 (medians of 15 fresh
// processes, docs/PERFORMANCE.md "Cold start"), above issue 14's bar for a patch (1 ms). Both
// functions throw when the patch stops applying, so the build fails rather than silently losing it.

const leb = (buf, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
};
const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

/** Sections of a module: [{ id, start (of the contents), end }], after the 8-byte header. */
function sections(wasm) {
  const out = [];
  for (let at = 8; at < wasm.length; ) {
    const [size, start] = leb(wasm, at + 1);
    out.push({ id: wasm[at], from: at, start, end: start + size });
    at = start + size;
  }
  return out;
}

/** `wasm` with `multivalue` taken out of its target_features section (rustc's, before wasm-bindgen). */
export function withoutMultivalue(wasm) {
  for (const s of sections(wasm)) {
    if (s.id !== 0) continue;
    const [nameLength, nameAt] = leb(wasm, s.start);
    if (wasm.subarray(nameAt, nameAt + nameLength).toString() !== 'target_features') continue;
    let [count, at] = leb(wasm, nameAt + nameLength);
    const kept = [];
    let removed = 0;
    for (let i = 0; i < count; i++) {
      const prefix = wasm[at];
      const [length, featureAt] = leb(wasm, at + 1);
      const feature = wasm.subarray(featureAt, featureAt + length);
      at = featureAt + length;
      if (feature.toString() === 'multivalue') removed++;
      else kept.push(Buffer.concat([Buffer.from([prefix]), uleb(length), feature]));
    }
    if (removed !== 1) throw new Error(`target_features lists multivalue ${removed} times; the build's patch no longer applies (js-tests/wasm-multivalue.mjs)`);
    const body = Buffer.concat([uleb(nameLength), Buffer.from('target_features'), uleb(kept.length), ...kept]);
    return Buffer.concat([wasm.subarray(0, s.from), Buffer.from([0]), uleb(body.length), body, wasm.subarray(s.end)]);
  }
  throw new Error('no target_features section; the build\'s multivalue patch no longer applies (js-tests/wasm-multivalue.mjs)');
}

/** Throws when a function type of `wasm` returns more than one value (what the patch avoids). */
export function assertNoMultiValue(wasm, what) {
  const types = sections(wasm).find((s) => s.id === 1);
  if (!types) return;
  let [count, at] = leb(wasm, types.start);
  let multi = 0;
  for (let i = 0; i < count; i++) {
    if (wasm[at] !== 0x60) throw new Error(`${what}: type ${i} is not a function type (0x${wasm[at].toString(16)})`);
    let params;
    [params, at] = leb(wasm, at + 1);
    at += params; // value types are one byte each here (numbers, externref, funcref)
    let results;
    [results, at] = leb(wasm, at);
    at += results;
    if (results > 1) multi++;
  }
  if (multi) throw new Error(`${what}: ${multi} function types return several values; the build's multivalue patch did not take (js-tests/wasm-multivalue.mjs)`);
}
