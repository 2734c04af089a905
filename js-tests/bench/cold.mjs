// Cold start in a fresh process: the time to import the package, which loads, compiles and
// instantiates the wasm. Prints '@@BENCH ' + JSON { importMs, firstCallMs }.
const t0 = performance.now();
const tim = await import('tim-edge');
const t1 = performance.now();
tim.generateUserSig({ sdkAppId: 1400000000, key: 'k', userId: 'u' });
const t2 = performance.now();
console.log('@@BENCH ' + JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));
