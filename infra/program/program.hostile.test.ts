/**
 * Property: whatever a request's free-text fields hold (shell metacharacters, quotes, newlines), the
 * WHM commands' text never changes and no such value reaches a command input: request values travel
 * only as environment variables, and the free text not even there.
 */
import fc from "fast-check";
import { makeProject } from "../../test/support/project";
import { simulate } from "./simulate";

const ENV = { CLOUDFLARE_API_TOKEN: "cf", WHM_HOST: "whm", WHM_API_TOKEN: "t", PROXMOX_VE_API_TOKEN: "p", PUSDAT_SPLP_LOKAL_TOKEN: "sl", PUSDAT_SPLP_NASIONAL_TOKEN: "sn" };
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
