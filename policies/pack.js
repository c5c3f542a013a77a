// The pack's entry for the engine: policies/index.ts bundled by esbuild (rebuilt when a source is
// newer; see scripts/bundle.js), so booting the pack does not type-check it with ts-node again.
require(require("../scripts/bundle").ensureBuilt("policies"));
