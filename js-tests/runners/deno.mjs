// Deno: the bare specifier resolves through the scratch project's node_modules (deno.json there
// sets "nodeModulesDir": "manual"), picking the package's deno condition. Only
// --allow-net=127.0.0.1 is granted: loading the package must need nothing else.
import * as tim from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';
import { runAndReport } from './common.mjs';

const config = JSON.parse(Deno.args[0]);
const code = await runAndReport({ tim, runtime: 'deno', config, entry: [import.meta.resolve('tim-edge'), config.expectedEntry], extra: { Emulator } });
Deno.exit(code);
