import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
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

describe("the JSON Schema editors use agrees with the validator", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, SCHEMA_FILE), "utf8")));
  const dir = path.join(REPO, "requests");
  const samples = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".yaml"));

  test.each(samples)("accepts %s", (f) => {
    expect([f, check(parse(fs.readFileSync(path.join(dir, f), "utf8")))]).toEqual([f, true]);
  });

  test("refuses an unknown field and a wrong type, as the validator does", () => {
    const doc = parse(fs.readFileSync(path.join(dir, "vm/sibapo-app.yaml"), "utf8"));
    expect(check({ ...doc, spec: { ...doc.spec, colour: "merah" } })).toBe(false);
    expect(check({ ...doc, spec: { ...doc.spec, cpu: "dua" } })).toBe(false);
    expect(check({ ...doc, metadata: { ...doc.metadata, contact: { ...doc.metadata.contact, phone: "0812-345" } } })).toBe(false);
  });
});
