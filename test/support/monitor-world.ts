/**
 * The world of the `pusdat monitor` tests: the access test's world (test/support/verify-world.ts)
 * plus what a monitoring round reads: WHM restore points, vzdump files on the Proxmox backup storage,
 * and a `pusdat:monitor` block with short timeouts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { cli, type World, world } from "./verify-world";

export const DAY_MS = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

export async function monitorWorld(): Promise<World> {
  const w = await world();
  w.whm.backups.set(daysAgo(40), ["disdikweb", "keclama"]);
  w.whm.backups.set(daysAgo(2), ["disdikweb"]);
  const ctime = Math.floor((Date.now() - 1 * DAY_MS) / 1000);
  w.pve.backups.push(
    { node: "pve1", storage: "cadangan", volid: "cadangan:backup/vzdump-qemu-210-2026_01_01-02_00_00.vma.zst", ctime: ctime - 30 * 86400 },
    { node: "pve1", storage: "cadangan", volid: "cadangan:backup/vzdump-qemu-210-2026_01_31-02_00_00.vma.zst", ctime },
  );
  const file = path.join(w.root, "Pulumi.uji.yaml");
  const stack = parse(fs.readFileSync(file, "utf8"));
  stack.config["pusdat:monitor"] = { concurrency: 4, timeoutMs: 5000, runTimeoutMs: 50_000 };
  fs.writeFileSync(file, stringify(stack));
  return w;
}

export const monitorCli = (w: World, args: string[], env: Record<string, string | undefined> = {}) => cli(w, args, env, "monitor");

/** The report's time changes run to run; everything else is asserted exactly. */
export const steadyAt = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, "<waktu>");
