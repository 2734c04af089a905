// `tim-edge/emulator` for Node (import) and Bun: the emulator's own module (a superset of the
// SDK's wasm plus the emulator), loaded like entry/node.mjs loads the SDK's.
import * as glue from '../gen/web/tim_edge_emulator.js';
import { bind } from '../src/glue.js';

const { readFileSync } = globalThis.process.getBuiltinModule('node:fs');
glue.initSync({ module: readFileSync(new URL('../gen/tim_edge_emulator_bg.wasm', import.meta.url)) });
bind(glue);

export { Emulator } from '../src/emulator.js';
