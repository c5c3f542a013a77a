/**
 * Every claim `pusdat new` must respect: the working tree's request files first, then main's, then
 * every remote-tracking branch's (colleagues' pull requests not merged yet). Read loosely: a file
 * that does not validate still holds the VMID or name it names.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { type Claim, claimOf } from "../../infra/core/allocate";
import { displayPath } from "../../infra/core/load/requests";
import { opdKey } from "../../infra/core/rules/capacity";
import { requestFilesOnRefs } from "../../infra/git/branches";
import { repoRoot } from "../../infra/git/repo";

/** Any YAML, leniently (duplicate keys: the last wins); what is not YAML claims nothing. */
function loose(text: string): unknown {
  try {
    return load(text, { json: true, maxAliases: 0 });
  } catch {
    return null;
  }
}

function workingTree(dir: string): Claim[] {
  const out: Claim[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const folder of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const name of fs.readdirSync(path.join(dir, folder)).filter((n) => n.endsWith(".yaml")).sort()) {
      const file = path.join(dir, folder, name);
      if (!fs.statSync(file).isFile() || fs.statSync(file).size > 64 * 1024) continue;
      const c = claimOf(loose(fs.readFileSync(file, "utf8")), displayPath(file));
      if (c) out.push(c);
    }
  }
  return out;
}

export interface Gathered {
  claims: Claim[];
  /** OPD names in use, one spelling each, sorted. */
  opds: string[];
}

export function gatherClaims(requestsDir: string): Gathered {
  const claims = workingTree(requestsDir);
  const top = repoRoot(requestsDir);
  if (top) {
    const rel = path.relative(fs.realpathSync(top), fs.realpathSync(requestsDir)).split(path.sep).join("/");
    for (const f of requestFilesOnRefs(top, rel || ".")) {
      const c = claimOf(loose(f.text), `${f.ref}:${f.path}`);
      if (c) claims.push(c);
    }
  }
  const opds = new Map<string, string>();
  for (const c of claims) if (c.opd && c.opd.trim() && !opds.has(opdKey(c.opd))) opds.set(opdKey(c.opd), c.opd.trim());
  return { claims, opds: [...opds.values()].sort((a, b) => a.localeCompare(b, "id")) };
}
