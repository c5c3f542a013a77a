/** `pusdat <args>` through `main`, in-process, inside `cwd` (the commands open the project in the working folder). */
import { main } from "../../scripts/cli";

export async function runIn(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

/** The same, answered with spawnSync's field names, for tests that also run the real process. */
export async function runLikeProcess(cwd: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const r = await runIn(cwd, ...args);
  return { status: r.code, stdout: r.out, stderr: r.err };
}
