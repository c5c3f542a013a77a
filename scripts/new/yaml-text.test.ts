import * as fs from "node:fs";
import * as path from "node:path";
import { Document } from "yaml";
import { applyChanges, decommissionText } from "./edit";
import { renderYaml } from "./yaml-text";

const REPO = path.resolve(__dirname, "../..");
const files = (dir: string): string[] =>
  fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith(".yaml") ? [`${dir}/${e.name}`] : []));

describe("an edit that changes nothing gives back the same bytes", () => {
  test.each([...files("requests"), ...files("test/fixtures/new")])("%s", (f) => {
    const text = fs.readFileSync(path.join(REPO, f), "utf8");
    expect(applyChanges(text, [])).toBe(text);
  });
});

describe("renderYaml", () => {
  test.each([
    ["flow lists lose their inner padding, flow maps keep it", { ports: [22, 443], nota: { number: "1/2" } }, ["ports", "nota"], "ports: [22, 443]\nnota: { number: 1/2 }\n"],
    ["text that looks like a list stays quoted and untouched", { purpose: "[ lampiran ]" }, [], 'purpose: "[ lampiran ]"\n'],
    ["a long line is never folded", { purpose: "x ".repeat(60).trim() }, [], `purpose: ${"x ".repeat(60).trim()}\n`],
  ])("%s", (_n, value, flowKeys, expected) => {
    const doc = new Document(value);
    for (const k of flowKeys) (doc.get(k, true) as { flow: boolean }).flow = true;
    expect(renderYaml(doc)).toBe(expected);
  });
});

test("decommissioning an already decommissioned request adds only the final backup", () => {
  const text = fs.readFileSync(path.join(REPO, "requests/subdomain/pilkada2024.yaml"), "utf8");
  expect(decommissionText(text, { finalBackup: "arsip.tar" })).toBe(
    text.replace('date: 2026-02-10 }\n', 'date: 2026-02-10 }\n    finalBackup: arsip.tar\n'),
  );
});
