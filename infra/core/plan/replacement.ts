/**
 * Which provider arguments the program sets force the provider to replace (delete and recreate) a
 * resource, read against the upstream providers, and what pusdat does about each. Replacing a VM
 * or a cPanel account destroys its data; the table is the single place that says why that cannot
 * happen, and `replacedFields` uses it so `pusdat plan` names any replacement that would remain.
 *
 * Sources (read, not copied):
 * - Proxmox: bpg/terraform-provider-proxmox `proxmoxtf/resource/vm/vm.go` (the provider behind
 *   @muhlba91/pulumi-proxmoxve 8.x): `clone.*` are ForceNew; `vm_id` and `node_name` are forced
 *   new in CustomizeDiff (node_name only when `migrate` is false); a disk is never shrunk ("Cannot
 *   shrink", an error, not a replacement). Backup job: `fwprovider/cluster/backup/resource.go`, `id`
 *   (Pulumi's `resourceId`) RequiresReplace.
 * - Cloudflare: terraform-provider-cloudflare v5 `internal/services/dns_record/schema.go`: only
 *   `zone_id` RequiresReplace; name, type, content, ttl, proxied, comment and tags update in place.
 * - random: every RandomPassword argument RequiresReplace; `keepers` replace when a value changes.
 * - @pulumi/command 1.2: a change to `triggers` replaces; anything else runs `update`.
 * - The SPLP dynamic provider (infra/program/splp-provider.ts `diff`, over splp-access.ts `replaces`):
 *   another channel, base URL, tenant, application, API or version replaces, deleting first.
 */
import { TYPE } from "../naming";
import type { PlannedResource } from "./resources";

export type Handling =
  /** ignoreChanges: only mattered at creation, later changes are not applied. */
  | "ignored"
  /** A companion input turns the replacement into an in-place operation (migrate). */
  | "migrate"
  /** Written once in the request; a change is refused before the merge (inventory.ts). */
  | "refused"
  /** Fixed by pusdat's code or naming; no request or stack value changes it. */
  | "constant"
  /** From the stack configuration: a change replaces, shown in the plan as a replacement. */
  | "site"
  /** Changed on purpose by a request (password rotation), unprotected for that one deployment. */
  | "rotation"
  /** From the request, holding no data: a change replaces (new credentials), shown in the plan. */
  | "request"
  /** pusdat never sets it. */
  | "unset";

export interface ReplacementEntry {
  type: string;
  /** The input path as the program sets it (dotted for nested blocks). */
  field: string;
  /** What the provider does when it changes. */
  upstream: string;
  handling: Handling;
  /** What pusdat does, in Bahasa Indonesia (the README and the plan quote it). */
  pusdat: string;
}

export const REPLACEMENT_TABLE: readonly ReplacementEntry[] = [
  { type: TYPE.vm, field: "vmId", upstream: "ForceNew (CustomizeDiff) bila berubah", handling: "refused", pusdat: "vmid ditulis sekali; perubahan ditolak transitionProblems" },
  { type: TYPE.vm, field: "nodeName", upstream: "ForceNew kecuali migrate = true", handling: "migrate", pusdat: "migrate: true; perubahan node tetap ditolak transitionProblems (pemindahan = gangguan)" },
  { type: TYPE.vm, field: "clone.vmId", upstream: "ForceNew", handling: "ignored", pusdat: "ignoreChanges: clone; perubahan os ditolak transitionProblems" },
  { type: TYPE.vm, field: "clone.nodeName", upstream: "ForceNew", handling: "ignored", pusdat: "ignoreChanges: clone" },
  { type: TYPE.vm, field: "clone.datastoreId", upstream: "ForceNew", handling: "ignored", pusdat: "ignoreChanges: clone" },
  { type: TYPE.vm, field: "clone.full", upstream: "ForceNew", handling: "ignored", pusdat: "ignoreChanges: clone (selalu true)" },
  { type: TYPE.vm, field: "clone.retries", upstream: "ForceNew", handling: "unset", pusdat: "tidak diisi" },
  { type: TYPE.vm, field: "initialization.type", upstream: "ForceNew", handling: "unset", pusdat: "tidak diisi" },
  { type: TYPE.vm, field: "initialization.userDataFileId", upstream: "ForceNew", handling: "unset", pusdat: "tidak diisi (juga vendor/network/metaDataFileId)" },
  { type: TYPE.vm, field: "amdSev", upstream: "ForceNew", handling: "unset", pusdat: "tidak diisi" },
  { type: TYPE.vm, field: "disks.size", upstream: "tidak bisa mengecil (galat, bukan penggantian)", handling: "refused", pusdat: "disk hanya boleh bertambah (transitionProblems) dan tidak lebih kecil dari disk templat (validator)" },
  { type: TYPE.dnsRecord, field: "zoneId", upstream: "RequiresReplace", handling: "site", pusdat: "dari pusdat:cloudflareZoneId; rekaman dibuat ulang (tanpa data), ditampilkan di rencana" },
  { type: TYPE.password, field: "PASSWORD_ARGS", upstream: "RequiresReplace (semua argumen)", handling: "constant", pusdat: "PASSWORD_ARGS tetap; protect pada akun aktif membuat mesin menolak penggantian" },
  { type: TYPE.password, field: "keepers", upstream: "RequiresReplace bila nilainya berubah", handling: "rotation", pusdat: "hanya spec.passwordRotation; deployment rotasi melepas protect, WHM passwd dijalankan" },
  { type: TYPE.command, field: "triggers", upstream: "perubahan = penggantian", handling: "unset", pusdat: "tidak diisi; perubahan lain menjalankan update, bukan create" },
  { type: TYPE.backupJob, field: "resourceId", upstream: "RequiresReplace", handling: "constant", pusdat: "backup-<node>, tetap" },
  ...(["channel", "api", "version"] as const).map((field) => ({
    type: TYPE.splpAccess, field, upstream: "diganti (hapus dulu, lalu buat)", handling: "request" as const,
    pusdat: "dari spec permintaan; langganan dan kunci lama dicabut, yang baru dibuat (kredensial baru), ditampilkan di rencana",
  })),
  ...(["baseUrl", "tenant"] as const).map((field) => ({
    type: TYPE.splpAccess, field, upstream: "diganti (hapus dulu, lalu buat)", handling: "site" as const, pusdat: "dari pusdat:splp.channels; ditampilkan di rencana",
  })),
  { type: TYPE.splpAccess, field: "application", upstream: "diganti (hapus dulu, lalu buat)", handling: "constant", pusdat: "pusdat-<id>, tetap" },
];

/** Resources whose replacement loses data: a VM's disks, a cPanel account's files and mail. */
export const HOLDS_DATA: ReadonlySet<string> = new Set([TYPE.vm, TYPE.command]);

const get = (o: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (Array.isArray(v) ? v.map((x) => (x as Record<string, unknown>)?.[k]) : (v as Record<string, unknown> | undefined)?.[k]), o);

/**
 * The fields whose change between `before` and `after` makes the provider replace the resource,
 * after the engine drops ignored inputs (ignoreChanges, by top-level name or path) and with
 * `migrate: true` turning a node change into a migration.
 */
export function replacedFields(before: PlannedResource, after: PlannedResource): string[] {
  const ignored = (f: string) => after.ignoreChanges.some((i) => f === i || f.startsWith(`${i}.`));
  // Unset fields count too: an edited program that sets them would replace. A disk never shrinks: an error, not a replacement.
  return REPLACEMENT_TABLE.filter((e) => e.type === after.type && e.field !== "disks.size")
    .map((e) => e.field)
    .filter((f) => !ignored(f))
    .filter((f) => !(after.type === TYPE.vm && f === "nodeName" && after.inputs.migrate === true))
    .filter((f) => (after.type === TYPE.password && f === "PASSWORD_ARGS" ? passwordArgsChanged(before, after) : JSON.stringify(get(before.inputs, f)) !== JSON.stringify(get(after.inputs, f))));
}

/** Any RandomPassword argument other than keepers (checked on its own) forces a new password. */
function passwordArgsChanged(before: PlannedResource, after: PlannedResource): boolean {
  const strip = ({ keepers: _k, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return strip(before.inputs) !== strip(after.inputs);
}
