// Seeded draws for fault injection (faults/server.mjs, jobs/backend.mjs): the same seed gives
// the same faults, so a run can be repeated exactly.

/** A xorshift32 generator of numbers in [0, 1); seed 0 stands for a fixed non-zero seed. */
export function prng(seed) {
  let x = (seed >>> 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

/** One name of `weighted` ([[name, weight], ...]), drawn with `rand` in proportion to its weight. */
export function pick(rand, weighted) {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let r = rand() * total;
  for (const [name, w] of weighted) {
    if ((r -= w) < 0) return name;
  }
  return weighted[0][0];
}
