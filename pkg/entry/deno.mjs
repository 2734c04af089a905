// Deno 2.1+ (and JSR): the .wasm is imported as a Wasm ES module, which Deno instantiates
// itself with the bundler glue (gen/tim_edge_bg.js, the module name the .wasm imports): no read
// permission, no bytes compiled by us. This is what gen/tim_edge.js does, without its pointer to a
// .d.ts that is not shipped (JSR type-checks what it publishes).
import * as wasm from '../gen/tim_edge_bg.wasm';
import * as glue from '../gen/tim_edge_bg.js';
import { bind } from '../src/glue.js';

glue.__wbg_set_wasm(wasm);
wasm.__wbindgen_start();
bind(glue);

export * from '../src/api.js';
