/**
 * Writes the JSON Schema of a request, generated from the zod schema (the one source), so editors
 * check a request while it is typed (`# yaml-language-server: $schema=…`). `--check` fails when the
 * committed file is stale.
 */
import * as fs from "node:fs";
import { z } from "zod";
import { RequestSchema } from "../infra/core/model/kinds";

export const SCHEMA_FILE = "schema/request.schema.json";

export function requestJsonSchema(): string {
  const schema = z.toJSONSchema(RequestSchema, { io: "input", unrepresentable: "any", target: "draft-7" });
  return `${JSON.stringify({ ...schema, title: "Permintaan layanan pusdat (pusdat/v1)" }, null, 2)}\n`;
}

if (require.main === module) {
  const text = requestJsonSchema();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${SCHEMA_FILE} tidak sesuai dengan skema zod; jalankan: npm run schema\n`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`ditulis: ${SCHEMA_FILE}\n`);
  }
}
