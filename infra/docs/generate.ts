/**
 * Every document of one applied commit: which documents each changed request gets, their numbers
 * from the register, their content and their PDF bytes. Pure but for rendering (no file or git I/O).
 */
import { documentPath, recordPath, type Verification } from "../core/archive/record";
import { jakartaDate } from "../core/archive/record";
import type { Approver, Organisation, SiteConfig } from "../core/config/site";
import type { Changed } from "./changes";
import { buildDocument } from "./content";
import { documentTypes } from "./facts";
import { assignNumbers, type DocType, type Register } from "./numbering";
import { renderPdf } from "./render";

export interface GenerateInput {
  changed: Changed[];
  site: SiteConfig;
  organisation: Organisation;
  signer: Approver;
  commit: string;
  appliedAt: string;
  /** Verify results per request id; a request without one is recorded as not tested. */
  verify: Record<string, Verification>;
  register: Register;
}

export interface GeneratedDocument {
  id: string;
  type: DocType;
  nomor: string;
  /** `dokumen/<id>/<date>-<commit12>-<type>.pdf`, as on the arsip branch. */
  path: string;
  bytes: Buffer;
}

export const notTested = (at: string): Verification => ({ result: "skipped", at, checks: [] });

export async function generateDocuments(g: GenerateInput): Promise<{ documents: GeneratedDocument[]; register: Register }> {
  const date = jakartaDate(g.appliedAt);
  const wanted = g.changed.flatMap((c) => documentTypes(c.request, c.change).map((type) => ({ c, type })));
  const { register, numbers } = assignNumbers(
    g.register,
    wanted.map(({ c, type }) => ({ request: c.id, type, commit: g.commit, date })),
    g.organisation.letterNumber,
  );
  const record = recordPath({ commit: g.commit, apply: { finishedAt: g.appliedAt } as never });
  const documents: GeneratedDocument[] = [];
  for (const [n, { c, type }] of wanted.entries()) {
    const model = buildDocument(type, {
      request: c.request, change: c.change, site: g.site, organisation: g.organisation, signer: g.signer, commit: g.commit,
      appliedAt: g.appliedAt, verify: g.verify[c.id] ?? notTested(g.appliedAt), nomor: numbers[n]!, recordPath: record,
    });
    documents.push({ id: c.id, type, nomor: numbers[n]!, path: documentPath(c.id, g.appliedAt, g.commit, type), bytes: await renderPdf(model) });
  }
  return { documents, register };
}
