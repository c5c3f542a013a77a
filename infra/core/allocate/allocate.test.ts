import { site as sampleSite } from "../../../test/support/requests";
import type { SiteConfig } from "../config/site";
import { type Claim, claimOf, nodeUse } from "./claims";
import { hostnameTakenProblem, idTakenProblem, nameTakenProblem, suggestUsername, takenBy, usernameProblem } from "./names";
import { chooseNode, lowestIp, lowestVmid } from "./place";
import { placeVm } from "./index";

const site = sampleSite();
const RESERVED = site.hosting.reservedUsernames;

/** A local VM claim; `active: false` = decommissioned. */
const vm = (id: string, spec: Partial<NonNullable<Claim["vm"]>>, active = true, source = `requests/vm/${id}.yaml`): Claim => ({
  source, id, kind: "VirtualMachine", active, vm: { location: "pusat-komputasi", hostname: id, cpu: 2, memoryGb: 4, diskGb: 40, ...spec },
});
const SIZE = { cpu: 2, memoryGb: 4, diskGb: 40 };

describe("chooseNode: the most free capacity after placement (CPU, then memory, then disk, then name)", () => {
  test.each([
    ["an empty cluster: a full tie goes to the first name", [], SIZE, { node: "pve1" }],
    ["more free CPU wins", [vm("a", { node: "pve1", cpu: 8 })], SIZE, { node: "pve2" }],
    ["equal CPU: more free memory wins", [vm("a", { node: "pve2", cpu: 2, memoryGb: 8 }), vm("b", { node: "pve1", cpu: 2, memoryGb: 4 })], SIZE, { node: "pve1" }],
    ["equal CPU and memory: more free disk wins", [vm("a", { node: "pve1", diskGb: 100 }), vm("b", { node: "pve2", diskGb: 40 })], SIZE, { node: "pve2" }],
    ["CPU counts with overcommit 4: 62 of 64 cores used still leaves room for 2", [vm("a", { node: "pve1", cpu: 62, memoryGb: 1, diskGb: 1 }), vm("b", { node: "pve2", cpu: 63, memoryGb: 1, diskGb: 1 })], SIZE, { node: "pve1" }],
    ["a full node is skipped even when it has the most free CPU", [vm("a", { node: "pve1", cpu: 1, memoryGb: 62 }), vm("b", { node: "pve2", cpu: 30, memoryGb: 4 })], SIZE, { node: "pve2" }],
    ["decommissioned VMs hold no capacity", [vm("a", { node: "pve1", cpu: 60, memoryGb: 60 }, false), vm("b", { node: "pve2", cpu: 4 })], SIZE, { node: "pve1" }],
    ["PDN VMs hold no local capacity", [{ ...vm("a", { cpu: 60 }), vm: { location: "pdn", node: "pve1", cpu: 60, memoryGb: 4, diskGb: 40 } }], SIZE, { node: "pve1" }],
    ["memory is exact: 64 GB fits on a node with 60 GB used and 4 GB asked", [vm("a", { node: "pve1", memoryGb: 60 }), vm("b", { node: "pve2", memoryGb: 61 })], SIZE, { node: "pve1" }],
    ["no node has room: what is left on each", [vm("a", { node: "pve1", memoryGb: 62 }), vm("b", { node: "pve2", memoryGb: 63, diskGb: 990 })], SIZE, {
      problem: "tidak ada node yang masih muat untuk 2 inti, 4 GB memori, 40 GB disk; sisa kapasitas: pve1 CPU 62 inti, memori 2 GB, disk 960 GB; pve2 CPU 62 inti, memori 1 GB, disk 10 GB",
    }],
  ])("%s", (_n, claims, size, expected) => expect(chooseNode(site, nodeUse(claims), size)).toEqual(expected));

  test("one id seen twice (working tree, then a branch) counts once, as first listed", () => {
    expect(nodeUse([vm("a", { node: "pve1", cpu: 4 }), vm("a", { node: "pve1", cpu: 8 }, true, "origin/x:requests/vm/a.yaml")])).toEqual(new Map([["pve1", { cpu: 4, memoryGb: 4, diskGb: 40 }]]));
  });
});

describe("lowestVmid", () => {
  test.each([
    ["nothing taken", [], { vmid: 200 }],
    ["the first gap", [200, 201, 203], { vmid: 202 }],
    ["full range", Array.from({ length: 800 }, (_, i) => 200 + i), { problem: "semua VMID 200–999 sudah dipakai (permintaan yang dihentikan tetap memegang VMID-nya)" }],
  ])("%s", (_n, taken, expected) => expect(lowestVmid({ min: 200, max: 999 }, new Set(taken))).toEqual(expected));
});

describe("lowestIp", () => {
  const pool = (over: object) => ({ name: "lan", cidr: "10.0.0.0/29", gateway: "10.0.0.1", first: "10.0.0.0", last: "10.0.0.7", bridge: "vmbr0", ...over });
  test.each([
    ["never the network or the gateway", [pool({})], [], { ip: "10.0.0.2" }],
    ["never the broadcast: a pool whose free part is only the broadcast is full", [pool({ first: "10.0.0.6" })], ["10.0.0.6"], { problem: "pool IP penuh: semua alamat di lan 10.0.0.6–10.0.0.7 sudah dipakai (permintaan yang dihentikan tetap memegang IP-nya)" }],
    ["the gateway inside first–last is skipped", [pool({ gateway: "10.0.0.3", first: "10.0.0.2" })], ["10.0.0.2"], { ip: "10.0.0.4" }],
    ["the next pool when the first is full", [pool({ first: "10.0.0.5", last: "10.0.0.6" }), pool({ name: "lan2", cidr: "10.0.1.0/24", gateway: "10.0.1.1", first: "10.0.1.10", last: "10.0.1.20" })], ["10.0.0.5", "10.0.0.6"], { ip: "10.0.1.10" }],
    ["the sample pool starts at .10", site.proxmox.ipPools, [], { ip: "10.20.30.10" }],
  ])("%s", (_n, pools, taken, expected) => expect(lowestIp(pools, new Set(taken))).toEqual(expected));
});

describe("placeVm over claims from several places", () => {
  test.each([
    ["the sample claims (eoffice-lama decommissioned keeps 205 and .12)",
      [vm("sibapo-app", { node: "pve1", vmid: 200, ip: "10.20.30.10" }), vm("eoffice-lama", { node: "pve1", vmid: 201, ip: "10.20.30.11" }, false)],
      { ok: true, placement: { node: "pve2", vmid: 202, ip: "10.20.30.12" } }],
    ["gaps left by decommissioned requests stay reserved",
      [vm("a", { node: "pve1", vmid: 200, ip: "10.20.30.10" }, false), vm("b", { node: "pve2", vmid: 202, ip: "10.20.30.12" }), vm("c", { node: "pve1", vmid: 201, ip: "10.20.30.11" }, false)],
      { ok: true, placement: { node: "pve1", vmid: 203, ip: "10.20.30.13" } }],
    ["a colleague's pushed branch holds its VMID and IP",
      [vm("a", { node: "pve1", vmid: 200, ip: "10.20.30.10" }), vm("lain", { node: "pve2", vmid: 201, ip: "10.20.30.11" }, true, "origin/permintaan/lain:requests/vm/lain.yaml")],
      { ok: true, placement: { node: "pve1", vmid: 202, ip: "10.20.30.12" } }],
    ["every problem at once",
      [vm("a", { node: "pve1", cpu: 64 }), vm("b", { node: "pve2", cpu: 64 })],
      { ok: false, problems: ["tidak ada node yang masih muat untuk 2 inti, 4 GB memori, 40 GB disk; sisa kapasitas: pve1 CPU 0 inti, memori 60 GB, disk 960 GB; pve2 CPU 0 inti, memori 60 GB, disk 960 GB"] }],
  ])("%s", (_n, claims, expected) => expect(placeVm(site, claims, SIZE)).toEqual(expected));

  test("a full pool is reported with the node still chosen elsewhere", () => {
    const small: SiteConfig = { ...site, proxmox: { ...site.proxmox, ipPools: [{ ...site.proxmox.ipPools[0]!, first: "10.20.30.10", last: "10.20.30.11" }] } };
    expect(placeVm(small, [vm("a", { node: "pve1", vmid: 200, ip: "10.20.30.10" }, false), vm("b", { node: "pve1", vmid: 201, ip: "10.20.30.11" })], SIZE)).toEqual({
      ok: false, problems: ["pool IP penuh: semua alamat di lan-pusat 10.20.30.10–10.20.30.11 sudah dipakai (permintaan yang dihentikan tetap memegang IP-nya)"],
    });
  });
});

describe("claimOf reads any shape", () => {
  test.each([
    ["a local VM", { kind: "VirtualMachine", metadata: { id: "x", status: "decommissioned", opd: "Dinas A" }, spec: { location: "pusat-komputasi", node: "pve1", vmid: 300, ip: "10.20.30.40", hostname: "x", cpu: 2, memoryGb: 4, diskGb: 40 } },
      { source: "s", id: "x", kind: "VirtualMachine", active: false, opd: "Dinas A", vm: { location: "pusat-komputasi", node: "pve1", vmid: 300, ip: "10.20.30.40", hostname: "x", cpu: 2, memoryGb: 4, diskGb: 40 } }],
    ["a hosting account, with a wrong-typed field", { kind: "HostingAccount", metadata: { id: "h" }, spec: { domain: "Disdik", username: 5 } },
      { source: "s", id: "h", kind: "HostingAccount", active: true, opd: undefined, name: "disdik", username: undefined }],
    ["not a request", ["a", "list"], null],
    ["nothing", null, null],
  ])("%s", (_n, value, expected) => expect(claimOf(value, "s")).toEqual(expected));
});

describe("names", () => {
  const claims: Claim[] = [
    { source: "requests/hosting/disdik-web.yaml", id: "disdik-web", kind: "HostingAccount", active: true, name: "disdik", username: "disdikweb" },
    { source: "requests/subdomain/pilkada2024.yaml", id: "pilkada2024", kind: "Subdomain", active: false, name: "pilkada2024" },
    { source: "origin/permintaan/sibapo:requests/subdomain/sibapo.yaml", id: "sibapo", kind: "Subdomain", active: true, name: "sibapo" },
    { source: "requests/hosting/keckota.yaml", id: "kec-kota", kind: "HostingAccount", active: true, name: "kec-kota", username: "keckota" },
    vm("sibapo-app", { node: "pve1", vmid: 210, ip: "10.20.30.15" }),
  ];
  const t = takenBy(claims);
  test.each([
    ["free id", idTakenProblem("baru", t), null],
    ["taken id offers the next", idTakenProblem("sibapo", t), "id sibapo sudah dipakai oleh origin/permintaan/sibapo:requests/subdomain/sibapo.yaml; id harus unik di antara semua permintaan; yang masih bebas, mis.: sibapo-2"],
    ["decommissioned name stays taken, case-insensitive", nameTakenProblem("Pilkada2024", "contohkab.go.id", t), "nama pilkada2024.contohkab.go.id sudah dipakai oleh requests/subdomain/pilkada2024.yaml; nama lengkap harus unik; yang masih bebas, mis.: pilkada2024-2"],
    ["hosting domain and subdomain share names", nameTakenProblem("disdik", "contohkab.go.id", t), "nama disdik.contohkab.go.id sudah dipakai oleh requests/hosting/disdik-web.yaml; nama lengkap harus unik; yang masih bebas, mis.: disdik-2"],
    ["hostname of a local VM", hostnameTakenProblem("sibapo-app", t), "hostname sibapo-app sudah dipakai oleh requests/vm/sibapo-app.yaml; hostname harus unik; yang masih bebas, mis.: sibapo-app-2"],
  ])("%s", (_n, got, expected) => expect(got).toBe(expected));

  test.each([
    ["the domain's letters", "dinsos", true, "dinsos"],
    ["a dash and digits first are dropped", "9-kec-kota", true, "keckota2"],
    ["first 8 characters clash with disdikweb", "disdik-web-baru", true, "disdikw2"],
    ["without database prefixing only the whole name must differ", "disdik-webbaru", false, "disdikwebbaru"],
    ["test… is not allowed", "testing", true, "utesting"],
    ["reserved names are skipped", "root", true, "root2"],
    ["long names are cut to 16", "dinaskependudukanpencatatan", false, "dinaskependuduka"],
  ])("suggestUsername: %s", (_n, seed, prefix, expected) => expect(suggestUsername(seed, RESERVED, t, prefix)).toBe(expected));

  test.each([
    ["valid and free", "dinsos", null],
    ["prefix clash offers a free one", "disdikwebbaru", "8 huruf pertama username disdikwebbaru (disdikwe) sama dengan disdikweb di requests/hosting/disdik-web.yaml; awalan basis data harus unik; yang masih bebas, mis.: disdikw2"],
    ["cPanel rules and the clash together", "keckota", "username keckota sudah dipakai oleh requests/hosting/keckota.yaml; username harus unik; yang masih bebas, mis.: keckota2"],
    ["reserved", "cpanel", "username \"cpanel\" dicadangkan oleh sistem; nama yang dicadangkan: " + RESERVED.join(", ") + "; yang masih bebas, mis.: cpanel2"],
  ])("usernameProblem: %s", (_n, user, expected) => expect(usernameProblem(user, RESERVED, t, true)).toBe(expected));
});
