// Cold start in a fresh Node process through `require` (the package's CommonJS entry): see
// cold.mjs. The package specifier is the first argument.
const t0 = performance.now();
const tim = require(process.argv[2]);
const t1 = performance.now();
tim.generateUserSig({ sdkAppId: 1400000000, key: 'k', userId: 'u' });
const t2 = performance.now();
console.log('@@BENCH ' + JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));
