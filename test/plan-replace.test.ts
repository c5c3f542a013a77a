/**
 * Replacements in `pusdat plan`: each on its own loud line, first; a replacement that destroys data
 * (a VM, an account) or hits a protected resource fails the plan. Formatted from plan data (pure):
 * no request edit can produce a VM replacement any more (replacement.test.ts proves it).
 */
import { formatPlan } from "../scripts/plan-format";
import { type Plan, planFails } from "../scripts/plan";
import type { ResourceChange } from "../infra/core/plan/diff";

const change = (over: Partial<ResourceChange>): ResourceChange => ({
  action: "update", request: "sibapo-app", type: "proxmoxve:index/vmLegacy:VmLegacy", name: "sibapo-app-vm", urn: "urn:x", protect: true, unprotects: false, fields: ["vmId"], ...over,
});

const plan = (changes: ResourceChange[]): Plan => ({
  stack: "contoh", base: "main (0123456789ab)", notes: [], findings: [], refused: [], changes, diagnostics: [], policies: ["vm-no-recreate"], manual: [],
  capacity: { before: { nodes: [], opds: [] }, after: { nodes: [], opds: [] } }, files: { "sibapo-app": "requests/vm/sibapo-app.yaml", ppid: "requests/subdomain/ppid.yaml" }, requests: 2,
});

test("a VM replacement: its own line, first, and the plan fails", () => {
  const p = plan([change({ replaces: ["vmId"] }), change({ request: "ppid", type: "cloudflare:index/dnsRecord:DnsRecord", name: "ppid-dns", protect: false, fields: ["content"] })]);
  expect(planFails(p)).toBe(true);
  expect(formatPlan(p, "text").split("\n").slice(0, 9)).toEqual([
    "Rencana pusdat — stack contoh, dibandingkan dengan main (0123456789ab)",
    "Hasil: DITOLAK. 2 permintaan; 0 dibuat, 2 diubah, 0 dihapus; 1 sumber daya dilindungi tersentuh. 1 DIGANTI (hapus lalu buat ulang).",
    "",
    "⚠ AKAN DIGANTI (dihapus lalu dibuat ulang)",
    "  ± GANTI (hapus lalu buat ulang) VM Proxmox sibapo-app-vm karena vmId berubah; DITOLAK: data akan hilang atau sumber daya dilindungi — sibapo-app (requests/vm/sibapo-app.yaml)",
    "",
    "Perubahan lain",
    "  ~ ubah rekaman DNS ppid-dns: content — ppid (requests/subdomain/ppid.yaml)",
    "",
  ]);
});

test("a DNS record replaced for a new zone id is shown loudly but allowed", () => {
  const p = plan([change({ request: "ppid", type: "cloudflare:index/dnsRecord:DnsRecord", name: "ppid-dns", protect: false, fields: ["zoneId"], replaces: ["zoneId"] })]);
  expect(planFails(p)).toBe(false);
  expect(formatPlan(p, "markdown").split("\n").slice(4, 8)).toEqual([
    "> [!WARNING]",
    "> **AKAN DIGANTI (dihapus lalu dibuat ulang)**",
    ">",
    "> - **GANTI (hapus lalu buat ulang)** rekaman DNS `ppid-dns` karena zoneId berubah; dibuat ulang (tanpa data) — ppid (requests/subdomain/ppid.yaml)",
  ]);
});
