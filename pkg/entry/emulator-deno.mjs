// `tim-edge/emulator` for Deno 2.1+ (and JSR), loaded the way entry/deno.mjs loads the SDK.
import * as wasm from '../gen/tim_edge_emulator_bg.wasm';
import * as glue from '../gen/tim_edge_emulator_bg.js';
import { bind } from '../src/glue.js';

glue.__wbg_set_wasm(wasm);
wasm.__wbindgen_start();
bind(glue);

export { Emulator } from '../src/emulator.js';
