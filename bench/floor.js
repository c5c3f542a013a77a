// The floor `pusdat validate` is measured against: a process that only lists, reads and parses the
// same request files with the parser validate uses (js-yaml), and does nothing else. With `--keep`
// it keeps what it parsed, as any validator must until its cross-file checks are done: shown beside
// the floor for reference (keeping objects alive makes V8 pretenure and copy them in every young GC).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { load } = require("js-yaml");

const dir = process.argv[2];
const keep = process.argv[3] === "--keep" ? [] : null;
let n = 0;
for (const f of fs.readdirSync(dir, { recursive: true }).map(String)) {
  if (!f.endsWith(".yaml")) continue;
  const value = load(fs.readFileSync(path.join(dir, f), "utf8"));
  if (keep) keep.push(value);
  n++;
}
process.stdout.write(`${n}\n`);
