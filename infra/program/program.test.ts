/**
 * The Pulumi program under Pulumi's mocks: the exact resources for the samples, their options,
 * secrets, decommissioning, removal safety, stable names and credentials.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { makeProject, sample } from "../../test/support/project";
import { type CapturedResource, isSecretValue, simulate } from "./simulate";

const REPO = path.resolve(__dirname, "../..");
const ENV = { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm.contohkab.go.id", WHM_API_TOKEN: "whm", PROXMOX_VE_API_TOKEN: "pve", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" };
const run = (root = REPO, extra: Partial<Parameters<typeof simulate>[0]> = {}) => simulate({ stack: "contoh", root, env: ENV, previous: {}, ...extra });
/** The sample requests' run, made once: several tests read it, none changes it. */
let samplesRun: ReturnType<typeof run> | undefined;
const samples = () => (samplesRun ??= run());

/** Unwraps secrets for reading values (secret-ness is asserted separately). */
function reveal(v: unknown): unknown {
  if (isSecretValue(v)) return reveal((v as { value: unknown }).value);
  if (Array.isArray(v)) return v.map(reveal);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reveal(x)]));
  return v;
}

const byName = (rs: CapturedResource[], type: string, name: string) => {
  const found = rs.filter((r) => r.type === type && r.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const custom = (rs: CapturedResource[]) => rs.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));

describe("the sample requests", () => {
  let sim: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    sim = await samples();
  });

  test("exactly these resources, no more (PDN requests build nothing; SPLP requests with spec.exchange their exchange resource)", () => {
    expect(sim.resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual(
      [
        "command:local:Command dinkes-web-account",
        "command:local:Command disdik-web-account",
        "command:local:Command kec-kota-account",
        "cloudflare:index/dnsRecord:DnsRecord dinkes-web-dns",
        "cloudflare:index/dnsRecord:DnsRecord disdik-web-dns",
        "cloudflare:index/dnsRecord:DnsRecord jdih-dns",
        "cloudflare:index/dnsRecord:DnsRecord kec-kota-dns",
        "cloudflare:index/dnsRecord:DnsRecord ppid-dns",
        "cloudflare:index/dnsRecord:DnsRecord satudata-dns",
        "cloudflare:index/dnsRecord:DnsRecord sibapo-dns",
        "proxmoxve:backup/job:Job backup-pve1",
        "proxmoxve:backup/job:Job backup-pve2",
        "proxmoxve:index/vmLegacy:VmLegacy eoffice-lama-vm",
        "proxmoxve:index/vmLegacy:VmLegacy sibapo-app-vm",
        "proxmoxve:index/vmLegacy:VmLegacy simpeg-db-vm",
        "pulumi-nodejs:dynamic/pusdat:SplpAccess harga-pangan-exchange",
        "pulumi-nodejs:dynamic/pusdat:SplpAccess simpeg-nik-exchange",
        "pulumi:providers:cloudflare cloudflare",
        "pulumi:providers:command command",
        "pulumi:providers:proxmoxve proxmoxve",
        "pulumi:providers:random random",
        "pusdat:index:ApiAccess harga-pangan",
        "pusdat:index:ApiAccess simpeg-nik",
        "pusdat:index:HostingAccount dinkes-web",
        "pusdat:index:HostingAccount disdik-web",
        "pusdat:index:HostingAccount kec-kota",
        "pusdat:index:NodeBackup backup-pve1",
        "pusdat:index:NodeBackup backup-pve2",
        "pusdat:index:Subdomain jdih",
        "pusdat:index:Subdomain pilkada2024",
        "pusdat:index:Subdomain ppid",
        "pusdat:index:Subdomain satudata",
        "pusdat:index:Subdomain sibapo",
        "pusdat:index:VirtualMachine eoffice-lama",
        "pusdat:index:VirtualMachine simpeg-db",
        "pusdat:index:VirtualMachine sibapo-app",
        "random:index/randomPassword:RandomPassword dinkes-web-password",
        "random:index/randomPassword:RandomPassword disdik-web-password",
        "random:index/randomPassword:RandomPassword kec-kota-password",
      ].sort(),
    );
  });

  test("every resource is a child of its request's component, with an explicit provider (the SPLP resource: the engine's dynamic provider)", () => {
    for (const r of custom(sim.resources)) {
      expect([r.name, r.parent.split("::").pop()]).toEqual([r.name, r.name.replace(/-(dns|account|password|vm|exchange)$/, "")]);
      if (r.type === "pulumi-nodejs:dynamic/pusdat:SplpAccess") expect(r.provider).toBe("");
      else expect(r.provider).toMatch(/^urn:pulumi:contoh::pusdat::pulumi:providers:(cloudflare|command|random|proxmoxve)::/);
    }
  });

  test("Subdomain → Cloudflare record: full name, automatic TTL when proxied, traceable comment and tags", () => {
    expect(byName(sim.resources, "cloudflare:index/dnsRecord:DnsRecord", "sibapo-dns").inputs).toEqual({
      zoneId: "0123456789abcdef0123456789abcdef",
      name: "sibapo.contohkab.go.id",
      type: "A",
      content: "203.0.113.10",
      proxied: true,
      ttl: 1,
      comment: "pusdat sibapo | Dinas Perdagangan | ND 000.8.3.3/123/DISDAG/2026",
      tags: ["nota-dinas:000.8.3.3-123-disdag-2026", "opd:dinas-perdagangan", "pusdat-id:sibapo"],
    });
    expect(byName(sim.resources, "cloudflare:index/dnsRecord:DnsRecord", "jdih-dns").inputs).toMatchObject({ type: "AAAA", content: "2001:db8:10::20", proxied: false, ttl: 3600 });
    expect(byName(sim.resources, "cloudflare:index/dnsRecord:DnsRecord", "satudata-dns").inputs).toMatchObject({ type: "CNAME", content: "portal.opendata.example.org", ttl: 1 });
  });

  test("HostingAccount → WHM command with fixed text, values only in a secret environment, and a record to the hosting server", () => {
    const cmd = byName(sim.resources, "command:local:Command", "disdik-web-account");
    expect(cmd.inputs.create).toBe("node scripts/whm.js create");
    expect(cmd.inputs.update).toBe("node scripts/whm.js update");
    expect(cmd.inputs.delete).toBe("node scripts/whm.js delete");
    expect(cmd.inputs.logging).toBe("none");
    expect(cmd.additionalSecretOutputs).toEqual(["stdout", "stderr"]);
    expect(isSecretValue(cmd.inputs.environment)).toBe(true);
    expect(reveal(cmd.inputs.environment)).toEqual({
      PUSDAT_USERNAME: "disdikweb",
      PUSDAT_DOMAIN: "disdik.contohkab.go.id",
      PUSDAT_PLAN: "sedang",
      PUSDAT_CONTACT_EMAIL: "siti.rahmawati@contohkab.go.id",
      PUSDAT_PASSWORD: "mock-password-disdik-web-password",
      PUSDAT_SUSPENDED: "false",
      PUSDAT_SUSPEND_REASON: "",
    });
    expect(reveal(byName(sim.resources, "command:local:Command", "dinkes-web-account").inputs.environment)).toMatchObject({ PUSDAT_CONTACT_EMAIL: "webmaster.dinkes@contohkab.go.id" });
    expect(byName(sim.resources, "cloudflare:index/dnsRecord:DnsRecord", "disdik-web-dns").inputs).toMatchObject({ name: "disdik.contohkab.go.id", type: "A", content: "203.0.113.5", ttl: 1 });
    expect(byName(sim.resources, "random:index/randomPassword:RandomPassword", "disdik-web-password").inputs).toEqual({
      length: 24, special: true, overrideSpecial: "-_.+=", minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1,
    });
  });

  test("VirtualMachine → VmLegacy cloned from the template, cloud-init with the pool address and SSH keys only", () => {
    expect(byName(sim.resources, "proxmoxve:index/vmLegacy:VmLegacy", "sibapo-app-vm").inputs).toEqual({
      nodeName: "pve1",
      migrate: true,
      vmId: 210,
      name: "sibapo-app",
      description: "pusdat: sibapo-app\nOPD: Dinas Perdagangan\nNota Dinas: 000.8.3.3/124/DISDAG/2026 (2026-10-05)\nKegunaan: Server aplikasi informasi harga bahan pokok (SIBAPO)\nPort: 22, 443",
      tags: ["nd-000.8.3.3-124-disdag-2026", "opd-dinas-perdagangan", "pusdat", "req-sibapo-app"],
      clone: { vmId: 9000, nodeName: "pve1", datastoreId: "local-lvm", full: true },
      cpu: { cores: 2, type: "x86-64-v2-AES" },
      memory: { dedicated: 4096 },
      disks: [{ interface: "scsi0", datastoreId: "local-lvm", size: 40, discard: "on", ssd: true, iothread: true }],
      networkDevices: [{ bridge: "vmbr0", model: "virtio" }],
      agent: { enabled: true },
      initialization: {
        datastoreId: "local-lvm",
        ipConfigs: [{ ipv4: { address: "10.20.30.15/24", gateway: "10.20.30.1" } }],
        userAccount: { username: "pusdat", keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOcontohKunciPublikRinaLaptopTidakNyata01 rina@laptop"] },
      },
      onBoot: true,
      started: true,
      protection: true,
    });
    expect(byName(sim.resources, "proxmoxve:index/vmLegacy:VmLegacy", "sibapo-app-vm").ignoreChanges).toEqual(["clone"]);
  });

  test("one backup job per node, covering its VMs; a decommissioned VM with a final backup is left out", () => {
    expect(byName(sim.resources, "proxmoxve:backup/job:Job", "backup-pve1").inputs).toEqual({
      resourceId: "backup-pve1", node: "pve1", vmids: ["210"], schedule: "*-*-* 02:00", storage: "cadangan-nfs", mode: "snapshot",
      pruneBackups: { "keep-daily": "7", "keep-weekly": "4", "keep-monthly": "3" }, enabled: true,
    });
    expect(byName(sim.resources, "proxmoxve:backup/job:Job", "backup-pve2").inputs.vmids).toEqual(["211"]);
  });

  test("protect is set on active accounts (and their passwords) and VMs, and only there", () => {
    expect(sim.resources.filter((r) => r.protect).map((r) => r.name).sort()).toEqual(
      ["dinkes-web-account", "dinkes-web-password", "disdik-web-account", "disdik-web-password", "kec-kota-account", "kec-kota-password", "sibapo-app-vm", "simpeg-db-vm"],
    );
  });

  test("a decommissioned VM is stopped, unprotected and off at boot; a decommissioned subdomain has no record", () => {
    expect(byName(sim.resources, "proxmoxve:index/vmLegacy:VmLegacy", "eoffice-lama-vm").inputs).toMatchObject({ started: false, onBoot: false, protection: false });
    expect(sim.resources.some((r) => r.name === "pilkada2024-dns")).toBe(false);
  });

  test("outputs per request; passwords only as a secret", async () => {
    const o = sim.outputs;
    expect(o.vms["sibapo-app"]).toEqual({ node: "pve1", vmid: 210, ip: "10.20.30.15", hostname: "sibapo-app", status: "active" });
    expect(o.hosting["disdik-web"]).toEqual({ username: "disdikweb", domain: "disdik.contohkab.go.id", ftpHost: "hosting.contohkab.go.id", plan: "sedang", status: "active" });
    expect(o.subdomains["sibapo"]).toEqual({ fullName: "sibapo.contohkab.go.id", status: "active", address: "203.0.113.10" });
    expect(o.subdomains["pilkada2024"]).toEqual({ fullName: "pilkada2024.contohkab.go.id", status: "decommissioned", address: null });
    expect(await pulumi.isSecret(o.hostingPasswords)).toBe(true);
    expect(JSON.stringify({ ...o, hostingPasswords: undefined })).not.toContain("mock-password");
    expect(o.manualSteps.map((m) => [m.id, m.kind, m.state])).toEqual([
      ["sipd-bappeda", "pdn-eticket", "submitted"],
      ["simpeg-nik", "splp", "awaiting-agreement"], // arrival order: Nota Dinas 2026-10-26
      ["harga-pangan", "splp", "awaiting-agreement"], // 2026-11-05
    ]);
  });

  test("the program's entry point (infra/index.ts) is this program", () => {
    expect(fs.readFileSync(path.join(REPO, "infra/index.ts"), "utf8")).toContain("export = runProgram(openProject({ stack: pulumi.getStack() }));");
  });
});

test("without a zone id in the stack, the zone is looked up by name", async () => {
  const root = makeProject();
  const stackFile = path.join(root, "Pulumi.contoh.yaml");
  fs.writeFileSync(stackFile, fs.readFileSync(stackFile, "utf8").replace(/^  pusdat:cloudflareZoneId: .*\n/m, ""));
  const sim = await run(root);
  expect(byName(sim.resources, "cloudflare:index/dnsRecord:DnsRecord", "sibapo-dns").inputs.zoneId).toBe("zone-by-name");
});

describe("decommissioning", () => {
  const decommission = { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/140/DISDIK/2027", date: "2027-02-01" } } };

  test("a decommissioned hosting account is suspended through update, unprotected, and its record removed", async () => {
    const sim = await run(makeProject({ "hosting/disdik-web": { metadata: decommission } }));
    const cmd = byName(sim.resources, "command:local:Command", "disdik-web-account");
    expect(cmd.protect).toBe(false);
    expect(reveal(cmd.inputs.environment)).toMatchObject({ PUSDAT_SUSPENDED: "true", PUSDAT_SUSPEND_REASON: "pusdat: dihentikan, Nota Dinas 000.8.3.3/140/DISDIK/2027 (2027-02-01)" });
    expect(sim.resources.some((r) => r.name === "disdik-web-dns")).toBe(false);
  });
});

describe("removal and moves are checked against the last deployment", () => {
  const previous = async (root: string) => (await (root === REPO ? samples() : run(root))).outputs.inventory;

  test("removing an active VM is refused, read from this stack's own outputs", async () => {
    const inventory = await previous(REPO);
    await expect(run(makeProject({ "vm/sibapo-app": null }), { previous: undefined, stackOutputs: { inventory } })).rejects.toThrow(
      "pusdat: perubahan ditolak; tidak ada yang diterapkan:\n  permintaan sibapo-app (VirtualMachine) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya",
    );
  });

  test("removing a decommissioned VM without a final backup is refused; with one it is destroyed", async () => {
    const noBackup = await previous(makeProject({ "vm/eoffice-lama": { metadata: { decommission: { finalBackup: null } } } }));
    await expect(run(makeProject({ "vm/eoffice-lama": null }), { previous: noBackup })).rejects.toThrow(
      "permintaan eoffice-lama (VirtualMachine) dihapus tanpa cadangan terakhir; isi metadata.decommission.finalBackup dan terapkan dulu, baru hapus berkasnya",
    );
    const sim = await run(makeProject({ "vm/eoffice-lama": null }), { previous: await previous(REPO) });
    expect(sim.resources.some((r) => r.name === "eoffice-lama-vm")).toBe(false);
  });

  test("a moved VM and a shrunk disk are refused", async () => {
    await expect(run(makeProject({ "vm/sibapo-app": { spec: { node: "pve2", diskGb: 30 } } }), { previous: await previous(REPO) })).rejects.toThrow(
      "pusdat: perubahan ditolak; tidak ada yang diterapkan:\n  node sibapo-app berubah dari pve1 menjadi pve2; node ditulis sekali dan tidak boleh diubah (memindahkan layanan yang berjalan berarti gangguan)\n  disk sibapo-app menyusut dari 40 GB menjadi 30 GB; disk hanya boleh bertambah",
    );
  });
});

describe("fail closed", () => {
  test("one invalid request stops the whole program before any resource is registered", async () => {
    const root = makeProject({ "vm/simpeg-db": { spec: { cpu: 12 } } });
    const sink: CapturedResource[] = [];
    await expect(simulate({ stack: "contoh", root, env: ENV, previous: {}, sink })).rejects.toThrow(
      `pusdat: 1 temuan; tidak ada yang diterapkan sampai semuanya diperbaiki:\n  ${root}/requests/vm/simpeg-db.yaml:17:8: cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti [vm-ceiling]`,
    );
    expect(sink).toEqual([]);
  });

  test("missing credentials are named, with what each must be, before anything runs", async () => {
    await expect(run(REPO, { env: { WHM_HOST: "h" } })).rejects.toThrow(
      [
        "pusdat: kredensial tidak ada di lingkungan:",
        "  CLOUDFLARE_API_TOKEN: token API Cloudflare dengan izin Zone:DNS:Edit dan Zone:DNS:Read pada zona stack (ditambah Zone:Zone:Read bila Zone ID tidak diisi)",
        "  WHM_API_TOKEN: token API WHM untuk root dengan ACL pembuatan akun, perubahan paket, ganti kata sandi (passwd) dan suspend akun",
        "  PROXMOX_VE_API_TOKEN: token API Proxmox user@realm!tokenid=uuid dengan hak VM.Allocate, VM.Clone, VM.Config.*, VM.PowerMgmt, VM.Audit, VM.Migrate, VM.Monitor, Datastore.AllocateSpace, Datastore.Audit, SDN.Use, Sys.Audit dan Sys.Modify (job cadangan); rinciannya di README",
        "  PUSDAT_SPLP_LOKAL_TOKEN: token Developer Portal WSO2 kanal pertukaran-lokal (cakupan apim:subscribe apim:app_manage apim:sub_manage apim:api_key); lebih baik sebagai rahasia stack: pulumi config set --secret splp:lokalToken",
        "  PUSDAT_SPLP_NASIONAL_TOKEN: token Developer Portal WSO2 kanal splp-nasional (cakupan apim:subscribe apim:app_manage apim:sub_manage apim:api_key); lebih baik sebagai rahasia stack: pulumi config set --secret splp:nasionalToken",
      ].join("\n"),
    );
  });
});

describe("resource names are stable", () => {
  test("adding and removing other requests changes no other resource's name or inputs", async () => {
    const key = (r: CapturedResource) => `${r.urn} ${JSON.stringify(reveal(r.inputs))}`;
    const base = new Set((await samples()).resources.filter((r) => r.name.startsWith("sibapo")).map(key));
    const extra = { ...sample("subdomain/ppid"), metadata: { ...(sample("subdomain/ppid").metadata as object), id: "baru" }, spec: { name: "baru", target: { ip: "203.0.113.99" } } };
    const changed = await run(makeProject({ "subdomain/jdih": null, "hosting/kec-kota": null }, { "subdomain/baru": extra }));
    expect(new Set(changed.resources.filter((r) => r.name.startsWith("sibapo")).map(key))).toEqual(base);
    expect(changed.resources.some((r) => r.name === "baru-dns")).toBe(true);
  });
});

/**
 * The official mocks pattern on the real entry point: set the mocks, then import infra/index.ts as
 * `pulumi up` would load it (through ts-node in production: splp-provider.test.ts loads it that way).
 * Here rather than beside infra/index.ts: jest would load the whole program again for another file.
 */
test("importing the program after setMocks registers the samples' resources and resolves the stack outputs", async () => {
  const names: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        names.push(`${a.type} ${a.name}`);
        return a.type === "pulumi:pulumi:StackReference"
          ? { id: a.name, state: { outputs: {} } }
          : { id: `${a.name}-id`, state: { ...a.inputs, ...(a.type.startsWith("random:") ? { result: "mock" } : {}) } };
      },
      call: (a) => a.inputs,
    },
    "pusdat",
    "contoh",
    false,
    "organization",
  );
  Object.assign(process.env, { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" });
  const outputs = await (require("../index") as Promise<{ vms: Record<string, unknown>; inventory: Record<string, unknown> }>);
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
  expect(Object.keys(outputs.vms).sort()).toEqual(["eoffice-lama", "sibapo-app", "simpeg-db"]);
  expect(Object.keys(outputs.inventory)).toHaveLength(14);
  expect(names).toContain("pulumi:pulumi:StackReference organization/pusdat/contoh");
  expect(names.filter((n) => n.startsWith("proxmoxve:index/vmLegacy:VmLegacy"))).toHaveLength(3);
});
