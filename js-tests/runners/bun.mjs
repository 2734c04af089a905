// Bun: `import 'tim-edge'` resolves the package's bun condition.
import * as tim from 'tim-edge';
import { Emulator } from 'tim-edge/emulator';
import { exitWhenFlushed, runAndReport } from './common.mjs';

const config = JSON.parse(process.argv[2]);
const code = await runAndReport({ tim, runtime: 'bun', config, entry: [import.meta.resolve('tim-edge'), config.expectedEntry], extra: { Emulator } });
await exitWhenFlushed(code);
