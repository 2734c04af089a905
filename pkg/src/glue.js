// The loaded wasm-bindgen glue. Each runtime's entry file loads the one that suits it and calls
// bind(); nothing else in src/ knows how the wasm was loaded.
export let wasm = null;

export function bind(glue) {
  wasm = glue;
}
