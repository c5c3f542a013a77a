/**
 * The relay process of spawn-relay.js: reads normalized spawn options from the first FIFO, runs each
 * through Node's `spawn_sync` binding, writes the raw result to the second. Ends when the worker
 * closes its end (the worker exited or was killed).
 */
const fs = require("node:fs");
const { encode, decode, writeMessage, readMessage } = require("./spawn-relay");

const spawn = process.binding("spawn_sync").spawn;
const [requestsPath, resultsPath] = process.argv.slice(2);
// The worker holds the results FIFO open for reading before it starts this process: open it first.
const results = fs.openSync(resultsPath, "w");
const requests = fs.openSync(requestsPath, "r");

for (;;) {
  let text;
  try {
    text = readMessage(requests);
  } catch {
    process.exit(0); // the worker closed its end: it exited or was killed
  }
  let result;
  try {
    const { options, umask } = decode(text);
    process.umask(umask); // the worker's, which its own fork would have passed on
    result = spawn(options);
  } catch (e) {
    // What the binding threw in the worker it throws there again, rather than leave the worker waiting.
    result = { thrown: String(e && e.message) };
  }
  let answer;
  try {
    answer = encode(result);
  } catch (e) {
    // e.g. an output too large for one JSON string: fail that call, keep serving
    answer = encode({ thrown: `spawn relay: ${String(e && e.message)}` });
  }
  writeMessage(results, answer);
}
