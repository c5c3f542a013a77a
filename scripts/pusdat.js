#!/usr/bin/env node
// Runs the CLI from its bundle (scripts/bundle.js rebuilds it when a TypeScript source changed).
require("./bundle").run();
