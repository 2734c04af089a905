// `require('tim-edge/emulator')`: the nodejs glue loads the emulator's wasm synchronously.
const glue = require('../gen/node/tim_edge_emulator.cjs');
const { bind } = require('../src/glue.js');

bind(glue);

module.exports = { Emulator: require('../src/emulator.js').Emulator };
