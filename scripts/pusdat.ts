import { main } from "./cli";

main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`pusdat: kesalahan internal: ${String(e)}\n`);
    process.exitCode = 3;
  },
);
