// The official npm `tls-sig-api-v2` package (from js-tests/node_modules, not the scratch project),
// for the Node runners only. Its clock is read through Date.now() alone, so `withNow` pins it.
import { createRequire } from 'node:module';

export function nodeOracle(jsTestsDir) {
  const { Api } = createRequire(`${jsTestsDir}/package.json`)('tls-sig-api-v2');
  return {
    Api,
    withNow(seconds, fn) {
      const real = Date.now;
      Date.now = () => seconds * 1000;
      try {
        return fn();
      } finally {
        Date.now = real;
      }
    },
  };
}
