// `tim-edge/emulator` for Cloudflare Workers: the .wasm is imported (workerd compiles no bytes).
import wasmModule from '../gen/tim_edge_emulator_bg.wasm';
import * as glue from '../gen/web/tim_edge_emulator.js';
import { bind } from '../src/glue.js';

glue.initSync({ module: wasmModule });
bind(glue);

export { Emulator } from '../src/emulator.js';
