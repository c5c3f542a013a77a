/**
 * What a merge would do: the resources of the requests at the base against those at the head, by
 * URN (names are stable, so the URN is the resource's identity). Pure; secrets stay opaque.
 */
import { BACKUP_OWNER, TYPE } from "../naming";
import { isSecretValue, type PlannedResource } from "./resources";
import { HOLDS_DATA, replacedFields } from "./replacement";

export type Action = "create" | "update" | "delete";

export interface ResourceChange {
  action: Action;
  /** The request id the resource belongs to (its component's name), or BACKUP_OWNER for backup jobs. */
  request: string;
  type: string;
  name: string;
  urn: string;
  /** Protected now (head), or until now (base) for a delete. */
  protect: boolean;
  /** Protection lifted by this change (a decommission). */
  unprotects: boolean;
  /** Top-level inputs that differ; a secret shows as changed without its value. */
  fields: string[];
  /** Present only when the provider would replace (delete and recreate) it: the fields that force it. */
  replaces?: string[];
}

const componentOf = (r: PlannedResource) => r.parent.split("::").pop() ?? "";

export function requestOf(r: PlannedResource): string {
  return r.type === TYPE.backupJob ? BACKUP_OWNER : componentOf(r);
}

const managed = (rs: PlannedResource[]) => rs.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));

const hasSecret = (v: unknown): boolean =>
  isSecretValue(v) || (Array.isArray(v) ? v.some(hasSecret) : !!v && typeof v === "object" && Object.values(v).some(hasSecret));

/**
 * Changed top-level inputs, by name only. Values under mocks are deterministic stand-ins (the mock
 * password is derived from the resource name), so comparing them is safe; a field holding a secret is
 * named with " (rahasia)" and its value is never part of the plan.
 */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => (hasSecret(a[k]) || hasSecret(b[k]) ? `${k} (rahasia)` : k));
}

export function diffResources(base: PlannedResource[], head: PlannedResource[]): ResourceChange[] {
  const before = new Map(managed(base).map((r) => [r.urn, r]));
  const out: ResourceChange[] = [];
  for (const r of managed(head)) {
    const b = before.get(r.urn);
    before.delete(r.urn);
    // What the engine ignores (ignoreChanges) is not a change it makes.
    const fields = b ? changedFields(b.inputs, r.inputs).filter((f) => !r.ignoreChanges.includes(f.replace(/ \(rahasia\)$/, ""))) : [];
    if (b && fields.length === 0 && b.protect === r.protect) continue;
    const replaces = b ? replacedFields(b, r) : [];
    out.push({
      action: b ? "update" : "create", request: requestOf(r), type: r.type, name: r.name, urn: r.urn, protect: r.protect, unprotects: !!b?.protect && !r.protect, fields,
      ...(replaces.length ? { replaces } : {}),
    });
  }
  for (const b of before.values()) {
    out.push({ action: "delete", request: requestOf(b), type: b.type, name: b.name, urn: b.urn, protect: b.protect, unprotects: false, fields: [] });
  }
  // Destroys first, then what touches protected resources, then the rest; stable within each.
  const rank = (c: ResourceChange) => (c.action === "delete" || c.replaces ? 0 : c.protect || c.unprotects ? 1 : 2);
  return out.sort((x, y) => rank(x) - rank(y) || (x.request < y.request ? -1 : x.request > y.request ? 1 : x.name < y.name ? -1 : 1));
}

/**
 * A replacement the engine must not carry out: it destroys a VM's disks or an account's files, or
 * it hits a resource that stays protected (the engine would refuse it halfway through an update).
 */
export const forbiddenReplacement = (c: ResourceChange): boolean => !!c.replaces && (HOLDS_DATA.has(c.type) || c.protect);
