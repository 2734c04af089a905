// Node, CommonJS: `require('tim-edge')` resolves the package's node/require entry (dist/node.cjs).
// The suites are ES modules, so they are loaded with import(); the package itself is required.
const tim = require('tim-edge');
const { Emulator } = require('tim-edge/emulator');

(async () => {
  const { exitWhenFlushed, runAndReport } = await import('./common.mjs');
  const { nodeOracle } = await import('./node-oracle.mjs');
  const config = JSON.parse(process.argv[2]);
  const code = await runAndReport({ tim, runtime: 'node-cjs', config, entry: [require.resolve('tim-edge'), config.expectedEntry], extra: { Emulator, oracle: nodeOracle(config.jsTestsDir) } });
  await exitWhenFlushed(code);
})();
