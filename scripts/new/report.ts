/** How an edit command says no: the would-be findings as `pusdat validate` words them, then one line. */
import { findingLine } from "../../infra/core/findings";
import type { Io } from "../commands/types";
import type { Verdict } from "./would-be";

export function refuseIfBad(v: Verdict, shown: string, io: Io): boolean {
  if (!v.findings.length && !v.refused.length) return false;
  for (const f of v.findings) io.err(`${findingLine(f)}\n`);
  for (const r of v.refused) io.err(`${r} (${shown})\n`);
  io.err(`Ditolak: ${shown} tidak diubah (${v.findings.length + v.refused.length} temuan).\n`);
  return true;
}
