import { ctx, findings, req, site } from "../../../test/support/requests";
import { defaultCeilings } from "../config/ceilings";
import { poolOf, vmCeilingProblems, vmCeilings, vmLocationFields, vmPlacement, vmUnique } from "./vm";

const ALLOC = "10.20.30.10–10.20.30.250";

describe("poolOf", () => {
  const pools = site().proxmox.ipPools;
  test.each([
    ["10.20.30.10", null],
    ["10.20.30.250", null],
    ["10.20.30.0", `ip 10.20.30.0 adalah alamat jaringan 10.20.30.0/24; yang diizinkan: ${ALLOC}`],
    ["10.20.30.255", `ip 10.20.30.255 adalah alamat broadcast 10.20.30.0/24; yang diizinkan: ${ALLOC}`],
    ["10.20.30.1", `ip 10.20.30.1 adalah gateway pool lan-pusat; yang diizinkan: ${ALLOC}`],
    ["10.20.30.9", `ip 10.20.30.9 di luar rentang alokasi pool lan-pusat; yang diizinkan: ${ALLOC}`],
    ["10.20.30.251", `ip 10.20.30.251 di luar rentang alokasi pool lan-pusat; yang diizinkan: ${ALLOC}`],
    ["10.20.31.10", `ip 10.20.31.10 tidak berada di pool IP mana pun; yang diizinkan: ${ALLOC}`],
  ])("%s", (ip, expected) => {
    const r = poolOf(ip, pools);
    expect("problem" in r ? r.problem : null).toBe(expected);
  });
});

describe("vmCeilingProblems", () => {
  const c = defaultCeilings()["vm-ceiling"];
  test.each([
    [{ cpu: 8, memoryGb: 32, diskGb: 500 }, []],
    [{ cpu: 9, memoryGb: 32, diskGb: 500 }, [{ field: "cpu", message: "cpu 9 inti melebihi batas per VM; yang diizinkan: 1–8 inti" }]],
    [{ cpu: 1, memoryGb: 33, diskGb: 501 }, [
      { field: "memoryGb", message: "memoryGb 33 GB melebihi batas per VM; yang diizinkan: 1–32 GB" },
      { field: "diskGb", message: "diskGb 501 GB melebihi batas per VM; yang diizinkan: 1–500 GB" },
    ]],
  ])("%j", (size, expected) => expect(vmCeilingProblems(size, c)).toEqual(expected));
});

describe("VM rules over requests", () => {
  const other = (patch: object) => req("vm/sibapo-app", { metadata: { id: "lain", notaDinas: { date: "2026-12-01" } }, spec: { hostname: "lain", vmid: 300, ip: "10.20.30.99", ...patch } });
  test.each([
    ["pusat-komputasi needs node, vmid and ip", vmLocationFields, [req("vm/sibapo-app", { spec: { node: null, ip: null } })], [
      "sibapo-app.yaml spec: kolom wajib spec.node tidak ada; lokasi pusat-komputasi memerlukan node, vmid dan ip (diisi oleh pusdat new)",
      "sibapo-app.yaml spec: kolom wajib spec.ip tidak ada; lokasi pusat-komputasi memerlukan node, vmid dan ip (diisi oleh pusdat new)",
    ]],
    ["pdn block on a local VM", vmLocationFields, [req("vm/sibapo-app", { spec: { pdn: { ticket: "PDN-1", state: "submitted" } } })], ["sibapo-app.yaml spec.pdn: spec.pdn hanya untuk location: pdn"]],
    ["local fields on a PDN VM", vmLocationFields, [req("vm/sipd-bappeda", { spec: { ip: "10.20.30.50" } })], ["sipd-bappeda.yaml spec.ip: spec.ip hanya untuk location: pusat-komputasi; VPS PDN dialokasikan oleh PDN"]],
    ["active PDN VM needs its address", vmLocationFields, [req("vm/sipd-bappeda", { spec: { pdn: { state: "active" } } })], ["sipd-bappeda.yaml spec.pdn.state: pdn.state active memerlukan pdn.address (alamat yang diberikan PDN)"]],
    ["active PDN VM with an address is fine", vmLocationFields, [req("vm/sipd-bappeda", { spec: { pdn: { state: "active", address: "198.51.100.7" } } })], []],
    ["unknown node, template, vmid out of range", vmPlacement, [req("vm/sibapo-app", { spec: { node: "pve3", os: "centos-7", vmid: 1000 } })], [
      'sibapo-app.yaml spec.os: templat "centos-7" tidak ada; yang diizinkan: ubuntu-24.04, debian-12, rocky-9',
      'sibapo-app.yaml spec.node: node "pve3" tidak ada; yang diizinkan: pve1, pve2',
      "sibapo-app.yaml spec.vmid: vmid 1000 di luar rentang; yang diizinkan: 200–999",
    ]],
    ["a disk smaller than its template's", vmPlacement, [req("vm/sibapo-app", { spec: { diskGb: 10 } })], [
      "sibapo-app.yaml spec.diskGb: diskGb 10 GB lebih kecil dari disk templat ubuntu-24.04 (20 GB); yang diizinkan: 20–500 GB",
    ]],
    ["a disk as large as its template's is fine", vmPlacement, [req("vm/sibapo-app", { spec: { diskGb: 20 } })], []],
    ["a PDN VM is not cloned here: no template disk check", vmPlacement, [req("vm/sipd-bappeda", { spec: { diskGb: 10 } })], []],
    ["a decommissioned VM is not held to the template's disk", vmPlacement, [req("vm/eoffice-lama", { spec: { diskGb: 10 } })], []],
    ["PDN VMs are not placed locally, but their template is checked", vmPlacement, [req("vm/sipd-bappeda", { spec: { os: "centos-7" } })], ['sipd-bappeda.yaml spec.os: templat "centos-7" tidak ada; yang diizinkan: ubuntu-24.04, debian-12, rocky-9']],
    ["duplicate vmid, ip and hostname: the later request gets them", vmUnique, [other({ vmid: 210, ip: "10.20.30.15", hostname: "sibapo-app" }), req("vm/sibapo-app")], [
      "lain.yaml spec.vmid: vmid 210 sudah dipakai oleh sibapo-app.yaml; vmid harus unik",
      "lain.yaml spec.ip: ip 10.20.30.15 sudah dipakai oleh sibapo-app.yaml; ip harus unik",
      "lain.yaml spec.hostname: hostname sibapo-app sudah dipakai oleh sibapo-app.yaml; hostname harus unik",
    ]],
    ["a decommissioned VM keeps its vmid and ip", vmUnique, [req("vm/eoffice-lama"), other({ vmid: 205, ip: "10.20.30.12" })], [
      "lain.yaml spec.vmid: vmid 205 sudah dipakai oleh eoffice-lama.yaml; vmid harus unik",
      "lain.yaml spec.ip: ip 10.20.30.12 sudah dipakai oleh eoffice-lama.yaml; ip harus unik",
    ]],
    ["ceilings apply to PDN VMs too", vmCeilings, [req("vm/sipd-bappeda", { spec: { memoryGb: 64 } })], ["sipd-bappeda.yaml spec.memoryGb: memoryGb 64 GB melebihi batas per VM; yang diizinkan: 1–32 GB"]],
    ["a decommissioned VM is not held to the ceilings", vmCeilings, [req("vm/eoffice-lama", { spec: { cpu: 16 } })], []],
  ])("%s", (_n, rule, requests, expected) => expect(findings(rule, ctx(requests))).toEqual(expected));
});
