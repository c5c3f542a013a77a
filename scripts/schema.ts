/**
 * Writes the JSON Schema of a request, generated from the zod schema (the one source), so editors
 * check a request while it is typed (`# yaml-language-server: $schema=…`). `--check` fails when the
 * committed file is stale.
 */
import * as fs from "node:fs";
import * as z from "zod";
import { ArchiveRecord } from "../infra/core/archive/record";
import { RequestSchema } from "../infra/core/model/kinds";

export const SCHEMA_FILE = "schema/request.schema.json";
export const ARCHIVE_SCHEMA_FILE = "schema/archive-record.schema.json";

export function requestJsonSchema(): string {
  const schema = z.toJSONSchema(RequestSchema, { io: "input", unrepresentable: "any", target: "draft-7" });
  return `${JSON.stringify({ ...schema, title: "Permintaan layanan pusdat (pusdat/v1)" }, null, 2)}\n`;
}

/** The archive record (`catatan/…json` on the arsip branch), for auditors' tools in any language. */
export function archiveRecordJsonSchema(): string {
  const schema = z.toJSONSchema(ArchiveRecord, { io: "input", unrepresentable: "any", target: "draft-7" });
  return `${JSON.stringify({ ...schema, title: "Catatan arsip pusdat (pusdat-arsip/v1)" }, null, 2)}\n`;
}

if (require.main === module) {
  for (const [file, text] of [[SCHEMA_FILE, requestJsonSchema()], [ARCHIVE_SCHEMA_FILE, archiveRecordJsonSchema()]] as const) {
    if (process.argv.includes("--check")) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      if (current !== text) {
        process.stderr.write(`${file} tidak sesuai dengan skema zod; jalankan: npm run schema\n`);
        process.exitCode = 1;
      }
    } else {
      fs.writeFileSync(file, text);
      process.stdout.write(`ditulis: ${file}\n`);
    }
  }
}
