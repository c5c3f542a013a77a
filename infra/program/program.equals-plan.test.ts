/**
 * The whole program, run under Pulumi's mocks, over many inputs (one file: jest loads the Pulumi
 * runtime and the program again for every file).
 *
 * `pusdat plan` computes the resources without the Pulumi runtime (infra/core/plan/resources.ts).
 * This proves the real program, run under Pulumi's mocks, registers exactly that list: same types,
 * names, URNs, parents, inputs (secrets included, still wrapped), options and dependencies.
 *
 * Property: whatever a request's free-text fields hold (shell metacharacters, quotes, newlines), the
 * WHM commands' text never changes and no such value reaches a command input: request values travel
 * only as environment variables, and the free text not even there.
 */
import fc from "fast-check";
import { planProject } from "../core/plan";
import { plannedResources, type PlannedResource } from "../core/plan/resources";
import { openProject } from "../core/project";
import { makeProject, sample, testProject } from "../../test/support/project";
import { simulate } from "./simulate";

const ENV = { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" };
const byUrn = (rs: PlannedResource[]) => [...rs].sort((a, b) => (a.urn < b.urn ? -1 : 1));

const decommission = { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/140/DISDIK/2027", date: "2027-02-01" } } };

test.each([
  ["the samples", {}, {}, undefined],
  ["decommissions, a removal and a resize", { "hosting/disdik-web": { metadata: decommission }, "api/harga-pangan": { metadata: decommission }, "subdomain/jdih": null, "vm/sibapo-app": { spec: { cpu: 4, diskGb: 60 } } }, {}, undefined],
  ["a new subdomain, and the zone looked up by name", {}, { "subdomain/baru": { ...sample("subdomain/ppid"), metadata: { ...(sample("subdomain/ppid").metadata as object), id: "baru" }, spec: { name: "baru", target: { ip: "203.0.113.99" } } } }, "no-zone-id"],
  ["a zone without record tags, and a password rotation", { "hosting/disdik-web": { spec: { passwordRotation: 2 } } }, {}, "no-tags"],
] as const)("%s: the program registers exactly the planned resources", async (_name, patches, extra, variant) => {
  const edits: Record<string, (s: string) => string> = {
    "no-zone-id": (s) => s.replace(/^  pusdat:cloudflareZoneId: .*\n/m, ""),
    "no-tags": (s) => s.replace("pusdat:cloudflareTags: true", "pusdat:cloudflareTags: false"),
  };
  const root = testProject({ patches, extra, stackEdit: variant ? edits[variant] : undefined });
  const project = openProject({ root });
  const opened = planProject(project);
  // With a rotation, the last deployment had the previous counter: this deployment unprotects the password.
  const previous = variant === "no-tags" ? { ...opened.inventory, "disdik-web": { ...opened.inventory["disdik-web"]!, passwordRotation: "1" } } : {};
  const planned = plannedResources(opened.desired, opened.project.site, "contoh", previous);
  const sim = await simulate({ stack: "contoh", project, env: ENV, previous });
  expect(byUrn(sim.resources)).toEqual(byUrn(planned));
  expect(planned.length).toBeGreaterThan(10);
  const dns = sim.resources.filter((r) => r.type === "cloudflare:index/dnsRecord:DnsRecord");
  expect(dns.filter((r) => "tags" in r.inputs).length).toBe(variant === "no-tags" ? 0 : dns.length);
  if (variant === "no-tags") {
    const pw = sim.resources.find((r) => r.name === "disdik-web-password")!;
    expect([pw.inputs.keepers, pw.protect]).toEqual([{ rotation: "2" }, false]);
  }
});

/** Free text a hostile requester could write into metadata.opd, contact.name and purpose. */
const HOSTILE = ["$(reboot)", "`id`", "; rm -rf /", "' || true '", '" && curl http://x "', "\n--\nrm -rf ~", "| sh", "${PUSDAT_PASSWORD}", "%0Aecho"];

const text = fc
  .tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE), fc.string({ minLength: 0, maxLength: 12 }))
  .map(([a, b, c]) => `Dinas ${a} Uji ${b}${c}`.slice(0, 190));

test("hostile free text never changes a command string", async () => {
  await fc.assert(
    fc.asyncProperty(text, text, text, async (opd, name, purpose) => {
      const meta = { metadata: { opd, contact: { name }, purpose } };
      const root = makeProject({ "hosting/disdik-web": meta, "hosting/kec-kota": meta, "vm/sibapo-app": meta, "subdomain/sibapo": meta });
      const sim = await simulate({ stack: "contoh", root, env: ENV, previous: {} });
      const commands = sim.resources.filter((r) => r.type === "command:local:Command");
      expect(commands).toHaveLength(3);
      for (const c of commands) {
        expect(Object.keys(c.inputs).sort()).toEqual(["create", "delete", "environment", "logging", "update"]);
        expect([c.inputs.create, c.inputs.update, c.inputs.delete]).toEqual(["node scripts/whm.js create", "node scripts/whm.js update", "node scripts/whm.js delete"]);
        const all = JSON.stringify(c.inputs);
        for (const h of [opd, name, purpose]) expect(all).not.toContain(JSON.stringify(h).slice(1, -1));
      }
    }),
    { numRuns: 12 },
  );
}, 120_000);
