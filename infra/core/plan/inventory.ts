/**
 * What a deployment remembers about each request (exported as a stack output, read back on the next
 * run), and the transitions between two such inventories that would lose data or move a live service.
 * The same check serves the Pulumi program (previous deployment → now) and `pusdat plan` (base → head).
 */
import type { LoadedRequest } from "../load/requests";
import { holdsData, type InventoryFields, inventoryFieldsOf } from "../kinds";
import type { Kind } from "../model/kinds";

export interface InventoryEntry extends InventoryFields {
  kind: Kind;
  status: "active" | "decommissioned";
  finalBackup?: string;
}

export type Inventory = Record<string, InventoryEntry>;

export function inventoryOf(requests: ReadonlyArray<LoadedRequest>): Inventory {
  const out: Inventory = {};
  for (const { request: r } of requests) {
    const e: InventoryEntry = { kind: r.kind, status: r.metadata.status };
    if (r.metadata.decommission?.finalBackup) e.finalBackup = r.metadata.decommission.finalBackup;
    out[r.metadata.id] = { ...e, ...inventoryFieldsOf(r) };
  }
  return out;
}

export function transitionProblems(prev: Inventory, next: Inventory): { id: string; message: string }[] {
  const out: { id: string; message: string }[] = [];
  for (const [id, p] of Object.entries(prev)) {
    const n = next[id];
    if (!n) {
      if (p.status !== "decommissioned") {
        out.push({ id, message: `permintaan ${id} (${p.kind}) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya` });
      } else if (holdsData(p.kind, p) && !p.finalBackup) {
        out.push({ id, message: `permintaan ${id} (${p.kind}) dihapus tanpa cadangan terakhir; isi metadata.decommission.finalBackup dan terapkan dulu, baru hapus berkasnya` });
      }
      continue;
    }
    if (n.kind !== p.kind) {
      out.push({ id, message: `id ${id} dipakai ulang untuk ${n.kind}, padahal sebelumnya ${p.kind}; id tidak boleh dipakai ulang` });
      continue;
    }
    for (const f of ["node", "vmid", "ip", "username", "domain"] as const) {
      if (p[f] !== undefined && n[f] !== p[f]) {
        out.push({ id, message: `${f} ${id} berubah dari ${p[f]} menjadi ${n[f] ?? "(kosong)"}; ${f} ditulis sekali dan tidak boleh diubah (memindahkan layanan yang berjalan berarti gangguan)` });
      }
    }
    if (p.diskGb !== undefined && n.diskGb !== undefined && n.diskGb < p.diskGb) {
      out.push({ id, message: `disk ${id} menyusut dari ${p.diskGb} GB menjadi ${n.diskGb} GB; disk hanya boleh bertambah` });
    }
    // The clone source only mattered at birth (ignoreChanges: clone): a new os would silently not apply.
    if (p.os !== undefined && n.os !== undefined && n.os !== p.os) {
      out.push({ id, message: `os ${id} berubah dari ${p.os} menjadi ${n.os}; VM yang sudah ada tidak diklon ulang (mengganti templat berarti VM baru dan datanya hilang): ajukan VM baru dengan id lain, pindahkan data, lalu hentikan yang lama` });
    }
    // Dropping spec.exchange would delete the subscription and keys without a decommission.
    if (p.exchange !== undefined && n.exchange === undefined && n.status === "active") {
      out.push({ id, message: `spec.exchange ${id} dihapus padahal langganannya (${p.exchange}) aktif di pertukaran; langganan hanya dicabut lewat status decommissioned dengan Nota Dinas penghentian` });
    }
    if (p.passwordRotation !== undefined && Number(n.passwordRotation ?? 0) <= Number(p.passwordRotation)) {
      if (n.passwordRotation !== p.passwordRotation) {
        out.push({ id, message: `passwordRotation ${id} turun dari ${p.passwordRotation} menjadi ${n.passwordRotation ?? "(kosong)"}; penghitung rotasi hanya boleh naik (menurunkannya membuat kata sandi baru tanpa permintaan rotasi)` });
      }
    }
  }
  return out;
}
