// `tim-edge/emulator` for Deno: the bundler glue imports the .wasm as a module (no read permission).
import * as glue from '../gen/tim_edge_emulator.js';
import { bind } from '../src/glue.js';

bind(glue);

export { Emulator } from '../src/emulator.js';
