/**
 * `pusdat decommission <id>`: stop a service by the Nota Dinas that asks for it. The request stays
 * (its names, VMID and IP remain reserved); VMs are stopped and unprotected, hosting accounts
 * suspended. A VM or hosting account is removed only by a later pull request that deletes the file,
 * and only once `--final-backup` is recorded (this command can add it later too). An ApiAccess whose
 * exchange side pusdat manages is unsubscribed and its keys revoked by the apply; it holds no data.
 */
import * as fs from "node:fs";
import type { Command } from "commander";
import { displayPath } from "../../infra/core/load/requests";
import type { ApiAccess } from "../../infra/core/model/kinds";
import { channelPlace, splpApplicationName } from "../../infra/core/config/splp";
import { type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & { notaNumber?: string; notaDate?: string; finalBackup?: string; branch?: boolean; openPr?: boolean };

const HOLDS_DATA = new Set(["VirtualMachine", "HostingAccount"]);

/** ApiAccess holds no data (no final backup): pusdat unsubscribes and revokes when it manages the exchange side. */
function apiAccessEffect(r: ApiAccess): string {
  const ex = r.spec.exchange;
  if (!ex) return "langkah manual: cabut kredensial aplikasi di server SPLP";
  const key = r.spec.auth === "api-key" ? "API key dan " : "";
  return `pusdat mencabut langganan ${ex.api} ${ex.version}, ${key}kunci aplikasi ${splpApplicationName(r.metadata.id)}, lalu menghapus aplikasinya di ${channelPlace(r.spec.channel)}; akses API tidak menyimpan data, tidak perlu cadangan terakhir`;
}

export const decommission: PusdatCommand<Options> = {
  name: "decommission",
  description: "hentikan layanan dengan Nota Dinas penghentian",
  define: (cmd: Command) =>
    projectOptions(cmd)
      .argument("<id>", "id permintaan")
      .option("--nota-number <nomor>", "nomor Nota Dinas penghentian")
      .option("--nota-date <YYYY-MM-DD>", "tanggal Nota Dinas penghentian")
      .option("--final-backup <nama>", "vm/hosting: nama berkas cadangan terakhir yang disimpan")
      .option("--branch", "buat cabang penghentian/<id> (atau cadangan/<id>) dan commit berkasnya")
      .option("--open-pr", "dengan --branch: push dan buka pull request dengan gh"),
  run: ({ io, opts, args }) => {
    const { decommissionText } = require("../new/edit") as typeof import("../new/edit");
    const { editTarget } = require("../new/target") as typeof import("../new/target");
    const { wouldBe } = require("../new/would-be") as typeof import("../new/would-be");
    const { refuseIfBad } = require("../new/report") as typeof import("../new/report");
    const br = require("../new/branch") as typeof import("../new/branch");
    const { before, t, r, id } = editTarget(opts, io, args[0]!);
    if (opts.finalBackup !== undefined && !HOLDS_DATA.has(r.kind)) {
      throw new UsageError(`--final-backup hanya untuk VirtualMachine dan HostingAccount; ${id} adalah ${r.kind} dan tidak menyimpan data`);
    }
    const shown = displayPath(t.file);
    let text: string;
    if (r.metadata.status === "decommissioned") {
      if (opts.notaNumber !== undefined || opts.notaDate !== undefined || opts.finalBackup === undefined) {
        const more = HOLDS_DATA.has(r.kind) && !r.metadata.decommission?.finalBackup ? "; yang masih dapat dicatat: --final-backup" : "";
        throw new UsageError(`permintaan ${id} sudah dihentikan (Nota Dinas ${r.metadata.decommission?.notaDinas.number})${more}`);
      }
      if (r.metadata.decommission?.finalBackup) throw new UsageError(`cadangan terakhir ${id} sudah tercatat: ${r.metadata.decommission.finalBackup}`);
      text = decommissionText(t.text, { finalBackup: opts.finalBackup });
    } else {
      if (opts.notaNumber === undefined) throw new UsageError("--nota-number wajib diisi (nomor Nota Dinas penghentian)");
      if (opts.notaDate === undefined) throw new UsageError("--nota-date wajib diisi (tanggal Nota Dinas penghentian, YYYY-MM-DD)");
      text = decommissionText(t.text, { number: opts.notaNumber, date: opts.notaDate, finalBackup: opts.finalBackup });
    }
    const was = r.metadata.status === "decommissioned";
    const branch = br.branchName(was ? "cadangan" : "penghentian", id);
    const top = opts.branch ? br.branchPreflight(before.requestsDir, branch) : null;
    if (refuseIfBad(wouldBe(before, before, t.file, text), shown, io)) return EXIT.findings;
    fs.writeFileSync(t.file, text);
    const what = [was ? "" : "status decommissioned", opts.finalBackup ? `cadangan terakhir ${opts.finalBackup} dicatat` : ""].filter(Boolean).join(", ");
    io.out(`Diubah: ${shown} (${what})\n`);
    const effect =
      r.kind === "VirtualMachine"
        ? r.spec.location === "pdn"
          ? `VPS PDN (tiket ${r.spec.pdn?.ticket ?? "-"}) dilepas lewat e-Tiket; tidak ada yang dibangun di sini`
          : "VM dihentikan dan proteksinya dilepas; VMID, IP dan hostname tetap tercadang"
        : r.kind === "HostingAccount"
          ? "akun cPanel ditangguhkan (suspend) dan rekaman DNS-nya dihapus; berkas akun tidak dihapus"
          : r.kind === "Subdomain"
            ? "rekaman DNS dihapus; namanya tetap tercadang selama berkas ini ada"
            : apiAccessEffect(r as ApiAccess);
    io.out(`Setelah digabung: ${effect}.\n`);
    if (HOLDS_DATA.has(r.kind)) {
      const fb = opts.finalBackup ?? r.metadata.decommission?.finalBackup;
      io.out(fb
        ? "Berkas ini boleh dihapus pada pull request berikutnya; saat itu sumber dayanya dimusnahkan.\n"
        : `Sebelum berkas dihapus, catat cadangan terakhir: pusdat decommission ${id} --final-backup <nama-berkas>.\n`);
    }
    if (!top) {
      io.out(`Langkah berikutnya: commit di cabang ${branch} (atau ulangi dengan --branch) dan buka pull request.\n`);
      return EXIT.ok;
    }
    const message = was
      ? `Cadangan terakhir ${id} (${r.kind}): ${opts.finalBackup}\n`
      : `Penghentian ${id} (${r.kind}): Nota Dinas ${opts.notaNumber} tanggal ${opts.notaDate}\n\nOPD: ${r.metadata.opd}\n`;
    return br.publish(io, { top, branch, file: t.file, message, openPr: opts.openPr });
  },
};
