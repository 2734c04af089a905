// `tim-edge/emulator` for the runtimes of entry/node.mjs, loaded the same way: its own module (the
// SDK's wasm plus the emulator, dev only).
import wasmBase64 from '../dist/tim_edge_emulator_bg.wasm.json' with { type: 'json' };
import * as glue from '../gen/tim_edge_emulator_bg.js';
import { bind } from '../src/glue.js';
import { fromBase64, instantiate } from './start.js';

instantiate(glue, 'tim_edge_emulator', new WebAssembly.Module(fromBase64(wasmBase64)));
bind(glue);

export { Emulator } from '../src/emulator.js';
