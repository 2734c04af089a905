// Node require(): the nodejs glue loads the wasm synchronously. js-tests/build.mjs bundles this
// file with the ESM sources and the glue into dist/node.cjs (the glue's wasm path is dist/'s).
const glue = require('../gen/node/tim_edge.cjs');
const { bind } = require('../src/glue.js');

bind(glue);

module.exports = require('../src/api.js');
