// `require('tim-edge/jobs')`: the nodejs glue loads the jobs module's wasm synchronously.
const glue = require('../gen/node/tim_edge_jobs.cjs');
const { bind } = require('../src/glue.js');

bind(glue);

module.exports = require('../src/jobs/local-index.js');
