/** Type errors are caught by `tsc --noEmit` in `npm test`; jest only transpiles, which keeps it fast. */
module.exports = {
  // jest's node environment, with the worker's synchronous child processes started by a small relay process.
  testEnvironment: "<rootDir>/test/support/environment.js",
  roots: ["<rootDir>/infra", "<rootDir>/policies", "<rootDir>/scripts", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Many tests wait on child processes (git, the CLI): a third worker overlaps that waiting on 2 cores.
  // `npm test` starts jest with --max-opt=1 --single-threaded-gc (workers inherit them): every test file
  // runs its modules afresh, so TurboFan kept optimizing the same functions again on background threads,
  // and three workers' parallel GC threads only contended for the two cores (about 10 s less overall).
  maxWorkers: 3,
  // See test/support/empty-module.js.
  moduleNameMapper: { "^@npmcli/arborist$": "<rootDir>/test/support/empty-module.js" },
  // A git or CLI child is forked from the worker: a worker grown large by the Pulumi and Chromium
  // files makes every later spawn slower, so a worker past this size is replaced between files.
  workerIdleMemoryLimit: "400MB",
  // jest compiles every module anew for each test file; this runtime keeps V8's code cache per worker.
  runtime: "<rootDir>/test/support/cached-runtime.js",
  setupFilesAfterEnv: ["<rootDir>/test/support/cleanup.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  // swc only strips types (tsc --noEmit already checked them): several times faster than ts-jest per file.
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" }, sourceMaps: "inline" }],
  },
};
