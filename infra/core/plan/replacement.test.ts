/**
 * The replacement table kept honest: every argument the providers replace on is either not set by
 * the program, ignored, made harmless (migrate), fixed, or refused before the merge; and no change a
 * request or the stack's template settings can make leads to a VM or account replacement.
 */
import { planProject } from ".";
import { diffResources, forbiddenReplacement } from "./diff";
import { REPLACEMENT_TABLE, replacedFields } from "./replacement";
import { plannedResources, type PlannedResource, VM_IGNORE_CHANGES } from "./resources";
import { inventoryOf } from "./inventory";
import { openProject } from "../project";
import { TYPE } from "../naming";
import { testProject, type TestProjectOptions } from "../../../test/support/project";

const planned = (opts: TestProjectOptions = {}) => {
  const project = openProject({ root: testProject(opts) });
  if (!project.ok) throw new Error("invalid test project");
  return { resources: plannedResources(planProject(project).desired, project.site, "contoh"), inventory: inventoryOf(project.requests), project };
};

const get = (o: unknown, path: string): unknown => path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

let samples: PlannedResource[];
beforeAll(() => {
  samples = planned().resources;
});
const one = (type: string) => samples.find((r) => r.type === type)!;

test("the table names, per type, exactly these replacing arguments and handlings", () => {
  expect(REPLACEMENT_TABLE.map((e) => `${e.type.split(":").pop()} ${e.field}: ${e.handling}`)).toEqual([
    "VmLegacy vmId: refused",
    "VmLegacy nodeName: migrate",
    "VmLegacy clone.vmId: ignored",
    "VmLegacy clone.nodeName: ignored",
    "VmLegacy clone.datastoreId: ignored",
    "VmLegacy clone.full: ignored",
    "VmLegacy clone.retries: unset",
    "VmLegacy initialization.type: unset",
    "VmLegacy initialization.userDataFileId: unset",
    "VmLegacy amdSev: unset",
    "VmLegacy disks.size: refused",
    "DnsRecord zoneId: site",
    "RandomPassword PASSWORD_ARGS: constant",
    "RandomPassword keepers: rotation",
    "Command triggers: unset",
    "Job resourceId: constant",
    "SplpAccess channel: request",
    "SplpAccess api: request",
    "SplpAccess version: request",
    "SplpAccess baseUrl: site",
    "SplpAccess tenant: site",
    "SplpAccess application: constant",
  ]);
});

test.each(REPLACEMENT_TABLE.filter((e) => e.handling === "unset").map((e) => [e.type, e.field] as const))("%s %s is never set by the program", (type, field) => {
  const all = samples.filter((r) => r.type === type);
  expect(all.length).toBeGreaterThan(0);
  expect(all.map((r) => get(r.inputs, field))).toEqual(all.map(() => undefined));
});

test("ignored fields are covered by the VM's ignoreChanges, and the node change migrates", () => {
  const vm = one(TYPE.vm);
  const ignored = REPLACEMENT_TABLE.filter((e) => e.handling === "ignored").map((e) => e.field);
  expect(ignored.every((f) => VM_IGNORE_CHANGES.some((i) => f.startsWith(`${i}.`)))).toBe(true);
  expect([vm.ignoreChanges, vm.inputs.migrate]).toEqual([["clone"], true]);
});

const with_ = (r: PlannedResource, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource => ({ ...r, inputs: { ...r.inputs, ...inputs }, ...extra });

test.each<[string, () => [PlannedResource, PlannedResource], string[]]>([
  ["VM: a new template VMID is ignored", () => [one(TYPE.vm), with_(one(TYPE.vm), { clone: { vmId: 9100, nodeName: "pve1", datastoreId: "local-lvm", full: true } })], []],
  ["VM: a new VMID replaces", () => [one(TYPE.vm), with_(one(TYPE.vm), { vmId: 999 })], ["vmId"]],
  ["VM: a node change migrates", () => [one(TYPE.vm), with_(one(TYPE.vm), { nodeName: "pve2" })], []],
  ["VM: a node change without migrate replaces", () => [one(TYPE.vm), with_(one(TYPE.vm), { nodeName: "pve2", migrate: false })], ["nodeName"]],
  ["VM: without ignoreChanges a template change replaces", () => [one(TYPE.vm), with_(one(TYPE.vm), { clone: { vmId: 9100, nodeName: "pve1", datastoreId: "local-lvm", full: true } }, { ignoreChanges: [] })], ["clone.vmId"]],
  ["VM: cores and disk size update in place", () => [one(TYPE.vm), with_(one(TYPE.vm), { cpu: { cores: 4 }, disks: [{ size: 80 }] })], []],
  ["DNS: another zone replaces", () => [one(TYPE.dnsRecord), with_(one(TYPE.dnsRecord), { zoneId: "ffffffffffffffffffffffffffffffff" })], ["zoneId"]],
  ["DNS: a new address updates in place", () => [one(TYPE.dnsRecord), with_(one(TYPE.dnsRecord), { content: "203.0.113.77" })], []],
  ["password: a rotation counter replaces", () => [one(TYPE.password), with_(one(TYPE.password), { keepers: { rotation: "1" } })], ["keepers"]],
  ["password: another length replaces", () => [one(TYPE.password), with_(one(TYPE.password), { length: 32 })], ["PASSWORD_ARGS"]],
  ["account command: a new environment updates in place", () => [one(TYPE.command), with_(one(TYPE.command), { environment: { x: "y" } })], []],
  ["account command: triggers replace", () => [one(TYPE.command), with_(one(TYPE.command), { triggers: ["1"] })], ["triggers"]],
  ["VM: a cloud-init type set by an edited program replaces", () => [one(TYPE.vm), with_(one(TYPE.vm), { initialization: { type: "nocloud" } })], ["initialization.type"]],
  ["backup job: another id replaces", () => [one(TYPE.backupJob), with_(one(TYPE.backupJob), { resourceId: "lain" })], ["resourceId"]],
])("%s", (_name, pair, expected) => {
  const [before, after] = pair();
  expect(replacedFields(before, after)).toEqual(expected);
});

describe("no request or template edit replaces a VM or an account", () => {
  test.each<[string, TestProjectOptions, string[]]>([
    ["a template moved to a new VMID and datastore", { stackEdit: (s) => s.replace("vmid: 9000, diskGb: 20", "vmid: 9100, diskGb: 20, datastore: ceph-vm") }, ["sibapo-app-vm ~ disks,initialization"]],
    ["more cores and a bigger disk", { patches: { "vm/sibapo-app": { spec: { cpu: 4, diskGb: 60 } } } }, ["sibapo-app-vm ~ cpu,disks"]],
    ["a decommissioned account", { patches: { "hosting/disdik-web": { metadata: { status: "decommissioned", decommission: { notaDinas: { number: "000.8.3.3/140/DISDIK/2027", date: "2027-02-01" } } } } } }, [
      "disdik-web-dns -", "disdik-web-account ~ environment (rahasia)", "disdik-web-password ~",
    ]],
  ])("%s", (_name, edit, expected) => {
    const before = samples;
    const after = planned(edit).resources;
    const changes = diffResources(before, after);
    expect(changes.filter((c) => c.replaces)).toEqual([]);
    expect(changes.map((c) => `${c.name} ${c.action === "delete" ? "-" : "~"}${c.fields.length ? ` ${c.fields.join(",")}` : ""}`)).toEqual(expected);
  });

  test("a password rotation replaces only the password, unprotected for that deployment, and is allowed", () => {
    const base = planned();
    const head = planned({ patches: { "hosting/disdik-web": { spec: { passwordRotation: 1 } } } });
    const after = plannedResources(planProject(head.project).desired, head.project.site, "contoh", base.inventory);
    const changes = diffResources(base.resources, after);
    expect(changes.map((c) => [c.name, c.replaces ?? [], c.protect, c.unprotects, forbiddenReplacement(c)])).toEqual([
      ["disdik-web-password", ["keepers"], false, true, false],
      ["disdik-web-account", [], true, false, false],
    ]);
    // The next deployment (the rotation now in the inventory) protects the new password again.
    const next = plannedResources(planProject(head.project).desired, head.project.site, "contoh", head.inventory);
    expect(next.find((r) => r.name === "disdik-web-password")!.protect).toBe(true);
  });

  test("a replacement of a VM or of a still protected resource is forbidden", () => {
    const vm = one(TYPE.vm);
    const [c] = diffResources([vm], [with_(vm, { vmId: 999 })]);
    expect([c!.replaces, forbiddenReplacement(c!)]).toEqual([["vmId"], true]);
    const pw = one(TYPE.password);
    const [p] = diffResources([pw], [with_(pw, { length: 32 })]);
    expect([p!.replaces, p!.protect, forbiddenReplacement(p!)]).toEqual([["PASSWORD_ARGS"], true, true]);
  });
});
