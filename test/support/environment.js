// jest's node environment. Loading it (once per worker) routes the worker's synchronous child
// processes through a small relay process: see spawn-relay.js.
require("./spawn-relay").install();
module.exports = require("jest-environment-node").TestEnvironment;
