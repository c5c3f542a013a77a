/**
 * `pusdat plan`: validate (fail closed), run the real program under mocks for the requests at the base
 * and at the head, diff the resources, run the policy pack through its protocol, and report capacity
 * and manual steps. Offline: it knows the requests, not the live state of Cloudflare, WHM or Proxmox.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Ceilings, PolicyConfig } from "../infra/config/ceilings";
import type { SiteConfig } from "../infra/config/site";
import type { Finding } from "../infra/findings";
import type { LoadedRequest } from "../infra/load/requests";
import { type Usage, capacityReport } from "../infra/plan/capacity";
import type { ManualStep } from "../infra/plan/desired";
import { diffResources, requestOf, type ResourceChange } from "../infra/plan/diff";
import { inventoryOf, transitionProblems } from "../infra/plan/inventory";
import { type CapturedResource, simulate } from "../infra/simulate";
import { validateRequests } from "../infra/validate";
import { policies } from "../policies/all";
import { analyze, type Diagnostic } from "../policies/analyze";
import { setPolicyContext } from "../policies/context";

export const EMPTY_BASE = "kosong"; // also spelled out in cli.ts, which must not import this module eagerly

/** Placeholders: the plan builds nothing, but the program checks that credentials exist. */
const PLAN_ENV = { CLOUDFLARE_API_TOKEN: "plan", WHM_HOST: "plan", WHM_API_TOKEN: "plan", PROXMOX_VE_API_TOKEN: "plan" };

export interface PlanInput {
  root: string;
  requestsDir: string;
  stack: string;
  /** A git ref, EMPTY_BASE, or undefined for the merge base with main. */
  base?: string;
  site: SiteConfig;
  policy: PolicyConfig;
  ceilings: Ceilings;
}

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

function git(root: string, args: string[]): { ok: boolean; out: Buffer } {
  const r = spawnSync("git", ["-C", root, ...args], { maxBuffer: 1 << 30 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0) };
}

/** The requests folder as it is at `ref`, extracted under a temporary folder (`tmp`, the caller removes it); null when it has none. */
function extractBase(input: PlanInput, ref: string): { tmp: string; dir: string } | null {
  const top = git(input.root, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) return null;
  const repo = top.out.toString().trim();
  const rel = path.relative(repo, path.resolve(input.requestsDir)).split(path.sep).join("/");
  const tar = git(repo, ["archive", "--format=tar", ref, "--", rel]);
  if (!tar.ok) return null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-base-"));
  const x = spawnSync("tar", ["-x", "-C", tmp], { input: tar.out });
  if (x.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tar gagal mengekstrak ${ref}:${rel}`);
  }
  return { tmp, dir: path.join(tmp, rel) };
}

/** `--base` as given, or the merge base with main; null means "nothing before" (no git history). */
function resolveBase(input: PlanInput, notes: string[]): { label: string; dir: string | null; tmp?: string } {
  if (input.base === EMPTY_BASE) return { label: "kosong (semua permintaan dianggap baru)", dir: null };
  let ref = input.base;
  if (!ref) {
    const mb = git(input.root, ["merge-base", "HEAD", "main"]);
    if (!mb.ok) {
      notes.push("Tidak ada riwayat git atau cabang main: semua permintaan dianggap baru.");
      return { label: "kosong (tanpa riwayat git)", dir: null };
    }
    ref = mb.out.toString().trim();
  }
  const verified = git(input.root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!verified.ok) throw new PlanUsageError(`ref git tidak dikenal untuk --base: ${ref}`);
  const label = `${input.base ?? "merge-base dengan main"} (${verified.out.toString().trim().slice(0, 12)})`;
  const extracted = extractBase(input, ref);
  if (!extracted) notes.push(`Folder permintaan belum ada di ${label}: semua permintaan dianggap baru.`);
  return { label, dir: extracted?.dir ?? null, tmp: extracted?.tmp };
}

export class PlanUsageError extends Error {}

async function resources(input: PlanInput, requestsDir: string): Promise<{ resources: CapturedResource[]; manual: ManualStep[] }> {
  const sim = await simulate({ stack: input.stack, root: input.root, requestsDir, env: PLAN_ENV, previous: {} });
  return { resources: sim.resources, manual: sim.outputs.manualSteps };
}

export async function makePlan(input: PlanInput): Promise<Plan> {
  const notes: string[] = [];
  const head = validateRequests(input.requestsDir, input.site, input.ceilings);
  const files: Record<string, string> = Object.fromEntries(head.requests.map((r) => [r.request.metadata.id, r.file]));
  const empty = { nodes: [], opds: [] };
  const plan: Plan = {
    stack: input.stack, base: "", notes, findings: head.findings, refused: [], changes: [], diagnostics: [], policies: [], manual: [],
    capacity: { before: empty, after: empty }, files, requests: head.requests.length,
  };
  if (head.findings.length) return plan; // fail closed: nothing is planned from invalid requests

  const base = resolveBase(input, notes);
  plan.base = base.label;
  try {
    await compare(input, plan, head.requests, base.dir);
  } finally {
    if (base.tmp) fs.rmSync(base.tmp, { recursive: true, force: true });
  }
  return plan;
}

/** Fills the plan from the requests at the base (`baseDir`, null for none) and the valid head requests. */
async function compare(input: PlanInput, plan: Plan, headRequests: LoadedRequest[], baseDir: string | null): Promise<void> {
  const { notes, files } = plan;
  let baseRequests: LoadedRequest[] = [];
  if (baseDir) {
    const b = validateRequests(baseDir, input.site, input.ceilings);
    if (b.findings.length) notes.push(`Permintaan di base memiliki ${b.findings.length} temuan; perbandingan memakai yang dapat dibaca.`);
    baseRequests = b.requests;
    for (const r of b.requests) files[r.request.metadata.id] ??= `${r.file.slice(r.file.indexOf("requests/"))}, berkas dihapus`;
  }
  plan.refused = transitionProblems(inventoryOf(baseRequests), inventoryOf(headRequests));
  plan.capacity = { before: capacityReport(baseRequests, input.site, input.ceilings), after: capacityReport(headRequests, input.site, input.ceilings) };
  if (plan.refused.length) return;

  let before: Awaited<ReturnType<typeof resources>> = { resources: [], manual: [] };
  if (baseDir && baseRequests.length) {
    try {
      before = await resources(input, baseDir);
    } catch (e) {
      // The program refuses an invalid base as it refuses anything invalid; say so and compare with nothing.
      notes.push(`Program tidak dapat dijalankan untuk base (${(e as Error).message.split("\n")[0]}); sumber daya dibandingkan dengan kosong.`);
    }
  }
  const after = await resources(input, input.requestsDir);
  plan.changes = diffResources(before.resources, after.resources);
  plan.manual = after.manual;

  setPolicyContext({ site: input.site, ceilings: input.ceilings });
  try {
    const analysis = await analyze(after.resources, input.policy);
    const byUrn = new Map(after.resources.map((r) => [r.urn, r]));
    plan.policies = policies.map((p) => p.name).filter((n) => analysis.applied.has(n)); // the pack's order
    plan.diagnostics = analysis.diagnostics.map((d) => {
      const r = byUrn.get(d.urn);
      const request = r ? requestOf(r) : "";
      return { ...d, request, file: files[request] ?? "" };
    });
  } finally {
    setPolicyContext(undefined);
  }
}

export const planFails = (p: Plan) => p.findings.length > 0 || p.refused.length > 0 || p.diagnostics.some((d) => d.enforcementLevel === "mandatory");
