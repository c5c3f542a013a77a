import * as fs from "node:fs";
import * as path from "node:path";
import { requestJsonSchema, SCHEMA_FILE } from "../scripts/schema";

const REPO = path.resolve(__dirname, "..");

test("the committed JSON Schema is the one the zod schema generates (run `npm run schema` after a model change)", () => {
  expect(fs.readFileSync(path.join(REPO, SCHEMA_FILE), "utf8")).toBe(requestJsonSchema());
});

test("every sample request names the JSON Schema on its first line, so editors check it", () => {
  const dir = path.join(REPO, "requests");
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".yaml"));
  expect(files.length).toBe(14);
  for (const f of files) {
    expect([f, fs.readFileSync(path.join(dir, f), "utf8").split("\n")[0]]).toEqual([f, "# yaml-language-server: $schema=../../schema/request.schema.json"]);
  }
});
