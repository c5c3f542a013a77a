/** The inventory a deployment remembers, and the transitions between two that would lose data or move a service. */
import { ctx, req } from "../../../test/support/requests";
import { type Inventory, inventoryOf, transitionProblems } from "./inventory";

test("inventoryOf: what each kind remembers, by id", () => {
  const c = ctx([req("vm/sibapo-app"), req("vm/sipd-bappeda"), req("vm/eoffice-lama"), req("hosting/disdik-web"), req("subdomain/sibapo"), req("api/simpeg-nik")]);
  expect(inventoryOf(c.requests)).toEqual({
    sibapo: { kind: "Subdomain", status: "active" },
    "sibapo-app": { kind: "VirtualMachine", status: "active", node: "pve1", vmid: 210, ip: "10.20.30.15", diskGb: 40, os: "ubuntu-24.04" },
    "disdik-web": { kind: "HostingAccount", status: "active", username: "disdikweb", domain: "disdik" },
    "simpeg-nik": { kind: "ApiAccess", status: "active", exchange: "splp-nasional VerifikasiNIK v1" },
    "sipd-bappeda": { kind: "VirtualMachine", status: "active" },
    "eoffice-lama": { kind: "VirtualMachine", status: "decommissioned", finalBackup: "vzdump-qemu-205-2026_09_01-02_00_00.vma.zst", node: "pve1", vmid: 205, ip: "10.20.30.12", diskGb: 100, os: "rocky-9" },
  });
});

const vm = (over: object = {}) => ({ kind: "VirtualMachine" as const, status: "active" as const, node: "pve1", vmid: 210, ip: "10.20.30.15", diskGb: 40, ...over });
const acct = (over: object = {}) => ({ kind: "HostingAccount" as const, status: "active" as const, username: "u", domain: "d", ...over });
const api = (over: object = {}) => ({ kind: "ApiAccess" as const, status: "active" as const, ...over });
const KEEP = "permintaan x (VirtualMachine) dihapus tanpa cadangan terakhir; isi metadata.decommission.finalBackup dan terapkan dulu, baru hapus berkasnya";

test.each<[string, Inventory, Inventory, string[]]>([
  ["nothing changed", { x: vm() }, { x: vm() }, []],
  ["a new request", {}, { x: vm() }, []],
  ["an active request removed", { x: vm() }, {}, ["permintaan x (VirtualMachine) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya"]],
  ["a decommissioned VM removed without a final backup", { x: vm({ status: "decommissioned" }) }, {}, [KEEP]],
  ["a decommissioned VM removed with its final backup", { x: vm({ status: "decommissioned", finalBackup: "vzdump-1" }) }, {}, []],
  ["a decommissioned PDN VM (never built here) removed", { x: { kind: "VirtualMachine", status: "decommissioned" } }, {}, []],
  ["a decommissioned hosting account removed without a backup", { x: { kind: "HostingAccount", status: "decommissioned", username: "u", domain: "d" } }, {}, ["permintaan x (HostingAccount) dihapus tanpa cadangan terakhir; isi metadata.decommission.finalBackup dan terapkan dulu, baru hapus berkasnya"]],
  ["a decommissioned subdomain removed (no data)", { x: { kind: "Subdomain", status: "decommissioned" } }, {}, []],
  ["an id reused for another kind", { x: vm() }, { x: { kind: "Subdomain", status: "active" } }, ["id x dipakai ulang untuk Subdomain, padahal sebelumnya VirtualMachine; id tidak boleh dipakai ulang"]],
  ["moved to another node and IP", { x: vm() }, { x: vm({ node: "pve2", ip: "10.20.30.16" }) }, [
    "node x berubah dari pve1 menjadi pve2; node ditulis sekali dan tidak boleh diubah (memindahkan layanan yang berjalan berarti gangguan)",
    "ip x berubah dari 10.20.30.15 menjadi 10.20.30.16; ip ditulis sekali dan tidak boleh diubah (memindahkan layanan yang berjalan berarti gangguan)",
  ]],
  ["a cPanel username changed", { x: { kind: "HostingAccount", status: "active", username: "a", domain: "d" } }, { x: { kind: "HostingAccount", status: "active", username: "b", domain: "d" } }, [
    "username x berubah dari a menjadi b; username ditulis sekali dan tidak boleh diubah (memindahkan layanan yang berjalan berarti gangguan)",
  ]],
  ["a disk grows", { x: vm() }, { x: vm({ diskGb: 60 }) }, []],
  ["a disk shrinks", { x: vm() }, { x: vm({ diskGb: 30 }) }, ["disk x menyusut dari 40 GB menjadi 30 GB; disk hanya boleh bertambah"]],
  ["an existing VM's template changed", { x: vm({ os: "ubuntu-24.04" }) }, { x: vm({ os: "debian-12" }) }, [
    "os x berubah dari ubuntu-24.04 menjadi debian-12; VM yang sudah ada tidak diklon ulang (mengganti templat berarti VM baru dan datanya hilang): ajukan VM baru dengan id lain, pindahkan data, lalu hentikan yang lama",
  ]],
  ["a deployment from before os was remembered", { x: vm() }, { x: vm({ os: "debian-12" }) }, []],
  ["a password rotation requested", { x: acct() }, { x: acct({ passwordRotation: "1" }) }, []],
  ["a second rotation", { x: acct({ passwordRotation: "1" }) }, { x: acct({ passwordRotation: "2" }) }, []],
  ["a rotation counter lowered", { x: acct({ passwordRotation: "2" }) }, { x: acct({ passwordRotation: "1" }) }, [
    "passwordRotation x turun dari 2 menjadi 1; penghitung rotasi hanya boleh naik (menurunkannya membuat kata sandi baru tanpa permintaan rotasi)",
  ]],
  ["a rotation counter removed", { x: acct({ passwordRotation: "2" }) }, { x: acct() }, [
    "passwordRotation x turun dari 2 menjadi (kosong); penghitung rotasi hanya boleh naik (menurunkannya membuat kata sandi baru tanpa permintaan rotasi)",
  ]],
  ["an active ApiAccess loses spec.exchange", { x: api({ exchange: "pertukaran-lokal A 1" }) }, { x: api() }, [
    "spec.exchange x dihapus padahal langganannya (pertukaran-lokal A 1) aktif di pertukaran; langganan hanya dicabut lewat status decommissioned dengan Nota Dinas penghentian",
  ]],
  ["an ApiAccess decommissioned and its spec.exchange dropped", { x: api({ exchange: "pertukaran-lokal A 1" }) }, { x: api({ status: "decommissioned" }) }, []],
  ["an ApiAccess moved to another API version (a replacement, shown in the plan)", { x: api({ exchange: "pertukaran-lokal A 1" }) }, { x: api({ exchange: "pertukaran-lokal A 2" }) }, []],
  ["a decommissioned ApiAccess removed (no data)", { x: api({ status: "decommissioned", exchange: "pertukaran-lokal A 1" }) }, {}, []],
])("%s", (_name, prev, next, expected) => {
  expect(transitionProblems(prev, next).map((p) => p.message)).toEqual(expected);
});
