import { sampleRequest } from "../../test/support/documents";
import type { Request } from "../core/model/kinds";
import { changedRequests, namedRequests } from "./changes";

const sibapo = sampleRequest("sibapo");
const ppid = sampleRequest("ppid");
const jdih = sampleRequest("jdih");
const eoffice = sampleRequest("eoffice-lama");
const with_ = (r: Request, patch: object): Request => ({ ...r, metadata: { ...r.metadata, ...patch } }) as Request;
const decommissioned = with_(ppid, { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/9/X/2026", date: "2026-11-01" } } });

test("create, update, decommission and remove, sorted by id; an unchanged request is left out", () => {
  const before = [sibapo, ppid, jdih];
  const after = [with_(sibapo, { purpose: "Aplikasi harga bahan pokok yang diperbarui" }), decommissioned, eoffice];
  expect(changedRequests(before, after).map((c) => [c.id, c.change])).toEqual([
    ["eoffice-lama", "decommission"],
    ["jdih", "remove"],
    ["ppid", "decommission"],
    ["sibapo", "update"],
  ]);
  expect(changedRequests(before, before)).toEqual([]);
});

test("a removed request is described as it stood before; a created one as it is now", () => {
  const out = changedRequests([jdih], [sibapo]);
  expect(out).toEqual([
    { id: "jdih", change: "remove", request: jdih },
    { id: "sibapo", change: "create", request: sibapo },
  ]);
});

test("named requests: a decommissioned one documents its decommission; unknown ids are reported", () => {
  const r = namedRequests([sibapo, eoffice], ["sibapo", "eoffice-lama", "tidak-ada", "sibapo"]);
  expect(r.changed.map((c) => [c.id, c.change])).toEqual([["eoffice-lama", "decommission"], ["sibapo", "create"]]);
  expect(r.unknown).toEqual(["tidak-ada"]);
});
