import { parseVerifyResults } from "./verify-file";

const V = { result: "passed", at: "2026-11-20T05:04:30Z", checks: [{ name: "dns", result: "passed", detail: "sibapo.contohkab.go.id A 203.0.113.10", durationMs: 12 }] };

test.each([
  ["a map of id → result", { sibapo: V }],
  ["requests as a map", { schema: "pusdat-verify/v1", requests: { sibapo: V } }],
  ["requests as a list with the result inline", { requests: [{ id: "sibapo", kind: "Subdomain", ...V }] }],
  ["requests as a list with the result under verify", { requests: [{ id: "sibapo", verify: V }], summary: { passed: 1 } }],
])("reads %s", (_n, json) => {
  expect(parseVerifyResults(JSON.stringify(json), "v.json")).toEqual({ ok: true, value: { sibapo: V } });
});

test("drops every field that is not part of a result (nothing else reaches a record or a document)", () => {
  const json = { requests: [{ id: "sibapo", ...V, password: "x", checks: [{ ...V.checks[0], token: "y" }] }] };
  expect(parseVerifyResults(JSON.stringify(json), "v.json")).toEqual({ ok: true, value: { sibapo: V } });
});

const jsonError = (() => {
  try {
    JSON.parse("{");
  } catch (e) {
    return (e as Error).message;
  }
})();

test.each([
  ["{", `v.json: bukan JSON yang sah (${jsonError})`],
  ["[]", "v.json: objek JSON yang berisi hasil per id permintaan"],
  [JSON.stringify({ requests: [{ result: "passed" }] }), "v.json: requests[0] tanpa \"id\""],
  [JSON.stringify({ sibapo: { ...V, result: "ok" } }), "v.json: hasil uji untuk \"sibapo\" tidak sah di sibapo.result: Invalid option: expected one of \"passed\"|\"failed\"|\"skipped\""],
])("refuses %s", (text, problem) => {
  expect(parseVerifyResults(text, "v.json")).toEqual({ ok: false, problem });
});
