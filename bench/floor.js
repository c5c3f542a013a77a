// The floor `pusdat validate` is measured against: a process that only lists, reads and parses the
// same request files with the parser validate uses (js-yaml), and does nothing else.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { load } = require("js-yaml");

const dir = process.argv[2];
let n = 0;
for (const f of fs.readdirSync(dir, { recursive: true }).map(String)) {
  if (!f.endsWith(".yaml")) continue;
  load(fs.readFileSync(path.join(dir, f), "utf8"));
  n++;
}
process.stdout.write(`${n}\n`);
