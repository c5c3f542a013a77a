/** The planner as plain data: what each request becomes, without Pulumi. */
import { ctx, req } from "../../../test/support/requests";
import { planResources } from "./desired";

const plan = (...rs: ReturnType<typeof req>[]) => {
  const c = ctx(rs);
  return planResources(c.requests, c.site);
};
const decommission = (date = "2027-02-01", finalBackup?: string, metadata: object = {}) => ({
  metadata: { ...metadata, status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/140/X/2027", date }, ...(finalBackup ? { finalBackup } : {}) } },
});

describe("Subdomain", () => {
  test.each([
    ["proxied A record, automatic TTL", req("subdomain/sibapo"), { type: "A", content: "203.0.113.10", proxied: true, ttl: 1 }],
    ["AAAA, not proxied, explicit TTL", req("subdomain/jdih"), { type: "AAAA", content: "2001:db8:10::20", proxied: false, ttl: 3600 }],
    ["CNAME", req("subdomain/satudata"), { type: "CNAME", content: "portal.opendata.example.org", proxied: true, ttl: 1 }],
  ])("%s", (_n, r, record) => {
    expect(plan(r).subdomains[0]!.record).toMatchObject({ name: `${r.request.metadata.id}-dns`, ...record });
  });

  test("decommissioned: the name stays, the record goes", () => {
    expect(plan(req("subdomain/sibapo", decommission())).subdomains).toEqual([{ id: "sibapo", status: "decommissioned", fullName: "sibapo.contohkab.go.id", record: null }]);
  });
});

describe("HostingAccount", () => {
  test("active: protected, not suspended, a record to the hosting server, contact e-mail defaulted", () => {
    expect(plan(req("hosting/disdik-web")).hosting).toEqual([
      {
        id: "disdik-web", status: "active", username: "disdikweb", domain: "disdik.contohkab.go.id", plan: "sedang",
        contactEmail: "siti.rahmawati@contohkab.go.id", suspended: false, suspendReason: "", ftpHost: "hosting.contohkab.go.id", protect: true, passwordRotation: "",
        record: {
          name: "disdik-web-dns", fullName: "disdik.contohkab.go.id", type: "A", content: "203.0.113.5", proxied: true, ttl: 1,
          comment: "pusdat disdik-web | Dinas Pendidikan | ND 400.3/210/DISDIK/2026",
          tags: ["nota-dinas:400.3-210-disdik-2026", "opd:dinas-pendidikan", "pusdat-id:disdik-web"],
        },
      },
    ]);
  });

  test("decommissioned: suspended with the Nota Dinas as reason, unprotected, no record", () => {
    expect(plan(req("hosting/disdik-web", decommission())).hosting[0]).toMatchObject({
      suspended: true, suspendReason: "pusdat: dihentikan, Nota Dinas 000.8.3.3/140/X/2027 (2027-02-01)", protect: false, record: null,
    });
  });
});

describe("VirtualMachine", () => {
  test("local: cloned from its template, pool address with prefix, gateway and bridge, MB of memory", () => {
    expect(plan(req("vm/sibapo-app")).vms[0]).toMatchObject({
      name: "sibapo-app-vm", node: "pve1", vmid: 210, cores: 2, memoryMb: 4096, diskGb: 40, template: { node: "pve1", vmid: 9000 },
      ipCidr: "10.20.30.15/24", gateway: "10.20.30.1", bridge: "vmbr0", adminUser: "pusdat", started: true, onBoot: true, protection: true, protect: true,
    });
  });

  test("decommissioned: stopped, off at boot, unprotected", () => {
    expect(plan(req("vm/eoffice-lama")).vms[0]).toMatchObject({ started: false, onBoot: false, protection: false, protect: false });
  });

  test("PDN: nothing built, an e-Tiket step instead; decommissioned PDN: no step", () => {
    const d = plan(req("vm/sipd-bappeda"), req("vm/sipd-bappeda", { spec: { hostname: "pdn-lama" }, ...decommission("2027-02-01", undefined, { id: "pdn-lama" }) }));
    expect(d.vms).toEqual([]);
    expect(d.manual.map((m) => [m.id, m.kind, m.state])).toEqual([["sipd-bappeda", "pdn-eticket", "submitted"]]);
  });

  test.each([
    [undefined, "not-submitted", "Ajukan e-Tiket VPS ke PDN"],
    [{ ticket: "PDN-1", state: "approved" }, "approved", "Tiket PDN-1 disetujui"],
    [{ ticket: "PDN-1", state: "active", address: "198.51.100.7" }, "active", "VPS PDN aktif di 198.51.100.7 (tiket PDN-1)"],
    [{ ticket: "PDN-1", state: "rejected" }, "rejected", "Tiket PDN-1 ditolak PDN"],
  ])("the e-Tiket step follows pdn.state: %j", (pdn, state, start) => {
    const step = plan(req("vm/sipd-bappeda", { spec: { pdn: pdn ?? null } })).manual[0]!;
    expect([step.state, step.text.startsWith(start)]).toEqual([state, true]);
  });
});

describe("backup jobs", () => {
  test("one per node with VMs, sorted VMIDs; a decommissioned VM stays until its final backup is recorded", () => {
    const d = plan(
      req("vm/sibapo-app"),
      req("vm/sibapo-app", { metadata: { id: "vb" }, spec: { hostname: "vb", vmid: 205, ip: "10.20.30.40" } }),
      req("vm/sibapo-app", { spec: { hostname: "vc", vmid: 300, ip: "10.20.30.41", node: "pve2" }, ...decommission("2027-02-01", undefined, { id: "vc" }) }),
      req("vm/sibapo-app", { spec: { hostname: "ve", vmid: 301, ip: "10.20.30.42", node: "pve2" }, ...decommission("2027-02-01", "vzdump-qemu-301.vma.zst", { id: "ve" }) }),
    );
    expect(d.backups.map((b) => [b.name, b.node, b.vmids])).toEqual([["backup-pve1", "pve1", ["205", "210"]], ["backup-pve2", "pve2", ["300"]]]);
    expect(d.backups[0]).toMatchObject({ schedule: "*-*-* 02:00", storage: "cadangan-nfs", mode: "snapshot", pruneBackups: { "keep-daily": "7", "keep-weekly": "4", "keep-monthly": "3" } });
  });
});

test("SPLP without spec.exchange: a registration step while active, a revocation step once decommissioned, nothing provisioned", () => {
  const manualOnly = { spec: { exchange: null } };
  const d = plan(req("api/harga-pangan", manualOnly), req("api/simpeg-nik", { ...decommission("2027-02-01"), ...manualOnly }));
  expect(d.manual.map((m) => [m.id, m.kind, m.state])).toEqual([
    ["simpeg-nik", "splp", "decommissioned"],
    ["harga-pangan", "splp", "awaiting-registration"],
  ]);
  expect(d.manual[0]!.text).toBe("Cabut kredensial SIMPEG Kabupaten Contoh untuk Layanan Verifikasi NIK di portal SPLP nasional.");
  expect(d.apiAccess).toEqual([]);
});

test("SPLP with spec.exchange: pusdat provisions the exchange resource; only the agreement stays manual; decommissioned = no resource", () => {
  const d = plan(req("api/harga-pangan"), req("api/simpeg-nik", decommission("2027-02-01")));
  expect(d.manual.map((m) => [m.id, m.kind, m.state])).toEqual([["harga-pangan", "splp", "awaiting-agreement"]]);
  expect(d.apiAccess).toEqual([
    { id: "simpeg-nik", status: "decommissioned", channel: "splp-nasional", providerOpd: "Dinas Kependudukan dan Pencatatan Sipil", auth: "oauth2", exchange: null },
    {
      id: "harga-pangan",
      status: "active",
      channel: "pertukaran-lokal",
      providerOpd: "Dinas Perdagangan",
      auth: "api-key",
      exchange: {
        name: "harga-pangan-exchange",
        inputs: {
          channel: "pertukaran-lokal",
          baseUrl: "https://splp.contohkab.go.id:9443",
          tokenConfig: "splp:lokalToken",
          tokenEnv: "PUSDAT_SPLP_LOKAL_TOKEN",
          application: "pusdat-harga-pangan",
          description: "pusdat harga-pangan: Dasbor Ketahanan Pangan (Dinas Ketahanan Pangan)",
          api: "HargaBahanPokok",
          version: "1.0.0",
          tier: "Silver",
          auth: "api-key",
          apiKeyValidityDays: 90,
          timeoutMs: 15000,
          insecureTls: false,
        },
      },
    },
  ]);
});
