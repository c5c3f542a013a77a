import { setLoadHelper } from "../infra/core/load/requests";
import { main } from "./cli";
import { loadHelper, runAsLoadWorker } from "./load-worker";

if (!runAsLoadWorker()) {
  // Only the bundle (plain JavaScript) can start itself as a worker; under a TypeScript loader, one thread.
  // PUSDAT_LOAD_THREADS=1 keeps everything on one thread (a busy runner, or to compare).
  if (__filename.endsWith(".cjs") && process.env.PUSDAT_LOAD_THREADS !== "1") setLoadHelper(loadHelper(__filename));
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`pusdat: kesalahan internal: ${String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
