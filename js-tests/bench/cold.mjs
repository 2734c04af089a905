// Cold start in a fresh process (ESM: Node, Deno, Bun): the time to import the package, which
// loads, compiles and instantiates the wasm, then one generateUserSig. The package specifier is
// the first argument ('tim-edge' or 'tim-edge-baseline'). Prints '@@BENCH ' + JSON
// { importMs, firstCallMs }.
const t0 = performance.now();
const tim = await import(globalThis.Deno ? Deno.args[0] : process.argv[2]);
const t1 = performance.now();
tim.generateUserSig({ sdkAppId: 1400000000, key: 'k', userId: 'u' });
const t2 = performance.now();
console.log('@@BENCH ' + JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));
