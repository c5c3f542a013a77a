/**
 * Reads request files on a second thread while the loader parses and checks the ones already read.
 * Reading is about a third of `pusdat validate` on thousands of files (open, stat, read, close per
 * file); on a machine with a free core that part leaves the critical path.
 *
 * The loader stays synchronous: the reader thread copies each file's bytes into shared memory and
 * publishes how many are ready; the loader waits (Atomics.wait) only when it is ahead. Whatever the
 * reader cannot give (not a regular file, no room left, a read error, a stalled or dead thread), the
 * loader reads itself exactly as before, so the results and errors are the same byte for byte.
 */
import { Worker } from "node:worker_threads";

/** Below this many files a thread costs more than it saves (measured: slower at 1,000, faster at 10,000). */
export const PREFETCH_FROM = 2000;

/** The loader reads this many files itself while the thread starts (a new isolate takes tens of ms). */
const HEAD_START = 512;

/** Loader's patience with a reader that makes no progress, before it reads the file itself. */
const STALL_MS = 2000;

/** Slot of the ready counter and the reader's "gave up" flag in the shared header. */
const READY = 0;
const GAVE_UP = 1;
const HEADER = 2;

// Plain JavaScript run by the thread (no bundle to load). O_NONBLOCK keeps a FIFO from blocking the
// open; anything that is not a regular file, or does not fit, is left to the loader (length -1).
// It lowers its own priority (on Linux the nice value is per thread): on two cores it otherwise takes
// CPU from the V8 compiler and GC threads the loader's own thread waits on (measured: validate on
// 10,000 files ~3 % faster; the thread still keeps ahead).
const READER = `
try { require("node:os").setPriority(0, 19); } catch {}
const fs = require("node:fs");
const { workerData: { files, data, meta } } = require("node:worker_threads");
const bytes = new Uint8Array(data);
let off = 0;
try {
  for (let i = 0; i < files.length; i++) {
    let len = -1;
    try {
      const fd = fs.openSync(files[i], fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      try {
        const st = fs.fstatSync(fd);
        if (st.isFile() && off + st.size <= bytes.length) {
          const n = fs.readSync(fd, bytes, off, st.size, 0);
          if (n === st.size) len = n;
        }
      } finally { fs.closeSync(fd); }
    } catch {}
    meta[${HEADER} + 2 * i] = off;
    meta[${HEADER + 1} + 2 * i] = len;
    if (len > 0) off += len;
    Atomics.store(meta, ${READY}, i + 1);
    Atomics.notify(meta, ${READY});
  }
} catch {
  Atomics.store(meta, ${GAVE_UP}, 1);
  Atomics.notify(meta, ${READY});
}
`;

export interface Prefetch {
  /** The bytes of `files[i]`, or undefined when the caller must read it itself. */
  bytes(i: number): Buffer | undefined;
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
  // Room for typical requests (under 2 KiB) and then some; a file that does not fit is read by the loader.
  const capacity = Math.min(Math.max(rest.length * 8192, 1 << 20), 128 << 20);
  const data = new SharedArrayBuffer(capacity);
  const meta = new Int32Array(new SharedArrayBuffer(4 * (HEADER + 2 * rest.length)));
  let worker: Worker;
  try {
    worker = new Worker(READER, { eval: true, workerData: { files: rest, data, meta } });
  } catch {
    return null;
  }
  worker.unref();
  worker.on("error", () => Atomics.store(meta, GAVE_UP, 1));
  const view = Buffer.from(data);
  return {
    bytes(index) {
      if (index < head) return undefined;
      const i = index - head;
      let waited = 0;
      let seen = Atomics.load(meta, READY);
      while (seen <= i) {
        if (Atomics.load(meta, GAVE_UP) === 1 || waited >= STALL_MS) return undefined;
        Atomics.wait(meta, READY, seen, 50);
        const now = Atomics.load(meta, READY);
        waited = now === seen ? waited + 50 : 0;
        seen = now;
      }
      const off = meta[HEADER + 2 * i]!;
      const len = meta[HEADER + 1 + 2 * i]!;
      return len < 0 ? undefined : view.subarray(off, off + len);
    },
    close() {
      void worker.terminate();
    },
  };
}
