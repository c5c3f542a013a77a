/**
 * Bounded concurrency with a timeout per task and a deadline for the whole run. A task that does not
 * settle in time counts as failed with a message; tasks not started before the deadline are not
 * started. No I/O of its own: timers only.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PoolOptions {
  concurrency: number;
  timeoutMs: number;
  /** Whole-run limit from the start of `runPool`. */
  runTimeoutMs: number;
  /** Called after each settled task (progress line). */
  onSettled?: (done: number, total: number) => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: string): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: onTimeout }), ms);
    p.then(
      (value) => (clearTimeout(timer), resolve({ ok: true, value })),
      (e) => (clearTimeout(timer), resolve({ ok: false, error: message(e) })),
    );
  });
}

export async function runPool<T>(tasks: (() => Promise<T>)[], o: PoolOptions): Promise<Outcome<T>[]> {
  const out: Outcome<T>[] = new Array(tasks.length);
  const start = Date.now();
  let next = 0;
  let done = 0;
  const runOut = `tidak diperiksa: batas waktu seluruh putaran ${o.runTimeoutMs / 1000} detik habis`;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= tasks.length) return;
      const left = start + o.runTimeoutMs - Date.now();
      if (left <= 0) out[i] = { ok: false, error: runOut };
      else {
        let p: Promise<T>;
        try {
          p = tasks[i]!();
        } catch (e) {
          p = Promise.reject(e);
        }
        out[i] = await withTimeout(p, Math.min(o.timeoutMs, left), o.timeoutMs <= left ? `tidak menjawab dalam ${o.timeoutMs / 1000} detik` : runOut);
      }
      o.onSettled?.(++done, tasks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, tasks.length) }, worker));
  return out;
}
