/**
 * `pusdat resize <id>`: a resource addition as a change to the request file (SOP 10 for a VM, SOP 3
 * for a hosting plan), checked before writing against the ceilings, node capacity, OPD totals and
 * "disks only grow"; the file is edited in place, comments and order kept.
 */
import * as fs from "node:fs";
import type { Command } from "commander";
import { displayPath } from "../../infra/core/load/requests";
import { type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { cpu?: string; memoryGb?: string; diskGb?: string; plan?: string; branch?: boolean; openPr?: boolean };

/** Digits become numbers; anything else is written as given and the schema names what is wrong. */
const value = (raw: string): unknown => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw);

export const resize: PusdatCommand<Options> = {
  name: "resize",
  description: "tambah sumber daya VM (SOP 10) atau paket hosting (SOP 3)",
  define: (cmd: Command) =>
    projectOptions(cmd)
      .argument("<id>", "id permintaan")
      .option("--cpu <n>", "vm: inti CPU")
      .option("--memory-gb <n>", "vm: memori (GB)")
      .option("--disk-gb <n>", "vm: disk (GB), hanya boleh bertambah")
      .option("--plan <paket>", "hosting: paket baru")
      .option("--branch", "buat cabang penambahan/<id> dan commit berkasnya")
      .option("--open-pr", "dengan --branch: push dan buka pull request dengan gh"),
  run: ({ io, opts, args }) => {
    const { applyChanges } = require("../new/edit") as typeof import("../new/edit");
    const { editTarget } = require("../new/target") as typeof import("../new/target");
    const { wouldBe } = require("../new/would-be") as typeof import("../new/would-be");
    const { refuseIfBad } = require("../new/report") as typeof import("../new/report");
    const br = require("../new/branch") as typeof import("../new/branch");
    const { before, t, r, id } = editTarget(opts, io, args[0]!);
    const asked = { cpu: opts.cpu, memoryGb: opts.memoryGb, diskGb: opts.diskGb };
    const sizes = Object.entries(asked).filter(([, v]) => v !== undefined) as [string, string][];
    if (r.kind === "VirtualMachine") {
      if (opts.plan !== undefined) throw new UsageError(`--plan hanya untuk akun hosting; ${id} adalah VirtualMachine (pakai --cpu, --memory-gb, --disk-gb)`);
      if (!sizes.length) throw new UsageError("sebutkan paling sedikit satu dari --cpu, --memory-gb, --disk-gb");
    } else if (r.kind === "HostingAccount") {
      if (sizes.length) throw new UsageError(`--cpu, --memory-gb dan --disk-gb hanya untuk VM; ${id} adalah HostingAccount (pakai --plan)`);
      if (opts.plan === undefined) throw new UsageError("sebutkan paket baru dengan --plan");
    } else {
      throw new UsageError(`resize hanya untuk VirtualMachine (SOP 10) dan HostingAccount (SOP 3); ${id} adalah ${r.kind}`);
    }
    if (r.metadata.status !== "active") throw new UsageError(`permintaan ${id} sudah dihentikan (decommissioned); sumber dayanya tidak dapat ditambah`);

    const spec = r.spec as unknown as Record<string, unknown>;
    const changes = (r.kind === "HostingAccount" ? [["plan", opts.plan!] as [string, string]] : sizes)
      .map(([k, raw]) => ({ key: k, from: spec[k], to: r.kind === "HostingAccount" ? raw : value(raw) }))
      .filter((c) => c.from !== c.to);
    const shown = displayPath(t.file);
    if (!changes.length) {
      io.out(`Tidak ada perubahan: ${shown} sudah berisi nilai itu.\n`);
      return EXIT.ok;
    }
    const branch = br.branchName("penambahan", id);
    const top = opts.branch ? br.branchPreflight(before.requestsDir, branch) : null;
    const text = applyChanges(t.text, changes.map((c) => ({ path: ["spec", c.key], value: c.to })));
    if (refuseIfBad(wouldBe(before, before, t.file, text), shown, io)) return EXIT.findings;
    fs.writeFileSync(t.file, text);
    const summary = changes.map((c) => `${c.key} ${String(c.from)} → ${String(c.to)}`).join(", ");
    io.out(`Diubah: ${shown} (${summary})\n`);
    const sop = r.kind === "HostingAccount" ? "SOP 3" : r.spec.location === "pdn" ? "SOP 10, lewat pemeliharaan PDN (e-Tiket)" : "SOP 10, klaster lokal";
    if (!top) {
      io.out(`Penambahan sumber daya (${sop}). Langkah berikutnya: commit di cabang ${branch} (atau ulangi dengan --branch) dan buka pull request.\n`);
      return EXIT.ok;
    }
    const message = `Penambahan sumber daya ${id} (${sop}): ${summary}\n\nOPD: ${r.metadata.opd}\n`;
    return br.publish(io, { top, branch, file: t.file, message, openPr: opts.openPr });
  },
};
