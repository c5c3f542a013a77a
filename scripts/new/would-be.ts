/**
 * "Would this edit pass?" answered before the file is touched: the requests folder is copied to a
 * temporary folder, the edited text written there, and the copy validated exactly as `pusdat
 * validate` would; findings are shown with the real file names. Also the transitions that
 * `pusdat plan` refuses (a shrinking disk, a moved VM).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Finding, findingLine } from "../../infra/core/findings";
import { displayPath, type LoadedRequest } from "../../infra/core/load/requests";
import { inventoryOf, transitionProblems } from "../../infra/core/plan/inventory";
import { type Project, type ProjectConfig, readRequests } from "../../infra/core/project";

export interface Verdict {
  /** Findings the edit brings (those already there before are not its fault). */
  findings: Finding[];
  /** Transition refusals, as `pusdat plan` words them. */
  refused: string[];
}

export function wouldBe(config: ProjectConfig, before: Project, file: string, text: string): Verdict {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pusdat-edit-"));
  try {
    const copy = path.join(tmp, "requests");
    fs.cpSync(before.requestsDir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, path.relative(before.requestsDir, file)), text);
    const after = readRequests(config, copy);
    const shownCopy = `${displayPath(copy)}/`;
    const shownReal = `${displayPath(before.requestsDir)}/`;
    const had = new Set(before.findings.map(findingLine));
    const findings = after.findings
      .map((f) => ({ ...f, file: f.file.startsWith(shownCopy) ? shownReal + f.file.slice(shownCopy.length) : f.file }))
      .filter((f) => !had.has(findingLine(f)));
    const id = (r: LoadedRequest) => r.request.metadata.id;
    const target = path.basename(file, ".yaml");
    const prev = before.requests.filter((r) => id(r) === target);
    const next = after.requests.filter((r) => id(r) === target);
    const refused = next.length ? transitionProblems(inventoryOf(prev), inventoryOf(next)).map((p) => p.message) : [];
    return { findings, refused };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
