// Stands in for @npmcli/arborist under jest (jest.config.js): @pulumi/pulumi's runtime index loads it
// only to re-export computeCodePaths, which no test calls, and loading it costs ~0.5 s per test file.
module.exports = {};
