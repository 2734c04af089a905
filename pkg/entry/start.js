// Starts a wasm-bindgen module from its `--target bundler` glue (gen/<stem>_bg.js). That glue
// holds every JS function the .wasm imports, under the module name "./<stem>_bg.js", and takes
// the instance's exports through __wbg_set_wasm: what a bundler with Wasm ES-module integration
// does with gen/<stem>.js. Each entry gets its WebAssembly.Module (or bytes) the way its runtime
// allows, and nothing here reads a file or builds a URL, so bundlers have nothing to follow.

/** The import object for `new WebAssembly.Instance(module, imports(glue, stem))`. */
export function imports(glue, stem) {
  return { [`./${stem}_bg.js`]: glue };
}

/** Hands the instance to the glue and runs the module's start function. */
export function start(glue, instance) {
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

/**
 * Instantiates a compiled module synchronously and starts it (Node, Bun, workerd, Vercel Edge).
 * No `instanceof WebAssembly.Module` check: a platform may hand over a module from another realm.
 */
export function instantiate(glue, stem, module) {
  start(glue, new WebAssembly.Instance(module, imports(glue, stem)));
}

/** The .wasm bytes from their base64 text (dist/<stem>_bg.wasm.json), natively where possible. */
export function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  if (typeof globalThis.Buffer === 'function') return globalThis.Buffer.from(text, 'base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
