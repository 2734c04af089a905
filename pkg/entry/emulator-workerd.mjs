// `tim-edge/emulator` for the runtimes of entry/workerd.mjs, loaded the same way: its own module (the
// SDK's wasm plus the emulator, dev only).
import wasmModule from '../gen/tim_edge_emulator_bg.wasm';
import * as glue from '../gen/tim_edge_emulator_bg.js';
import { bind } from '../src/glue.js';
import { instantiate } from './start.js';

instantiate(glue, 'tim_edge_emulator', wasmModule);
bind(glue);

export { Emulator } from '../src/emulator.js';
