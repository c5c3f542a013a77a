/** `pusdat <args>` through `main`, in-process, inside `cwd` (the commands open the project in the working folder). */
import { main } from "../../scripts/cli";

/** Environment changes for one call: a value sets the variable, `undefined` removes it. */
export type EnvChange = Record<string, string | undefined>;

/**
 * Runs `f` with `change` applied to process.env, then puts every changed variable back as it was
 * (set to its old value, or removed if it was not set), so nothing leaks into the next test.
 */
export async function withEnv<T>(change: EnvChange, f: () => Promise<T>): Promise<T> {
  const saved = Object.keys(change).map((k) => [k, process.env[k]] as const);
  const apply = (pairs: readonly (readonly [string, string | undefined])[]) => {
    for (const [k, v] of pairs) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(Object.entries(change));
  try {
    return await f();
  } finally {
    apply(saved);
  }
}

/** `runIn` with `env` applied to process.env for the call only (the CLI reads its credentials there). */
export async function runInEnv(cwd: string, env: EnvChange, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await withEnv(env, () => main(args, { out: (t) => (out += t), err: (t) => (err += t) }));
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

export const runIn = (cwd: string, ...args: string[]) => runInEnv(cwd, {}, ...args);

/** The same, answered with spawnSync's field names, for tests that also run the real process. */
export async function runLikeProcess(cwd: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await runIn(cwd, ...args);
  return { status: r.code, stdout: r.out, stderr: r.err };
}
