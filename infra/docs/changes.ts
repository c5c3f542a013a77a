/** Which requests a change touched and how, from the requests before and after it. Pure. */
import type { Request } from "../core/model/kinds";
import type { Change } from "./facts";

export interface Changed {
  id: string;
  change: Change;
  /** The request as it now stands; for a removal, as it stood before. */
  request: Request;
}

/**
 * create: new id; remove: id gone; decommission: status became decommissioned; update: anything else
 * that differs (comments and formatting do not count: requests are compared as parsed). Sorted by id.
 */
export function changedRequests(before: ReadonlyArray<Request>, after: ReadonlyArray<Request>): Changed[] {
  const old = new Map(before.map((r) => [r.metadata.id, r]));
  const now = new Map(after.map((r) => [r.metadata.id, r]));
  const out: Changed[] = [];
  for (const [id, r] of now) {
    const p = old.get(id);
    if (!p) out.push({ id, change: r.metadata.status === "decommissioned" ? "decommission" : "create", request: r });
    else if (p.metadata.status !== "decommissioned" && r.metadata.status === "decommissioned") out.push({ id, change: "decommission", request: r });
    else if (JSON.stringify(p) !== JSON.stringify(r)) out.push({ id, change: "update", request: r });
  }
  for (const [id, p] of old) if (!now.has(id)) out.push({ id, change: "remove", request: p });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Requests named on the command line: a decommissioned one documents its decommission, any other its creation. */
export function namedRequests(all: ReadonlyArray<Request>, ids: string[]): { changed: Changed[]; unknown: string[] } {
  const byId = new Map(all.map((r) => [r.metadata.id, r]));
  const unknown = ids.filter((id) => !byId.has(id));
  const changed = [...new Set(ids)]
    .filter((id) => byId.has(id))
    .sort()
    .map((id) => {
      const request = byId.get(id)!;
      return { id, change: request.metadata.status === "decommissioned" ? ("decommission" as const) : ("create" as const), request };
    });
  return { changed, unknown };
}
