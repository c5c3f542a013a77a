// Prints the plain closing line CI reads ("N passed, N failed", plus skipped). Jest appends its own
// summary reporter after custom ones, so the line is written when the process exits, after all else.
const fs = require("node:fs");

class SummaryReporter {
  onRunComplete(_contexts, r) {
    const skipped = r.numPendingTests + r.numTodoTests;
    const line = `Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}\n`;
    process.once("exit", () => fs.writeSync(1, line));
  }
}
module.exports = SummaryReporter;
