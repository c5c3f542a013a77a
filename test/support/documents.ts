/** Inputs for document tests: the sample stack and requests, a fixed commit and apply time. */
import * as path from "node:path";
import type { Verification } from "../../infra/core/archive/record";
import type { Request } from "../../infra/core/model/kinds";
import { openProject, type Project } from "../../infra/core/project";

export const REPO = path.resolve(__dirname, "../..");
export const COMMIT = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
export const APPLIED_AT = "2026-11-20T05:03:40Z";
/** A password that must never appear in any output. */
export const FAKE_PASSWORD = "Sandi#Rahasia-9137!";

let project: Project | null = null;

export function sampleProject(): Project {
  if (!project) {
    const p = openProject({ root: REPO, requestsDir: path.join(REPO, "requests") });
    if (!p.ok || !("requests" in p)) throw new Error("sample project does not open");
    project = p;
  }
  return project;
}

export function sampleRequest(id: string): Request {
  const r = sampleProject().requests.find((l) => l.request.metadata.id === id);
  if (!r) throw new Error(`no sample ${id}`);
  return r.request;
}

export const PASSED: Verification = {
  result: "passed",
  at: "2026-11-20T05:04:30Z",
  checks: [
    { name: "dns", result: "passed", detail: "sibapo.contohkab.go.id A 203.0.113.10" },
    { name: "https", result: "passed", detail: "https://sibapo.contohkab.go.id/ 200 dalam 120 ms" },
  ],
};
