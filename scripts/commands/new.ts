/**
 * `pusdat new [jenis]`: the technician's front door. Asks what the kind needs (or reads it from
 * flags with --yes), allocates node/VMID/IP for a local VM, writes `requests/<folder>/<id>.yaml`,
 * refuses to leave it if the tree no longer validates, shows what the merge would build, and with
 * --branch commits it on `permintaan/<id>`. The questions live in scripts/new/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { findingLine } from "../../infra/core/findings";
import { displayPath } from "../../infra/core/load/requests";
import { readRequests } from "../../infra/core/project";
import type { Prompts } from "../new/ask";
import type { NewFlags } from "../new/flow";
import { configAndFolder, type ProjectOptions, projectOptions } from "./project-options";
import { EXIT, type PusdatCommand, UsageError } from "./types";

type Options = ProjectOptions & NewFlags & { yes?: boolean; branch?: boolean; openPr?: boolean; skipPlan?: boolean };

const collect = (v: string, prev: string[] = []) => [...prev, v];

function define(cmd: Command): Command {
  return projectOptions(cmd)
    .argument("[jenis]", "subdomain, hosting, vm atau api")
    .option("--id <id>", "id permintaan (nama berkas)")
    .option("--opd <nama>", "OPD pemohon")
    .option("--contact-name <nama>", "nama narahubung")
    .option("--contact-email <email>", "email narahubung")
    .option("--contact-phone <telepon>", "telepon narahubung (+62… atau 08…)")
    .option("--nota-number <nomor>", "nomor Nota Dinas")
    .option("--nota-date <YYYY-MM-DD>", "tanggal Nota Dinas")
    .option("--purpose <teks>", "kegunaan / proses bisnis")
    .option("--name <label>", "subdomain: nama di bawah zona")
    .option("--ip <ipv4>", "subdomain: alamat IPv4 (rekaman A)")
    .option("--ipv6 <ipv6>", "subdomain: alamat IPv6 (rekaman AAAA)")
    .option("--cname <host>", "subdomain: nama host tujuan (rekaman CNAME)")
    .option("--proxied", "subdomain: lewat proxy Cloudflare (bawaan)")
    .option("--no-proxied", "subdomain: tanpa proxy Cloudflare")
    .option("--ttl <detik>", "subdomain: auto atau 60–86400 (hanya tanpa proxy)")
    .option("--domain <label>", "hosting: domain di bawah zona")
    .option("--username <nama>", "hosting: username cPanel")
    .option("--plan <paket>", "hosting: paket")
    .option("--hosting-email <email>", "hosting: email kontak akun (bawaan: email narahubung)")
    .option("--location <lokasi>", "vm: pusat-komputasi atau pdn")
    .option("--hostname <nama>", "vm: hostname")
    .option("--cpu <n>", "vm: inti CPU")
    .option("--memory-gb <n>", "vm: memori (GB)")
    .option("--disk-gb <n>", "vm: disk (GB)")
    .option("--os <templat>", "vm: templat sistem operasi")
    .option("--ssh-key <kunci>", "vm: kunci publik SSH (boleh berulang)", collect)
    .option("--port <port>", "vm: port yang perlu dapat dijangkau (boleh berulang)", collect)
    .option("--pdn-ticket <nomor>", "vm pdn: nomor e-Tiket")
    .option("--channel <saluran>", "api: splp-nasional atau pertukaran-lokal")
    .option("--application <nama>", "api: aplikasi pemakai")
    .option("--application-url <url>", "api: URL aplikasi")
    .option("--provider-opd <nama>", "api: OPD penyedia")
    .option("--provider-api <nama>", "api: nama API")
    .option("--approval-number <nomor>", "api: nomor Nota Dinas persetujuan penyedia")
    .option("--approval-date <YYYY-MM-DD>", "api: tanggal persetujuan penyedia")
    .option("--approver <jabatan>", "api: jabatan pemberi persetujuan")
    .option("--endpoint <'METODE /path'>", "api: endpoint (boleh berulang)", collect)
    .option("--data <butir>", "api: data yang dipertukarkan (boleh berulang)", collect)
    .option("--auth <jenis>", "api: oauth2 atau api-key")
    .option("--yes", "tanpa pertanyaan: semua nilai dari opsi; yang kurang adalah salah pemakaian")
    .option("--branch", "buat cabang permintaan/<id> dan commit berkasnya")
    .option("--open-pr", "dengan --branch: push dan buka pull request dengan gh")
    .option("--skip-plan", "jangan jalankan pusdat plan untuk permintaan ini (lebih cepat)");
}

const jakartaToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());

/**
 * `prompts`: injected by tests; by default @inquirer/prompts, loaded only when a question is asked.
 * `today`: the memo date offered (default: today in Asia/Jakarta).
 */
export function makeNewCommand(inject: { prompts?: () => Prompts; today?: string } = {}): PusdatCommand<Options> {
  const { prompts } = inject;
  return {
    name: "new",
    description: "buat permintaan baru dengan tanya-jawab atau opsi",
    define,
    run: async ({ io, opts, args }) => {
      const { buildRequest, Refusal } = require("../new/flow") as typeof import("../new/flow");
      const { gatherClaims } = require("../new/claims") as typeof import("../new/claims");
      const { requestDocument, renderYaml } = require("../new/yaml-text") as typeof import("../new/yaml-text");
      const { KIND_FOLDER } = require("../../infra/core/kinds") as typeof import("../../infra/core/kinds");
      const br = require("../new/branch") as typeof import("../new/branch");

      if (opts.openPr && !opts.branch) throw new UsageError("--open-pr hanya bersama --branch");
      const { config, dir } = configAndFolder(opts, io);
      let ask: Prompts | null = null;
      if (!opts.yes) {
        if (prompts) ask = prompts();
        else if (!process.stdin.isTTY) throw new UsageError("tidak ada terminal untuk tanya-jawab; pakai --yes dan isi semua nilai lewat opsi");
        else ask = (require("../new/inquirer") as typeof import("../new/inquirer")).inquirerPrompts();
      }

      const before = readRequests(config, dir);
      const { claims, opds } = gatherClaims(dir);
      let request;
      try {
        request = await buildRequest(args[0], opts, ask, { site: config.site, ceilings: config.ceilings, claims, opds, today: inject.today ?? jakartaToday(), say: io.out });
      } catch (e) {
        if ((require("../new/inquirer") as typeof import("../new/inquirer")).isPromptExit(e)) {
          io.err("Dibatalkan; tidak ada berkas yang ditulis.\n");
          return EXIT.usage;
        }
        if (!(e instanceof Refusal)) throw e;
        for (const p of e.problems) io.err(`${p}\n`);
        io.err("Permintaan tidak dibuat.\n");
        return EXIT.findings;
      }
      const id = request.metadata.id;
      const branch = br.branchName("permintaan", id);
      const top = opts.branch ? br.branchPreflight(dir, branch) : null;
      const file = path.join(dir, KIND_FOLDER[request.kind], `${id}.yaml`);
      if (fs.existsSync(file)) {
        io.err(`${displayPath(file)} sudah ada; permintaan tidak dibuat.\n`);
        return EXIT.findings;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, renderYaml(requestDocument(request, config.site.zone, Object.keys(config.site.hosting.plans))));

      const after = readRequests(config, dir);
      const had = new Set(before.findings.map(findingLine));
      const introduced = after.findings.filter((f) => !had.has(findingLine(f)));
      if (introduced.length) {
        fs.rmSync(file);
        for (const f of introduced) io.err(`${findingLine(f)}\n`);
        io.err(`Berkas ${displayPath(file)} tidak ditinggalkan: ${introduced.length} temuan; perbaiki nilainya lalu ulangi.\n`);
        return EXIT.findings;
      }
      io.out(`Ditulis: ${displayPath(file)}\n`);
      if (after.findings.length) io.out(`Catatan: ${after.findings.length} temuan lama di berkas lain tetap ada (pusdat validate); pull request ini baru lolos bila semuanya diperbaiki.\n`);

      if (!opts.skipPlan && !after.findings.length) {
        const { planLinesFor } = require("../new/plan-lines") as typeof import("../new/plan-lines");
        const lines = await planLinesFor(after, id, displayPath(file));
        io.out(`Yang akan dibangun setelah digabung (pusdat plan, hanya ${id}):\n`);
        for (const l of lines.length ? lines : ["tidak ada sumber daya"]) io.out(`  ${l}\n`);
      }

      const m = request.metadata;
      if (!top) {
        io.out(`Langkah berikutnya: pusdat validate, lalu commit berkas ini di cabang ${branch} (atau ulangi dengan --branch) dan buka pull request.\n`);
        return EXIT.ok;
      }
      const message = br.newRequestMessage({ id, kind: request.kind, opd: m.opd, purpose: m.purpose, number: m.notaDinas.number, date: m.notaDinas.date });
      return br.publish(io, { top, branch, file, message, openPr: opts.openPr });
    },
  };
}

export const newRequest = makeNewCommand();
