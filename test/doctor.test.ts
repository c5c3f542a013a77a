/**
 * `pusdat doctor`: the needed Proxmox privileges per path (pure, from the samples), and the command
 * against Proxmox- and Cloudflare-shaped servers on 127.0.0.1 (closed after each test): once as a
 * real process, otherwise in this process with the same environment.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { planProject } from "../infra/core/plan";
import { openProject } from "../infra/core/project";
import { cloudflareProblems, missingPrivileges, proxmoxNeeds } from "../infra/doctor/checks";
import { testProject } from "./support/project";
import { runInEnv } from "./support/run";
import { spawnCollect } from "./support/spawn";

const BIN = path.resolve(__dirname, "../scripts/pusdat.js");
const PVE_TOKEN = "pusdat@pve!ci=00000000-0000-0000-0000-000000000000";
const CF_TOKEN = "cf-token-uji";

const root = testProject();
const project = openProject({ root });
if (!project.ok) throw new Error("invalid sample project");
const needs = proxmoxNeeds(planProject(project).desired, project.site);
const CONFIG = ["VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.Config.Cloudinit", "VM.Config.HWType"];

test("the needed privileges, path by path, from the sample requests", () => {
  expect(needs.map((n) => `${n.path}: ${n.privileges.join(" ")}`)).toEqual([
    "/: Sys.Audit Sys.Modify",
    `/vms/205: VM.Allocate VM.Audit VM.PowerMgmt VM.Migrate ${CONFIG.join(" ")}`,
    `/vms/210: VM.Allocate VM.Audit VM.PowerMgmt VM.Migrate ${CONFIG.join(" ")}`,
    `/vms/211: VM.Allocate VM.Audit VM.PowerMgmt VM.Migrate ${CONFIG.join(" ")}`,
    "/vms/9000: VM.Clone VM.Audit",
    "/vms/9001: VM.Clone VM.Audit",
    "/vms/9002: VM.Clone VM.Audit",
    "/storage/local-lvm: Datastore.AllocateSpace Datastore.Audit",
    "/storage/cadangan-nfs: Datastore.Audit",
    "/sdn/zones/localnetwork/vmbr0: SDN.Use",
  ]);
});

/** Granted privileges; the value is the propagate flag, 0 or 1 (a 0 is still granted). */
const all = (privs: string[]) => Object.fromEntries(privs.map((p, i) => [p, i % 2]));

test("missing privileges are named with the path and the calls that need them", () => {
  const answers = Object.fromEntries(needs.map((n) => [n.path, { [n.path]: all(n.privileges) }]));
  expect(missingPrivileges(needs, answers)).toEqual([]);
  answers["/"] = { "/": all(["Sys.Audit"]) };
  delete answers["/vms/9000"];
  expect(missingPrivileges(needs, answers)).toEqual([
    "Proxmox /: tidak ada Sys.Modify (GET /cluster/resources, GET/POST/PUT /cluster/backup (job cadangan))",
    "Proxmox /vms/9000: tidak ada VM.Clone, VM.Audit (templat 9000: POST /nodes/{node}/qemu/9000/clone)",
  ]);
});

test.each<[string, Parameters<typeof cloudflareProblems>[0], boolean, string[]]>([
  ["an active token that reads the zone", { verify: { success: true, result: { status: "active" } }, records: { success: true } }, true, []],
  ["a disabled token", { verify: { success: true, result: { status: "disabled" } }, records: null }, true, ["Cloudflare: token tidak aktif atau ditolak (GET /user/tokens/verify, status disabled)"]],
  ["no DNS permission", { verify: { success: true, result: { status: "active" } }, records: { success: false, errors: [{ code: 10000, message: "Authentication error" }] } }, true, [
    "Cloudflare: rekaman DNS zona contohkab.go.id tidak dapat dibaca (10000 Authentication error); beri izin Zone → DNS → Edit pada zona ini",
  ]],
  ["no zone id and no Zone Read", { verify: { success: true, result: { status: "active" } }, records: null, zone: { success: true, result: [] } }, false, [
    "Cloudflare: zona contohkab.go.id tidak dapat dicari (GET /zones?name=contohkab.go.id); beri izin Zone → Zone → Read, atau isi pusdat:cloudflareZoneId",
  ]],
])("Cloudflare: %s", (_name, answers, withZoneId, expected) => {
  const site = withZoneId ? project.site : { ...project.site, cloudflareZoneId: undefined };
  expect(cloudflareProblems(answers, site)).toEqual(expected);
});

describe("the command against servers on 127.0.0.1", () => {
  let servers: http.Server[] = [];
  const seen: string[] = [];
  afterEach(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    servers = [];
    seen.length = 0;
  });

  async function serve(handler: (req: http.IncomingMessage) => { status: number; body: unknown } | "hang"): Promise<string> {
    const s = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      const a = handler(req);
      if (a === "hang") return;
      res.writeHead(a.status, { "Content-Type": "application/json" }).end(JSON.stringify(a.body));
    });
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    servers.push(s);
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }

  const proxmox = (deny: Record<string, string[]> = {}) =>
    serve((req) => {
      const p = new URL(req.url!, "http://x").searchParams.get("path")!;
      const n = needs.find((x) => x.path === p)!;
      return { status: 200, body: { data: { [p]: all(n.privileges.filter((x) => !(deny[p] ?? []).includes(x))) } } };
    });
  const cloudflare = (dnsOk = true) =>
    serve((req) =>
      req.url === "/client/v4/user/tokens/verify"
        ? { status: 200, body: { success: true, result: { id: "x", status: "active" } } }
        : dnsOk ? { status: 200, body: { success: true, result: [] } } : { status: 403, body: { success: false, errors: [{ code: 10000, message: "Authentication error" }] } },
    );

  /** What doctor reads from the environment: the child process below has only PATH and the test's values. */
  const READS = ["PROXMOX_VE_ENDPOINT", "PROXMOX_VE_API_TOKEN", "PUSDAT_CLOUDFLARE_API", "CLOUDFLARE_API_TOKEN"];
  const doctor = (env: Record<string, string>, ...args: string[]) =>
    runInEnv(root, { ...Object.fromEntries(READS.map((k) => [k, undefined])), ...env }, "doctor", ...args);

  const doctorProcess = (env: Record<string, string>, ...args: string[]) =>
    spawnCollect(process.execPath, [BIN, "doctor", ...args], { cwd: root, env: { PATH: process.env.PATH!, ...env } });

  test("everything granted, the real process: exit 0; the tokens only in headers", async () => {
    const env = { PROXMOX_VE_ENDPOINT: await proxmox(), PROXMOX_VE_API_TOKEN: PVE_TOKEN, PUSDAT_CLOUDFLARE_API: `${await cloudflare()}/client/v4`, CLOUDFLARE_API_TOKEN: CF_TOKEN };
    const r = await doctorProcess(env);
    expect(r).toEqual({
      code: 0,
      out: [
        "ok: Proxmox: semua hak ada pada 10 path",
        "ok: Cloudflare: token aktif dan rekaman DNS zona contohkab.go.id dapat dibaca (izin Edit hanya terbukti saat menerapkan)",
        "Semua izin yang dapat diperiksa tersedia.",
        "",
      ].join("\n"),
      err: "",
    });
    expect(seen).toContain(`GET /api2/json/access/permissions?path=%2Fvms%2F9000 PVEAPIToken=${PVE_TOKEN}`);
    expect(seen).toContain(`GET /client/v4/zones/0123456789abcdef0123456789abcdef/dns_records?per_page=1 Bearer ${CF_TOKEN}`);
    expect(r.out).not.toContain(CF_TOKEN);
  }, 60_000);

  test("missing privileges and no DNS access: named, exit 1", async () => {
    const env = {
      PROXMOX_VE_ENDPOINT: await proxmox({ "/": ["Sys.Modify"], "/sdn/zones/localnetwork/vmbr0": ["SDN.Use"] }), PROXMOX_VE_API_TOKEN: PVE_TOKEN,
      PUSDAT_CLOUDFLARE_API: `${await cloudflare(false)}/client/v4`, CLOUDFLARE_API_TOKEN: CF_TOKEN,
    };
    const r = await doctor(env);
    expect([r.code, r.out]).toEqual([1, [
      "KURANG: Proxmox /: tidak ada Sys.Modify (GET /cluster/resources, GET/POST/PUT /cluster/backup (job cadangan))",
      "KURANG: Proxmox /sdn/zones/localnetwork/vmbr0: tidak ada SDN.Use (kartu jaringan pada bridge vmbr0)",
      "KURANG: Cloudflare: rekaman DNS zona contohkab.go.id tidak dapat dibaca (10000 Authentication error); beri izin Zone → DNS → Edit pada zona ini",
      "3 masalah izin; perbaiki token sebelum menerapkan.",
      "",
    ].join("\n")]);
  }, 60_000);

  test("a server that never answers: the timeout is said; no tokens: named", async () => {
    const hang = await serve(() => "hang");
    const r = await doctor({ PROXMOX_VE_ENDPOINT: hang, PROXMOX_VE_API_TOKEN: PVE_TOKEN }, "--timeout", "0.5");
    expect([r.code, r.out]).toEqual([1, [
      `KURANG: Proxmox ${hang}: tidak menjawab dalam 0.5 detik`,
      "KURANG: CLOUDFLARE_API_TOKEN tidak ada di lingkungan",
      "2 masalah izin; perbaiki token sebelum menerapkan.",
      "",
    ].join("\n")]);
  }, 60_000);
});
