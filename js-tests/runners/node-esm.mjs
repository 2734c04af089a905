// Node, ESM: `import * as tim from 'tim-edge'` resolves the package's node/import entry.
import * as tim from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';
import { exitWhenFlushed, runAndReport } from './common.mjs';
import { nodeOracle } from './node-oracle.mjs';

const config = JSON.parse(process.argv[2]);
const code = await runAndReport({ tim, runtime: 'node-esm', config, entry: [import.meta.resolve('tim-edge'), config.expectedEntry], extra: { Emulator, oracle: nodeOracle(config.jsTestsDir) } });
await exitWhenFlushed(code);
