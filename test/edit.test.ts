/**
 * `pusdat resize` and `pusdat decommission`: edits in place that keep every comment and blank line
 * (byte-exact expected files), and refusals that leave the file untouched with the validator's words.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fixture, type TempProject, tempProject } from "./support/new-project";

const VM = "requests/vm/sibapo-app.yaml";
let p: TempProject;
beforeEach(() => (p = tempProject()));
afterEach(() => p.dispose());

const withCommented = () => fs.writeFileSync(path.join(p.dir, VM), fixture("edit/sibapo-app.yaml"));
const refused = (file: string, lines: string[]) => ({ code: 1, out: "", err: [...lines, `Ditolak: ${file} tidak diubah (${lines.length} temuan).`, ""].join("\n") });

describe("resize", () => {
  test("a VM grows in place; comments, blank lines and order stay", async () => {
    withCommented();
    const r = await p.run("resize", "sibapo-app", "--cpu", "4", "--memory-gb", "8", "--disk-gb", "60");
    expect(r).toEqual({
      code: 0,
      err: "",
      out: `Diubah: ${VM} (cpu 2 → 4, memoryGb 4 → 8, diskGb 40 → 60)\nPenambahan sumber daya (SOP 10, klaster lokal). Langkah berikutnya: commit di cabang penambahan/sibapo-app (atau ulangi dengan --branch) dan buka pull request.\n`,
    });
    expect(p.read(VM)).toBe(fixture("edit/sibapo-app.resized.yaml"));
  });

  test("a hosting plan changes (SOP 3) and nothing else in the file", async () => {
    const before = p.read("requests/hosting/disdik-web.yaml");
    const r = await p.run("resize", "disdik-web", "--plan", "besar");
    expect(r.code).toBe(0);
    expect(p.read("requests/hosting/disdik-web.yaml")).toBe(before.replace("  plan: sedang\n", "  plan: besar\n"));
  });

  test("the same value again changes nothing", async () => {
    expect(await p.run("resize", "sibapo-app", "--cpu", "2")).toEqual({ code: 0, out: `Tidak ada perubahan: ${VM} sudah berisi nilai itu.\n`, err: "" });
  });

  test.each([
    ["above the per-VM ceiling", ["--cpu", "12"], [`${VM}:18:8: cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti [vm-ceiling]`]],
    ["not a number: the schema's words", ["--cpu", "dua"], [`${VM}:18:8: spec.cpu: nilai "dua" tidak sah; yang diizinkan: bilangan bulat ≥ 1 (inti CPU) [schema]`]],
    ["a disk never shrinks", ["--disk-gb", "30"], ["disk sibapo-app menyusut dari 40 GB menjadi 30 GB; disk hanya boleh bertambah (requests/vm/sibapo-app.yaml)"]],
  ])("refused: %s", async (_n, flags, lines) => {
    const before = p.read(VM);
    expect(await p.run("resize", "sibapo-app", ...flags)).toEqual(refused(VM, lines));
    expect(p.read(VM)).toBe(before);
  });

  test("refused: the OPD total", async () => {
    const tight = tempProject({ policy: (c) => ({ ...c, "opd-totals": { ...(c["opd-totals"] as object), maxCores: 4 } }) });
    try {
      expect(await tight.run("resize", "sibapo-app", "--cpu", "5")).toEqual(
        refused(VM, [`${VM}:18:8: total CPU OPD "Dinas Perdagangan" menjadi 5 inti; batas per OPD 4 inti (sudah terpakai 0 inti) [opd-totals]`]),
      );
    } finally {
      tight.dispose();
    }
  });

  test("refused: the node's free capacity", async () => {
    const small = tempProject({ stack: (t) => t.replace(/memoryGb: 64/g, "memoryGb: 16") });
    try {
      const before = small.read(VM);
      expect(await small.run("resize", "sibapo-app", "--memory-gb", "20")).toEqual(
        refused(VM, [`${VM}:19:13: kapasitas memori node pve1 terlampaui: 20 GB dari 16 GB (16 GB × overcommit 1); sisa sebelum permintaan ini 16 GB [node-capacity]`]),
      );
      expect(small.read(VM)).toBe(before);
    } finally {
      small.dispose();
    }
  });

  test("refused: an unknown plan", async () => {
    expect(await p.run("resize", "disdik-web", "--plan", "jumbo")).toEqual(
      refused("requests/hosting/disdik-web.yaml", ['requests/hosting/disdik-web.yaml:18:9: paket "jumbo" tidak ada; yang diizinkan: kecil, sedang, besar [hosting-plan]']),
    );
  });

  test.each([
    ["a subdomain", ["sibapo", "--cpu", "2"], "resize hanya untuk VirtualMachine (SOP 10) dan HostingAccount (SOP 3); sibapo adalah Subdomain"],
    ["a plan for a VM", ["sibapo-app", "--plan", "besar"], "--plan hanya untuk akun hosting; sibapo-app adalah VirtualMachine (pakai --cpu, --memory-gb, --disk-gb)"],
    ["sizes for hosting", ["disdik-web", "--cpu", "2"], "--cpu, --memory-gb dan --disk-gb hanya untuk VM; disdik-web adalah HostingAccount (pakai --plan)"],
    ["nothing asked", ["sibapo-app"], "sebutkan paling sedikit satu dari --cpu, --memory-gb, --disk-gb"],
    ["a decommissioned VM", ["eoffice-lama", "--cpu", "2"], "permintaan eoffice-lama sudah dihentikan (decommissioned); sumber dayanya tidak dapat ditambah"],
    ["an unknown id", ["tidak-ada", "--cpu", "2"], `tidak ada permintaan dengan id "tidak-ada" di ${"<dir>"}/requests`],
  ])("usage: %s", async (_n, args, err) => {
    const r = await p.run("resize", ...args);
    expect(r).toEqual({ code: 2, out: "", err: `${err.replace("<dir>", fs.realpathSync(p.dir))}\n` });
  });
});

describe("decommission", () => {
  test("a VM with its final backup, written as the samples write it; comments stay", async () => {
    withCommented();
    const r = await p.run("decommission", "sibapo-app", "--nota-number", "000.8.3.3/201/DISDAG/2026", "--nota-date", "2026-11-21", "--final-backup", "vzdump-qemu-210-2026_11_21-02_00_00.vma.zst");
    expect(r).toEqual({
      code: 0,
      err: "",
      out: [
        `Diubah: ${VM} (status decommissioned, cadangan terakhir vzdump-qemu-210-2026_11_21-02_00_00.vma.zst dicatat)`,
        "Setelah digabung: VM dihentikan dan proteksinya dilepas; VMID, IP dan hostname tetap tercadang.",
        "Berkas ini boleh dihapus pada pull request berikutnya; saat itu sumber dayanya dimusnahkan.",
        "Langkah berikutnya: commit di cabang penghentian/sibapo-app (atau ulangi dengan --branch) dan buka pull request.",
        "",
      ].join("\n"),
    });
    expect(p.read(VM)).toBe(fixture("edit/sibapo-app.decommissioned.yaml"));
    expect((await p.run("validate")).code).toBe(0);
  });

  test("hosting first, the final backup later: the same text as written in one go", async () => {
    const file = "requests/hosting/kec-kota.yaml";
    const first = await p.run("decommission", "kec-kota", "--nota-number", "000.8.3.3/170/KEC-KOTA/2026", "--nota-date", "2026-11-21");
    expect(first.out).toBe([
      `Diubah: ${file} (status decommissioned)`,
      "Setelah digabung: akun cPanel ditangguhkan (suspend) dan rekaman DNS-nya dihapus; berkas akun tidak dihapus.",
      "Sebelum berkas dihapus, catat cadangan terakhir: pusdat decommission kec-kota --final-backup <nama-berkas>.",
      "Langkah berikutnya: commit di cabang penghentian/kec-kota (atau ulangi dengan --branch) dan buka pull request.",
      "",
    ].join("\n"));
    const later = await p.run("decommission", "kec-kota", "--final-backup", "cpmove-keckota-2026-11-21.tar.gz");
    expect(later.out.split("\n")[0]).toBe(`Diubah: ${file} (cadangan terakhir cpmove-keckota-2026-11-21.tar.gz dicatat)`);
    expect(p.read(file)).toBe(fixture("edit/kec-kota.decommissioned.yaml"));
  });

  test("an ApiAccess on the exchange: unsubscribed and revoked by the apply, no final backup; the edit is only the status and the memo", async () => {
    const file = "requests/api/harga-pangan.yaml";
    const before = p.read(file);
    const r = await p.run("decommission", "harga-pangan", "--nota-number", "500.2/140/DKP/2027", "--nota-date", "2027-02-01");
    expect(r).toEqual({
      code: 0,
      err: "",
      out: [
        `Diubah: ${file} (status decommissioned)`,
        "Setelah digabung: pusdat mencabut langganan HargaBahanPokok 1.0.0, API key dan kunci aplikasi pusdat-harga-pangan, lalu menghapus aplikasinya di server pertukaran data lokal; akses API tidak menyimpan data, tidak perlu cadangan terakhir.",
        "Langkah berikutnya: commit di cabang penghentian/harga-pangan (atau ulangi dengan --branch) dan buka pull request.",
        "",
      ].join("\n"),
    });
    expect(p.read(file)).toBe(
      before.replace("  purpose: Dasbor ketersediaan pangan memakai data harga harian dari SIBAPO\n", '$&  status: decommissioned\n  decommission:\n    notaDinas: { number: "500.2/140/DKP/2027", date: 2027-02-01 }\n'),
    );
    expect((await p.run("validate")).code).toBe(0);
    expect((await p.run("decommission", "harga-pangan", "--final-backup", "x.tar")).err).toBe(
      "--final-backup hanya untuk VirtualMachine dan HostingAccount; harga-pangan adalah ApiAccess dan tidak menyimpan data\n",
    );
  });

  test.each([
    ["a date before the request", "sibapo", ["--nota-number", "000.8.3.3/201/DISDAG/2026", "--nota-date", "2026-10-01"], "requests/subdomain/sibapo.yaml",
      ["requests/subdomain/sibapo.yaml:17:61: tanggal penghentian 2026-10-01 sebelum tanggal permohonan 2026-10-05; yang diizinkan: tanggal ≥ 2026-10-05 [decommission-date]"]],
    ["an impossible date", "sibapo", ["--nota-number", "000.8.3.3/201/DISDAG/2026", "--nota-date", "2026-02-30"], "requests/subdomain/sibapo.yaml",
      ['requests/subdomain/sibapo.yaml:17:61: metadata.decommission.notaDinas.date: nilai "2026-02-30" tidak sah; yang diizinkan: tanggal yang benar-benar ada di kalender (YYYY-MM-DD) [schema]']],
    ["a final backup name that is not a file name", "sibapo-app", ["--nota-number", "000.8.3.3/201/DISDAG/2026", "--nota-date", "2026-11-21", "--final-backup", "a b"], VM,
      [`${VM}:18:18: metadata.decommission.finalBackup: nilai "a b" tidak sah; yang diizinkan: nama berkas cadangan: huruf, angka, '.', '_', ':', '-', '/', 3–200 karakter [schema]`]],
  ])("refused: %s", async (_n, id, flags, file, lines) => {
    const before = p.read(file);
    expect(await p.run("decommission", id, ...flags)).toEqual(refused(file, lines));
    expect(p.read(file)).toBe(before);
  });

  test.each([
    ["a final backup for a subdomain", ["sibapo", "--nota-number", "000.8.3.3/201/DISDAG/2026", "--nota-date", "2026-11-21", "--final-backup", "x.tar"], "--final-backup hanya untuk VirtualMachine dan HostingAccount; sibapo adalah Subdomain dan tidak menyimpan data"],
    ["no memo number", ["sibapo", "--nota-date", "2026-11-21"], "--nota-number wajib diisi (nomor Nota Dinas penghentian)"],
    ["no memo date", ["sibapo", "--nota-number", "000.8.3.3/201/DISDAG/2026"], "--nota-date wajib diisi (tanggal Nota Dinas penghentian, YYYY-MM-DD)"],
    ["already decommissioned", ["pilkada2024", "--nota-number", "000.8.3.3/201/X/2026", "--nota-date", "2026-11-21"], "permintaan pilkada2024 sudah dihentikan (Nota Dinas 000.8.3.3/012/BAKESBANGPOL/2026)"],
    ["a final backup already recorded", ["eoffice-lama", "--final-backup", "x.tar"], "cadangan terakhir eoffice-lama sudah tercatat: vzdump-qemu-205-2026_09_01-02_00_00.vma.zst"],
  ])("usage: %s", async (_n, args, err) => {
    expect(await p.run("decommission", ...args)).toEqual({ code: 2, out: "", err: `${err}\n` });
  });
});
