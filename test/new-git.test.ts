/** `pusdat new` in a real repository: --branch commits on permintaan/<id>; a colleague's pushed branch holds what it names. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gitRepo } from "./support/project";
import { REQUESTER, SSH_KEY, tempProject } from "./support/new-project";
import { sample } from "./support/project";
import { tempDir } from "./support/tmp";

const COMMON = ["--yes", "--skip-plan", ...REQUESTER];
const KEY = SSH_KEY;
const VM = ["--location", "pusat-komputasi", "--hostname", "portal-desa-app", "--cpu", "2", "--memory-gb", "4", "--disk-gb", "40", "--os", "ubuntu-24.04", "--ssh-key", KEY];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The identity `git config user.name/user.email` would set, written straight into the repository's config. */
const IDENTITY = "[user]\n\tname = Teknisi Uji\n\temail = teknisi@contohkab.go.id\n";

function repository() {
  const repo = gitRepo();
  dirs.push(repo.dir);
  fs.appendFileSync(path.join(repo.dir, ".git/config"), IDENTITY);
  return { repo, project: tempProject({ into: repo.dir }) };
}

describe("--branch", () => {
  test("commits the file alone on permintaan/<id>, citing the Nota Dinas, and prints the push and PR commands", async () => {
    const { repo, project } = repository();
    const r = await project.run("new", "subdomain", "--branch", "--id", "portal-desa", ...COMMON, "--name", "portal-desa", "--ip", "203.0.113.20");
    expect(r).toEqual({
      code: 0,
      err: "",
      out: [
        "Ditulis: requests/subdomain/portal-desa.yaml",
        "Cabang permintaan/portal-desa dibuat; berkas di-commit: Permintaan portal-desa (Subdomain): Nota Dinas 000.8.3.3/160/DPMD/2026 tanggal 2026-11-20",
        "Langkah berikutnya:",
        "  git push -u origin permintaan/portal-desa",
        "  gh pr create --base main --head permintaan/portal-desa --fill",
        "",
      ].join("\n"),
    });
    expect(repo.git("branch", "--show-current")).toBe("permintaan/portal-desa\n");
    expect(repo.git("log", "-1", "--format=%B")).toBe(
      "Permintaan portal-desa (Subdomain): Nota Dinas 000.8.3.3/160/DPMD/2026 tanggal 2026-11-20\n\nOPD: Dinas Pemberdayaan Masyarakat dan Desa\nKegunaan: Portal profil desa dan layanan administrasi warga\n\n",
    );
    expect(repo.git("show", "--name-status", "--format=", "HEAD")).toBe("A\trequests/subdomain/portal-desa.yaml\n");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  test("an existing branch of that name is refused before anything is written", async () => {
    const { repo, project } = repository();
    repo.git("branch", "permintaan/portal-desa");
    const r = await project.run("new", "subdomain", "--branch", "--id", "portal-desa", ...COMMON, "--name", "portal-desa", "--ip", "203.0.113.20");
    expect(r).toEqual({ code: 2, out: "", err: "cabang permintaan/portal-desa sudah ada; pilih id lain atau hapus cabang itu dulu\n" });
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  test("--open-pr without gh says so and leaves the push to the technician", async () => {
    const { repo, project } = repository();
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-bin-"));
    dirs.push(bin);
    fs.symlinkSync(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim(), path.join(bin, "git"));
    const PATH = process.env.PATH;
    process.env.PATH = bin;
    try {
      const r = await project.run("new", "subdomain", "--branch", "--open-pr", "--id", "portal-desa", ...COMMON, "--name", "portal-desa", "--ip", "203.0.113.20");
      expect(r.err).toBe("gh (GitHub CLI) tidak ditemukan; jalankan dua perintah di atas sendiri.\n");
      expect(r.code).toBe(0);
    } finally {
      process.env.PATH = PATH;
    }
    expect(repo.git("branch", "--show-current")).toBe("permintaan/portal-desa\n");
  });

  test("--branch outside a repository is a usage error", async () => {
    const project = tempProject();
    dirs.push(project.dir);
    const r = await project.run("new", "subdomain", "--branch", "--id", "portal-desa", ...COMMON, "--name", "portal-desa", "--ip", "203.0.113.20");
    expect(r).toEqual({ code: 2, out: "", err: "--branch memerlukan repositori git; folder permintaan tidak berada di dalam repositori\n" });
  });
});

describe("--branch on an edit", () => {
  test("resize commits on penambahan/<id>, naming the change", async () => {
    const { repo, project } = repository();
    const r = await project.run("resize", "sibapo-app", "--cpu", "4", "--disk-gb", "60", "--branch");
    expect(r.out.split("\n").slice(1)).toEqual([
      "Cabang penambahan/sibapo-app dibuat; berkas di-commit: Penambahan sumber daya sibapo-app (SOP 10, klaster lokal): cpu 2 → 4, diskGb 40 → 60",
      "Langkah berikutnya:",
      "  git push -u origin penambahan/sibapo-app",
      "  gh pr create --base main --head penambahan/sibapo-app --fill",
      "",
    ]);
    expect(repo.git("show", "--name-status", "--format=%s", "HEAD")).toBe(
      "Penambahan sumber daya sibapo-app (SOP 10, klaster lokal): cpu 2 → 4, diskGb 40 → 60\n\nM\trequests/vm/sibapo-app.yaml\n",
    );
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  test("decommission commits on penghentian/<id> citing the Nota Dinas; the final backup later on cadangan/<id>", async () => {
    const { repo, project } = repository();
    await project.run("decommission", "kec-kota", "--nota-number", "000.8.3.3/170/KEC-KOTA/2026", "--nota-date", "2026-11-21", "--branch");
    expect(repo.git("log", "-1", "--format=%s")).toBe("Penghentian kec-kota (HostingAccount): Nota Dinas 000.8.3.3/170/KEC-KOTA/2026 tanggal 2026-11-21\n");
    const later = await project.run("decommission", "kec-kota", "--final-backup", "cpmove-keckota-2026-11-21.tar.gz", "--branch");
    expect(later.code).toBe(0);
    expect(repo.git("log", "-2", "--format=%D|%s")).toBe(
      "HEAD -> cadangan/kec-kota|Cadangan terakhir kec-kota (HostingAccount): cpmove-keckota-2026-11-21.tar.gz\npenghentian/kec-kota|Penghentian kec-kota (HostingAccount): Nota Dinas 000.8.3.3/170/KEC-KOTA/2026 tanggal 2026-11-21\n",
    );
  });

  test("a refused edit creates no branch", async () => {
    const { repo, project } = repository();
    const r = await project.run("resize", "sibapo-app", "--cpu", "12", "--branch");
    expect(r.code).toBe(1);
    expect(repo.git("branch", "--list")).toBe("* main\n");
  });
});

describe("a colleague's branch pushed to origin", () => {
  // The colleague's push and our fetch happen once; each test works in its own copy of the result.
  let template: string;
  beforeAll(() => {
    const repo = gitRepo();
    fs.appendFileSync(path.join(repo.dir, ".git/config"), IDENTITY);
    const origin = tempDir("origin");
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", origin]);
    repo.git("remote", "add", "origin", origin);
    repo.git("push", "-q", "origin", "main");
    repo.git("switch", "-q", "-c", "permintaan/lain");
    const vm = sample("vm/sibapo-app") as { metadata: object; spec: object };
    repo.add("vm/lain-app", { ...vm, metadata: { ...vm.metadata, id: "lain-app" }, spec: { ...vm.spec, hostname: "lain-app", cpu: 4, memoryGb: 8, node: "pve1", vmid: 200, ip: "10.20.30.10" } });
    const sub = sample("subdomain/ppid") as { metadata: object; spec: object };
    repo.add("subdomain/lain", { ...sub, metadata: { ...sub.metadata, id: "lain" }, spec: { name: "portal-desa", target: { ip: "203.0.113.30" } } });
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "Permintaan rekan");
    repo.git("push", "-q", "-u", "origin", "permintaan/lain");
    repo.git("switch", "-q", "main");
    repo.git("branch", "-q", "-D", "permintaan/lain");
    repo.git("fetch", "-q", "origin");
    template = repo.dir;
  });

  function withColleague() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-proj-"));
    dirs.push(dir);
    fs.cpSync(template, dir, { recursive: true });
    expect(fs.existsSync(path.join(dir, "requests/vm/lain-app.yaml"))).toBe(false);
    return tempProject({ into: dir });
  }

  test("its VMID and IP are skipped and its VM counts on the node", async () => {
    const project = withColleague();
    const r = await project.run("new", "vm", "--id", "portal-desa-app", ...COMMON, ...VM);
    expect(r.out.split("\n")[0]).toBe("Dialokasikan: node pve2, VMID 201, IP 10.20.30.11");
    expect(r.code).toBe(0);
  });

  test("its subdomain name is refused, naming the branch", async () => {
    const project = withColleague();
    const r = await project.run("new", "subdomain", "--id", "portal-desa", ...COMMON, "--name", "portal-desa", "--ip", "203.0.113.20");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "--name: nama portal-desa.contohkab.go.id sudah dipakai oleh origin/permintaan/lain:requests/subdomain/lain.yaml; nama lengkap harus unik; yang masih bebas, mis.: portal-desa-2\n",
    });
  });
});
