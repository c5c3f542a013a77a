#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx compiles on the fly (and caches).
require("tsx/cjs");
require("./pusdat.ts");
