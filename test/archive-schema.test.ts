import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { ArchiveRecord } from "../infra/core/archive/record";
import { ARCHIVE_SCHEMA_FILE, archiveRecordJsonSchema } from "../scripts/schema";

const REPO = path.resolve(__dirname, "..");
const record = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/archive/record.json"), "utf8"));

test("the ARCHIVE.md example record is valid for the zod schema too", () => {
  expect(ArchiveRecord.safeParse(record).success).toBe(true);
});

test("the committed JSON Schema of the archive record is the one the zod schema generates (run `npm run schema` after a change)", () => {
  expect(fs.readFileSync(path.join(REPO, ARCHIVE_SCHEMA_FILE), "utf8")).toBe(archiveRecordJsonSchema());
});

describe("auditors' tools can check a record with the JSON Schema alone", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, ARCHIVE_SCHEMA_FILE), "utf8")));

  test("accepts the record of ARCHIVE.md's example", () => {
    expect([check(record), check.errors]).toEqual([true, null]);
  });

  test.each<[string, (r: any) => void]>([
    ["an unknown field", (r) => (r.extra = 1)],
    ["a short commit", (r) => (r.commit = "1a2b3c")],
    ["a result that is not passed/failed/skipped", (r) => (r.requests[0].verify.result = "ok")],
    ["a change that is not create/update/decommission/remove", (r) => (r.requests[0].change = "delete")],
    ["a local time", (r) => (r.apply.startedAt = "2026-11-20T12:01:10+07:00")],
  ])("refuses %s", (_n, spoil) => {
    const r = structuredClone(record);
    spoil(r);
    expect(check(r)).toBe(false);
  });
});
