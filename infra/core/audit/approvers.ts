/**
 * Who may approve a change: `pusdat:approvers` in `Pulumi.<stack>.yaml` as it stood in the change's
 * parent commit. Anything unreadable counts as nobody (fail closed), with the reason kept so that
 * the finding can say why.
 */
import * as z from "zod";
// Only the Indonesian locale: importing all of zod's locales costs every start ~100 ms.
import indonesian from "zod/v4/locales/id.cjs";
import { Approver } from "../config/site";
import { parseYamlMapping } from "../load/source";

export type ApproverList = { ok: true; logins: string[] } | { ok: false; reason: string };

const Approvers = z.array(Approver);

export function approversFrom(bytes: Buffer | null, stackFile: string): ApproverList {
  if (bytes === null) return { ok: false, reason: `berkas ${stackFile} belum ada` };
  const parsed = parseYamlMapping(bytes);
  if (!parsed.ok) {
    const p = parsed.problems[0]!;
    return { ok: false, reason: `${stackFile}:${p.line}:${p.column}: ${p.message}` };
  }
  const config = parsed.value.config;
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return { ok: false, reason: `${stackFile} tidak memuat mapping 'config'` };
  }
  const raw = (config as Record<string, unknown>)["pusdat:approvers"];
  if (raw === undefined || raw === null) return { ok: true, logins: [] };
  const r = Approvers.safeParse(raw, { error: indonesian().localeError });
  if (!r.success) {
    const i = r.error.issues[0]!;
    const where = i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("");
    return { ok: false, reason: `pusdat:approvers${where} tidak sah: ${i.message}` };
  }
  return { ok: true, logins: r.data.map((a) => a.login) };
}

/** Logins compare as the forges compare them: without regard to case. */
export const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
