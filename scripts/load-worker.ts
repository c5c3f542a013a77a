/**
 * Loading thousands of request files on two cores: the CLI's bundle starts itself once more as a
 * worker thread that reads, parses and checks the second half of the files while the main thread
 * does the first half. Only plain data crosses back (the requests or each file's findings).
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type FileOutcome, type LoadHelper, loadFiles } from "../infra/core/load/requests";

/** Below this many files a second thread costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 2000;

interface Job {
  pusdatLoad: { dir: string; entries: { rel: string; link: boolean }[] };
}

export function loadHelper(entry: string): LoadHelper {
  return {
    minFiles: PARALLEL_MIN_FILES,
    load: (dir, entries) =>
      new Promise<FileOutcome[]>((resolve, reject) => {
        const w = new Worker(entry, { workerData: { pusdatLoad: { dir, entries } } satisfies Job });
        w.once("message", (m: FileOutcome[]) => {
          resolve(m);
          void w.terminate();
        });
        w.once("error", reject);
      }),
  };
}

/** In a worker started by loadHelper: do the job and answer; false in the main thread. */
export function runAsLoadWorker(): boolean {
  const job = (workerData as Job | undefined)?.pusdatLoad;
  if (isMainThread || !job) return false;
  parentPort!.postMessage(loadFiles(job.dir, job.entries));
  return true;
}
