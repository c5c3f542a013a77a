/**
 * Which requests to verify: the files a range of commits touched (`--changed-since REF`, removed
 * files included) or ids named on the command line. Pure: git's output and the loaded requests in.
 */
import type { LoadedRequest } from "../load/requests";
import { KIND_FOLDER } from "../kinds";
import type { Change, VerifyItem } from "./types";

export interface FileChange {
  status: "added" | "modified" | "removed";
  id: string;
  path: string;
}

const FOLDERS = Object.values(KIND_FOLDER).join("|");

/**
 * `git diff --name-status --no-renames -z REF HEAD -- <requests>` → the request files it lists.
 * `prefix` is the requests folder relative to the repository root (e.g. "requests").
 */
export function parseNameStatus(z: string, prefix: string): FileChange[] {
  const parts = z.split("\0").filter((s) => s !== "");
  const file = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(?:${FOLDERS})/([a-z][a-z0-9-]{1,62})\\.yaml$`);
  const out: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code = parts[i]![0];
    const path = parts[i + 1]!;
    const m = path.match(file);
    if (!m) continue;
    const status = code === "A" ? "added" : code === "D" ? "removed" : "modified";
    out.push({ status, id: m[1]!, path });
  }
  return out;
}

const changeOf = (status: FileChange["status"], r: LoadedRequest): Change =>
  status === "removed" ? "remove" : r.request.metadata.status === "decommissioned" ? "decommission" : status === "added" ? "create" : "update";

export interface Selection {
  items: VerifyItem[];
  /** Ids that could not be matched to a valid request: a usage error for the caller. */
  missing: string[];
}

/** The changed files matched to the requests now (`current`) and, for removed files, before (`base`). */
export function selectChanged(files: FileChange[], current: LoadedRequest[], base: LoadedRequest[]): Selection {
  const byId = (rs: LoadedRequest[]) => new Map(rs.map((r) => [r.request.metadata.id, r]));
  const now = byId(current);
  const before = byId(base);
  const items: VerifyItem[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.id)) continue;
    // A file moved between folders shows as removed + added: the added side wins.
    const r = f.status === "removed" ? (now.has(f.id) ? undefined : before.get(f.id)) : now.get(f.id);
    if (f.status === "removed" && now.has(f.id)) continue;
    if (!r) {
      missing.push(f.id);
      continue;
    }
    seen.add(f.id);
    items.push({ id: f.id, change: changeOf(f.status, r), request: r.request });
  }
  return { items: items.sort((a, b) => a.id.localeCompare(b.id)), missing: [...new Set(missing)].sort() };
}

/**
 * Ids named by the user. Without a git range the change is not known: a decommissioned request is
 * verified as a decommission, any other as an update (the record's `change` comes from --changed-since).
 */
export function selectIds(ids: string[], current: LoadedRequest[]): Selection {
  const now = new Map(current.map((r) => [r.request.metadata.id, r]));
  const items: VerifyItem[] = [];
  const missing: string[] = [];
  for (const id of [...new Set(ids)]) {
    const r = now.get(id);
    if (!r) missing.push(id);
    else items.push({ id, change: r.request.metadata.status === "decommissioned" ? "decommission" : "update", request: r.request });
  }
  return { items, missing };
}
