/** The verify test stack (test/fixtures/verify): its site configuration and requests, loaded once. */
import * as path from "node:path";
import { openProject, type Project } from "../../infra/core/project";
import type { Request } from "../../infra/core/model/kinds";

export const VERIFY_FIXTURE = path.resolve(__dirname, "../fixtures/verify");
const POLICY = path.resolve(__dirname, "../../policies/config.json");

let cached: Project | undefined;

export function fixtureProject(): Project {
  if (cached) return cached;
  const p = openProject({ root: VERIFY_FIXTURE, stack: "uji", policyConfig: POLICY });
  if (!p.ok || p.findings.length) throw new Error(`fixture tidak sah: ${JSON.stringify(p.ok ? p.findings : p.problems)}`);
  return (cached = p);
}

export function fixtureRequest(id: string): Request {
  const r = fixtureProject().requests.find((x) => x.request.metadata.id === id);
  if (!r) throw new Error(`tidak ada permintaan ${id} di fixture`);
  return r.request;
}
