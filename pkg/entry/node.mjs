// Node (import) and Bun: the web glue, instantiated synchronously from the file's bytes.
import { readFileSync } from 'node:fs';
import * as glue from '../gen/web/tim_edge.js';
import { bind } from '../src/glue.js';

glue.initSync({ module: readFileSync(new URL('../gen/tim_edge_bg.wasm', import.meta.url)) });
bind(glue);

export * from '../src/api.js';
