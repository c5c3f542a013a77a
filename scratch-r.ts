import * as fs from "node:fs";
import { openProject } from "./infra/core/project";
import { generateDocuments } from "./infra/docs/generate";
import { emptyRegister } from "./infra/docs/numbering";
(async () => {
  const p = openProject({}) as any;
  const changed = p.requests.map((l: any) => ({ id: l.request.metadata.id, change: l.request.metadata.status === "decommissioned" ? "decommission" : "create", request: l.request }));
  const t0 = Date.now();
  const r = await generateDocuments({ changed, site: p.site, organisation: p.site.organisation, signer: p.site.approvers[0], commit: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d", appliedAt: "2026-11-20T05:03:40Z",
    verify: { sibapo: { result: "passed", at: "2026-11-20T05:04:30Z", checks: [{ name: "dns", result: "passed", detail: "sibapo.contohkab.go.id A 203.0.113.10" }, { name: "https", result: "failed", detail: "https://sibapo.contohkab.go.id/ menjawab 502 dalam 340 ms" }] } }, register: emptyRegister() });
  console.log(Date.now() - t0, "ms");
  fs.rmSync("/tmp/pusdat-scratch/out", { recursive: true, force: true });
  for (const d of r.documents) { const f = "/tmp/pusdat-scratch/out/" + d.path; fs.mkdirSync(require("path").dirname(f), { recursive: true }); fs.writeFileSync(f, d.bytes); console.log(d.nomor, d.path, d.bytes.length); }
})();
