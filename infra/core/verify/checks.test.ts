import { fixtureProject, fixtureRequest } from "../../../test/support/verify-fixture";
import { NO_EXCHANGE } from "./api";
import { checksFor, needs } from "./checks";
import type { Change, CheckSpec } from "./types";

const site = () => fixtureProject().site;
const specs = (id: string, change: Change) => checksFor({ id, change, request: fixtureRequest(id) }, site());

describe("checksFor: which checks each request needs", () => {
  test.each<[string, Change, CheckSpec[]]>([
    [
      "sibapo",
      "create",
      [
        { name: "dns", probe: "dns-resolves", fqdn: "sibapo.uji.test", type: "A" },
        { name: "https", probe: "https", fqdn: "sibapo.uji.test" },
        { name: "tls", probe: "tls", fqdn: "sibapo.uji.test" },
      ],
    ],
    ["ppid", "update", [{ name: "dns", probe: "dns-equals", fqdn: "ppid.uji.test", type: "A", expect: ["203.0.113.20"] }]],
    ["jdih", "create", [{ name: "dns", probe: "dns-equals", fqdn: "jdih.uji.test", type: "CNAME", expect: ["jdih.example.org"] }]],
    ["sibapo", "remove", [{ name: "dns", probe: "dns-absent", fqdn: "sibapo.uji.test", type: "A" }]],
    [
      "disdik-web",
      "create",
      [
        { name: "whm-account", probe: "whm-account", user: "disdikweb", want: { state: "active", plan: "sedang" } },
        { name: "dns", probe: "dns-resolves", fqdn: "disdik.uji.test", type: "A" },
        { name: "https", probe: "https", fqdn: "disdik.uji.test" },
        { name: "tls", probe: "tls", fqdn: "disdik.uji.test" },
        { name: "origin", probe: "https-origin", fqdn: "disdik.uji.test", address: "127.0.0.1" },
        { name: "cpanel-login", probe: "cpanel-login", id: "disdik-web", user: "disdikweb" },
      ],
    ],
    [
      "kec-lama",
      "decommission",
      [
        { name: "whm-account", probe: "whm-account", user: "keclama", want: { state: "suspended" } },
        { name: "dns", probe: "dns-absent", fqdn: "keclama.uji.test", type: "A" },
      ],
    ],
    [
      "disdik-web",
      "remove",
      [
        { name: "whm-account", probe: "whm-account", user: "disdikweb", want: { state: "removed" } },
        { name: "dns", probe: "dns-absent", fqdn: "disdik.uji.test", type: "A" },
      ],
    ],
    [
      "sibapo-app",
      "update",
      [
        { name: "proxmox-status", probe: "pve-status", node: "pve1", vmid: 210, want: "running" },
        { name: "proxmox-config", probe: "pve-config", node: "pve1", vmid: 210, cpu: 2, memoryGb: 4, diskGb: 40 },
        { name: "guest-agent-ip", probe: "pve-agent-ip", node: "pve1", vmid: 210, ip: "127.0.0.1" },
        { name: "tcp-22", probe: "tcp", host: "127.0.0.1", port: 22, ssh: true },
        { name: "tcp-443", probe: "tcp", host: "127.0.0.1", port: 443, ssh: false },
      ],
    ],
    ["eoffice-lama", "decommission", [{ name: "proxmox-status", probe: "pve-status", node: "pve1", vmid: 211, want: "stopped" }]],
    ["sibapo-app", "remove", [{ name: "proxmox-status", probe: "pve-status", node: "pve1", vmid: 210, want: "gone" }]],
    ["sipd-uji", "create", [{ name: "tcp-22", probe: "tcp", host: "127.0.0.1", port: 22, ssh: true }]],
    [
      "sipd-antre",
      "create",
      [{ name: "pdn", probe: "skip", reason: "VM PDN belum aktif (e-Tiket PDN-2026-000778 berstatus submitted); tes akses menunggu status active dan alamatnya" }],
    ],
    ["sipd-uji", "remove", [{ name: "pdn", probe: "skip", reason: "VM PDN dihapus lewat e-Tiket PDN-2026-000777; tidak diperiksa dari sini" }]],
    ["pangan-uji", "create", [{ name: "splp", probe: "skip", reason: NO_EXCHANGE }]],
  ])("%s (%s)", (id, change, expected) => {
    expect(specs(id, change)).toEqual(expected);
  });

  test("NO_EXCHANGE says why an ApiAccess without spec.exchange is not tested", () => {
    expect(NO_EXCHANGE).toBe("spec.exchange belum diisi (nama API, versi, tier di WSO2); langganan SPLP tetap langkah manual dan tidak diuji otomatis");
  });

  test("ports are checked once each, in order", () => {
    const r = fixtureRequest("sibapo-app");
    const twice = { ...r, spec: { ...r.spec, ports: [443, 22, 443] } } as typeof r;
    expect(checksFor({ id: "sibapo-app", change: "update", request: twice }, site()).filter((s) => s.probe === "tcp").map((s) => s.name)).toEqual(["tcp-22", "tcp-443"]);
  });

  test.each([
    ["sibapo", { whm: false, proxmox: false, password: false }],
    ["disdik-web", { whm: true, proxmox: false, password: true }],
    ["kec-lama", { whm: true, proxmox: false, password: false }],
    ["sibapo-app", { whm: false, proxmox: true, password: false }],
    ["sipd-uji", { whm: false, proxmox: false, password: false }],
  ])("needs of %s", (id, expected) => {
    const change: Change = fixtureRequest(id).metadata.status === "decommissioned" ? "decommission" : "create";
    expect(needs(specs(id, change))).toEqual(expected);
  });
});
