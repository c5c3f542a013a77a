import type { Ceilings } from "../config/ceilings";
import type { SiteConfig } from "../config/site";
import type { LoadedRequest } from "../load/requests";
import type { Finding } from "../findings";
import type { Path } from "../model/path";
import type { HostingAccount, Request, Subdomain, VirtualMachine } from "../model/kinds";

export interface RuleContext {
  /** In arrival order (see `byArrival`): rules that grant capacity or names first come, first served rely on it. */
  requests: ReadonlyArray<LoadedRequest>;
  site: SiteConfig;
  ceilings: Ceilings;
}

/** A rule returns every finding it makes; the validator names the rule (RULES' key) on each. */
export type Rule = (ctx: RuleContext) => Finding[];

/** A finding about the field at `path` of a request, placed at that field's line and column. */
export function found(ref: LoadedRequest, path: Path, message: string): Finding {
  const pos = ref.source.position(path);
  return { file: ref.file, line: pos.line, column: pos.column, rule: "", message, severity: "error", path };
}

const byKind = new WeakMap<ReadonlyArray<LoadedRequest>, Map<string, LoadedRequest[]>>();

/** The requests of one kind, in arrival order; grouped once per request list, however many rules ask. */
export function ofKind<K extends Request["kind"]>(ctx: RuleContext, kind: K): LoadedRequest<Extract<Request, { kind: K }>>[] {
  let groups = byKind.get(ctx.requests);
  if (!groups) {
    groups = new Map();
    for (const r of ctx.requests) (groups.get(r.request.kind) ?? groups.set(r.request.kind, []).get(r.request.kind)!).push(r);
    byKind.set(ctx.requests, groups);
  }
  return (groups.get(kind) ?? []) as LoadedRequest<Extract<Request, { kind: K }>>[];
}

export type SubdomainRef = LoadedRequest<Subdomain>;
export type HostingRef = LoadedRequest<HostingAccount>;
export type VmRef = LoadedRequest<VirtualMachine>;

export const isActive = (r: LoadedRequest) => r.request.metadata.status === "active";

/** First come, first served: the order in which capacity and names are granted (Nota Dinas date, then id). */
export function byArrival<T extends LoadedRequest>(refs: ReadonlyArray<T>): T[] {
  return [...refs].sort((a, b) => {
    const da = a.request.metadata.notaDinas.date;
    const db = b.request.metadata.notaDinas.date;
    return da < db ? -1 : da > db ? 1 : a.request.metadata.id < b.request.metadata.id ? -1 : 1;
  });
}

/** Calls `report` for every member of a group after the first, by key; the first holder keeps the name. */
export function duplicates<T>(items: ReadonlyArray<T>, key: (t: T) => string | undefined, report: (dup: T, first: T) => void): void {
  const seen = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, it);
    else report(it, first);
  }
}
