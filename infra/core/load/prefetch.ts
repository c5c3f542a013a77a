/**
 * Reads and YAML-parses request files on a second thread while the loader checks the ones already
 * parsed. Reading and parsing are about two thirds of `pusdat validate` on thousands of files; on a
 * machine with a free core that part leaves the critical path.
 *
 * The loader stays synchronous: the thread posts each file's text and js-yaml value in batches and
 * publishes how many are ready; the loader takes them with receiveMessageOnPort and waits
 * (Atomics.wait) only when it is ahead. The thread runs only js-yaml's fast path, on exactly the text
 * and options parseYamlText would use; whatever it leaves (not a regular file, too large or not UTF-8,
 * a refusal by js-yaml, an anchor, a stalled or dead thread) the loader reads and parses itself as
 * before, so the results and errors are the same byte for byte.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { MAX_FILE_BYTES } from "./source";

/** Below this many files a thread costs more than it saves. */
export const PREFETCH_FROM = 256;

/** The loader reads this many files itself while the thread starts (a new isolate takes tens of ms). */
const HEAD_START = 512;

/** Files per message: fewer messages, yet the loader is never far behind. */
const BATCH = 32;

/** Loader's patience with a thread that makes no progress, before it reads the file itself. */
const STALL_MS = 2000;

/** Slot of the ready counter and the thread's "gave up" flag in the shared header. */
const READY = 0;
const GAVE_UP = 1;

/** What the thread hands over for one file: nothing (the loader reads it), its text, or also js-yaml's value. */
export type Prefetched = { text: string } | { text: string; parsed: true; value: unknown };

// Plain JavaScript run by the thread (no bundle to load, only js-yaml). O_NONBLOCK keeps a FIFO from
// blocking the open. The conditions mirror readRequest and parseYamlText (source.ts): a file the
// loader would read as bytes is left to it; js-yaml runs only where parseYamlText's fast path would.
const READER = `
const fs = require("node:fs");
const { workerData: { files, port, meta, yamlPath, maxChars } } = require("node:worker_threads");
const { load } = require(yamlPath);
function one(file) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  let bytes;
  try {
    if (!fs.fstatSync(fd).isFile()) return null;
    bytes = fs.readFileSync(fd);
  } finally { fs.closeSync(fd); }
  const text = bytes.toString("utf8");
  if (text.length > maxChars || text.includes("\\uFFFD")) return null;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0 || body.includes("&")) return { text };
  try {
    return { text, parsed: true, value: load(body, { maxAliases: 0 }) };
  } catch {
    return { text };
  }
}
try {
  let batch = [];
  for (let i = 0; i < files.length; i++) {
    let r = null;
    try { r = one(files[i]); } catch {}
    batch.push(r);
    if (batch.length === ${BATCH} || i === files.length - 1) {
      port.postMessage(batch);
      batch = [];
      Atomics.store(meta, ${READY}, i + 1);
      Atomics.notify(meta, ${READY});
    }
  }
} catch {
  Atomics.store(meta, ${GAVE_UP}, 1);
  Atomics.notify(meta, ${READY});
}
`;

export interface Prefetch {
  /** What the thread read for `files[i]`, or undefined when the caller must read it itself. */
  take(i: number): Prefetched | undefined;
  /** Stops the thread (results already taken stay valid). */
  close(): void;
}

/**
 * A reader thread over `files` (absolute paths), or null when it is not worth one or not allowed.
 * The first `headStart` files (at most a quarter) are left to the loader.
 */
export function prefetch(files: string[], from = PREFETCH_FROM, headStart = HEAD_START): Prefetch | null {
  if (files.length < from || process.env.PUSDAT_LOAD_THREADS === "1") return null;
  const head = Math.min(headStart, Math.floor(files.length / 4));
  const rest = files.slice(head);
  const meta = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const workerData = { files: rest, port: port2, meta, yamlPath: require.resolve("js-yaml"), maxChars: MAX_FILE_BYTES / 4 };
    worker = new Worker(READER, { eval: true, workerData, transferList: [port2] });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  worker.on("error", () => Atomics.store(meta, GAVE_UP, 1));
  const got: (Prefetched | null)[] = [];
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) got.push(...(m.message as (Prefetched | null)[]));
  };
  return {
    take(index) {
      if (index < head) return undefined;
      const i = index - head;
      let waited = 0;
      let seen = Atomics.load(meta, READY);
      while (got.length <= i) {
        drain();
        if (got.length > i) break;
        if (Atomics.load(meta, GAVE_UP) === 1 || waited >= STALL_MS) return undefined;
        Atomics.wait(meta, READY, seen, 50);
        const now = Atomics.load(meta, READY);
        waited = now === seen ? waited + 50 : 0;
        seen = now;
      }
      const r = got[i] ?? undefined;
      got[i] = null; // the loader keeps what it needs; the raw value can go
      return r;
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}
