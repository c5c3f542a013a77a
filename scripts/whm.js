#!/usr/bin/env node
// Entry for @pulumi/command: `node scripts/whm.js create|update|delete` (see scripts/whm.ts).
require("tsx/cjs");
const { whmMain } = require("./whm.ts");
whmMain(process.argv.slice(2), process.env).then((r) => {
  process.stdout.write(r.out);
  process.stderr.write(r.err);
  process.exitCode = r.code;
});
