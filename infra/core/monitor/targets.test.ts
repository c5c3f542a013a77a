import { fixtureProject } from "../../../test/support/verify-fixture";
import type { LoadedRequest } from "../load/requests";
import type { Request } from "../model/kinds";
import { targetsOf } from "./targets";
import type { Target } from "./types";

const base = fixtureProject().requests;

/** A fixture request edited: metadata and spec fields replaced (a decommission needs its memo). */
function edited(id: string, meta: Record<string, unknown>, spec: Record<string, unknown> = {}): LoadedRequest {
  const r = base.find((x) => x.request.metadata.id === id)!;
  return { ...r, request: { ...r.request, metadata: { ...r.request.metadata, ...meta }, spec: { ...r.request.spec, ...spec } } as Request };
}
const gone = { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/140/DISKOMINFO/2027", date: "2027-02-01" } } };

const brief = (t: Target) =>
  "item" in t ? [t.kind, t.id, t.decommissioned] : t.kind === "subdomain" ? [t.kind, t.id, t.decommissioned, t.fqdn, t.type, t.value, t.proxied] : t.kind === "pdn" ? [t.kind, t.id, t.decommissioned, t.address, t.ports, t.ticket] : [t.kind, t.id, t.decommissioned];

describe("targetsOf", () => {
  it("the fixture: decommissioned hosting and VM kept, PDN VM not yet active left out, API requests not watched", () => {
    expect(targetsOf(base, "uji.test").map(brief)).toEqual([
      ["hosting", "disdik-web", false],
      ["hosting", "kec-lama", true],
      ["vm", "eoffice-lama", true],
      ["vm", "sibapo-app", false],
      ["subdomain", "jdih", false],
      ["subdomain", "ppid", false],
      ["subdomain", "sibapo", false],
      ["pdn", "sipd-uji", false],
    ]);
  });

  it.each([
    ["a decommissioned A record", edited("ppid", gone), ["subdomain", "ppid", true, "ppid.uji.test", "A", "203.0.113.20", false]],
    ["a decommissioned CNAME", edited("jdih", gone), ["subdomain", "jdih", true, "jdih.uji.test", "CNAME", "jdih.example.org", false]],
    ["a decommissioned proxied CNAME is asked as A (flattened)", edited("jdih", gone, { proxied: true }), ["subdomain", "jdih", true, "jdih.uji.test", "A", "jdih.example.org", true]],
    ["a decommissioned proxied A", edited("sibapo", gone), ["subdomain", "sibapo", true, "sibapo.uji.test", "A", "203.0.113.10", true]],
    ["a decommissioned PDN VM with an address", edited("sipd-uji", gone, { ports: [443, 22, 443] }), ["pdn", "sipd-uji", true, "127.0.0.1", [22, 443], "PDN-2026-000777"]],
  ])("%s", (_n, changed, want) => {
    const requests = base.map((r) => (r.request.metadata.id === changed.request.metadata.id ? changed : r));
    expect(targetsOf(requests, "uji.test").map(brief)).toContainEqual(want);
  });

  it.each([
    ["a decommissioned PDN VM that never had an address", edited("sipd-antre", gone)],
    ["a decommissioned PDN VM with no ports asked", edited("sipd-uji", gone, { ports: [] })],
  ])("%s is not a target", (_n, changed) => {
    const requests = base.map((r) => (r.request.metadata.id === changed.request.metadata.id ? changed : r));
    expect(targetsOf(requests, "uji.test").map((t) => t.id)).not.toContain(changed.request.metadata.id);
  });
});
