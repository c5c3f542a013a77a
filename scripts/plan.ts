/**
 * `pusdat plan`: validate (fail closed), compute what the program registers for the requests at the
 * base and at the head (without the Pulumi runtime; a test proves the program registers the same), diff them, run the policy pack through its protocol, and report capacity
 * and manual steps. Offline: it knows the requests, not the live state of Cloudflare, WHM or Proxmox.
 */
import { type Finding, isBlocking } from "../infra/core/findings";
import { type Usage, capacityReport } from "../infra/core/plan/capacity";
import type { ManualStep } from "../infra/core/plan/desired";
import { diffResources, forbiddenReplacement, requestOf, type ResourceChange } from "../infra/core/plan/diff";
import { type Inventory, inventoryOf, transitionProblems } from "../infra/core/plan/inventory";
import { planProject } from "../infra/core/plan";
import { type PlannedResource, plannedResources } from "../infra/core/plan/resources";
import { type ApiAccessPlan, type ExchangeStatus, withExchangeStatus } from "../infra/core/plan/splp";
import { type Project, readRequests } from "../infra/core/project";
import { type ExtractedTree, extractFolder, mergeBase, resolveCommit } from "../infra/git/repo";
import type { Diagnostic } from "../policies/analyze";
import { UsageError } from "./commands/types";

import { EMPTY_BASE } from "./commands/plan";

export interface PlannedDiagnostic extends Diagnostic {
  request: string;
  file: string;
}

export interface Plan {
  stack: string;
  base: string;
  notes: string[];
  findings: Finding[];
  refused: { id: string; message: string }[];
  changes: ResourceChange[];
  diagnostics: PlannedDiagnostic[];
  policies: string[];
  manual: ManualStep[];
  capacity: { before: { nodes: Usage[]; opds: Usage[] }; after: { nodes: Usage[]; opds: Usage[] } };
  files: Record<string, string>;
  requests: number;
}

/** `--base` as given, or the merge base with main; `tree` null means "nothing before". */
function resolveBase(head: Project, base: string | undefined, notes: string[]): { label: string; tree: ExtractedTree | null } {
  if (base === EMPTY_BASE) return { label: "kosong (semua permintaan dianggap baru)", tree: null };
  let ref = base;
  if (!ref) {
    const mb = mergeBase(head.root, "HEAD", "main");
    if (!mb) {
      notes.push("Tidak ada riwayat git atau cabang main: semua permintaan dianggap baru.");
      return { label: "kosong (tanpa riwayat git)", tree: null };
    }
    ref = mb;
  }
  const commit = resolveCommit(head.root, ref);
  if (!commit) throw new UsageError(`pusdat: ref git tidak dikenal untuk --base: ${ref}`);
  const label = `${base ?? "merge-base dengan main"} (${commit.slice(0, 12)})`;
  const tree = extractFolder(head.requestsDir, ref);
  if (!tree) notes.push(`Folder permintaan belum ada di ${label}: semua permintaan dianggap baru.`);
  return { label, tree };
}

/** What the program would register for a project, computed without the Pulumi runtime (a test proves them equal). */
function resources(project: Project, previous: Inventory = {}): { resources: PlannedResource[]; manual: ManualStep[]; apiAccess: ApiAccessPlan[] } {
  const { desired } = planProject(project);
  return { resources: plannedResources(desired, project.site, project.stack, previous), manual: desired.manual, apiAccess: desired.apiAccess };
}

/** `status`: `pulumi stack output apiAccess --json`, when given (the plan itself is offline). */
export async function makePlan(head: Project, base?: string, status?: ExchangeStatus): Promise<Plan> {
  const notes: string[] = [];
  const files: Record<string, string> = Object.fromEntries(head.requests.map((r) => [r.request.metadata.id, r.file]));
  const empty = { nodes: [], opds: [] };
  const plan: Plan = {
    stack: head.stack, base: "", notes, findings: head.findings, refused: [], changes: [], diagnostics: [], policies: [], manual: [],
    capacity: { before: empty, after: empty }, files, requests: head.requests.length,
  };
  if (head.findings.some(isBlocking)) return plan; // fail closed: nothing is planned from invalid requests

  const resolved = resolveBase(head, base, notes);
  plan.base = resolved.label;
  try {
    await compare(head, plan, resolved.tree ? readRequests(head, resolved.tree.dir) : null, status);
  } finally {
    resolved.tree?.dispose();
  }
  return plan;
}

/** Fills the plan from the requests at the base (null for none) and the valid head requests. */
async function compare(head: Project, plan: Plan, base: Project | null, status?: ExchangeStatus): Promise<void> {
  const { notes, files } = plan;
  const baseRequests = base?.requests ?? [];
  if (base) {
    if (base.findings.length) notes.push(`Permintaan di base memiliki ${base.findings.length} temuan; perbandingan memakai yang dapat dibaca.`);
    for (const r of base.requests) files[r.request.metadata.id] ??= `${r.file.slice(r.file.indexOf("requests/"))}, berkas dihapus`;
  }
  plan.refused = transitionProblems(inventoryOf(baseRequests), inventoryOf(head.requests));
  plan.capacity = { before: capacityReport(baseRequests, head.site, head.ceilings), after: capacityReport(head.requests, head.site, head.ceilings) };
  if (plan.refused.length) return;

  let before: ReturnType<typeof resources> = { resources: [], manual: [], apiAccess: [] };
  if (base && baseRequests.length) {
    try {
      before = resources(base);
    } catch (e) {
      // The program refuses an invalid base as it refuses anything invalid; say so and compare with nothing.
      notes.push(`Program tidak dapat dijalankan untuk base (${(e as Error).message.split("\n")[0]}); sumber daya dibandingkan dengan kosong.`);
    }
  }
  // The base's inventory stands for the last deployment (what the program reads from its stack outputs).
  const after = resources(head, inventoryOf(baseRequests));
  plan.changes = diffResources(before.resources, after.resources);
  plan.manual = status ? withExchangeStatus(after.manual, after.apiAccess, status) : after.manual;

  // The policy SDK brings the whole Pulumi runtime: loaded only when a plan is really made.
  const { analyze } = require("../policies/analyze") as typeof import("../policies/analyze");
  const { POLICY_NAMES } = require("../policies/all") as typeof import("../policies/all");
  const analysis = await analyze(after.resources, { site: head.site, ceilings: head.ceilings }, head.policy);
  const byUrn = new Map(after.resources.map((r) => [r.urn, r]));
  plan.policies = POLICY_NAMES.filter((n) => analysis.applied.has(n)); // the pack's order
  plan.diagnostics = analysis.diagnostics.map((d) => {
    const r = byUrn.get(d.urn);
    const request = r ? requestOf(r) : "";
    return { ...d, request, file: files[request] ?? "" };
  });
}

export const planFails = (p: Plan) =>
  p.findings.some(isBlocking) || p.refused.length > 0 || p.diagnostics.some((d) => d.enforcementLevel === "mandatory") || p.changes.some(forbiddenReplacement);
