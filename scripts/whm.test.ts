/**
 * scripts/whm.js as @pulumi/command runs it: values in the environment, WHM on 127.0.0.1. The refusal
 * runs the real process (exit code, stdout and stderr as the engine sees them); the other cases call
 * whmMain, the process's whole body, with the same environment.
 */
import * as path from "node:path";
import { FakeWhm } from "../test/support/fake-whm";
import { spawnCollect } from "../test/support/spawn";

// By name with its extension: jest would resolve "./whm" to the whm.js entry (js before ts).
const { whmMain }: typeof import("./whm") = require("./whm.ts");

const BIN = path.resolve(__dirname, "whm.js");
const PASSWORD = "Kata-Sandi-Uji-9f3b";
/** create and update end with the password's fingerprint (infra/whm/account.ts); never the password. */
const FP = "sidik-kata-sandi: 99ad72e90a6c1acb";
let whm: FakeWhm;
beforeEach(async () => {
  whm = new FakeWhm();
  await whm.start();
});
afterEach(() => whm.stop());

const envFor = (extra: Record<string, string>) => ({
  PATH: process.env.PATH!,
  WHM_HOST: whm.url,
  WHM_API_TOKEN: whm.token,
  PUSDAT_USERNAME: "disdikweb",
  PUSDAT_DOMAIN: "disdik.contohkab.go.id",
  PUSDAT_PLAN: "sedang",
  PUSDAT_CONTACT_EMAIL: "siti@contohkab.go.id",
  PUSDAT_PASSWORD: PASSWORD,
  PUSDAT_SUSPENDED: "false",
  ...extra,
});

/** `node scripts/whm.js <op>` in a child process. */
const runWhmProcess = (op: string, extra: Record<string, string> = {}) => spawnCollect(process.execPath, [BIN, op], { env: envFor(extra) });

/** What that process runs, in this process. */
const runWhm = (op: string, extra: Record<string, string> = {}) => whmMain([op], envFor(extra));

test("create, a plan change, decommission and delete, each through whmMain", async () => {
  expect(await runWhm("create")).toEqual({ code: 0, out: `akun disdikweb dibuat untuk disdik.contohkab.go.id dengan paket sedang\n${FP}\n`, err: "" });
  expect(await runWhm("update", { PUSDAT_PLAN: "besar" })).toEqual({ code: 0, out: `akun disdikweb: paket sedang → besar\n${FP}\n`, err: "" });
  expect(await runWhm("update", { PUSDAT_PLAN: "besar", PUSDAT_SUSPENDED: "true", PUSDAT_SUSPEND_REASON: "pusdat: dihentikan" })).toEqual({ code: 0, out: `akun disdikweb: disuspend\n${FP}\n`, err: "" });
  expect(await runWhm("delete")).toEqual({ code: 0, out: "akun disdikweb disuspend; berkas dan basis data tetap tersimpan (tidak ada removeacct)\n", err: "" });
  expect(whm.calls.map((c) => c.fn)).toEqual(["verify_new_username", "createacct", "accountsummary", "changepackage", "accountsummary", "suspendacct", "accountsummary"]);
  expect(whm.calls.some((c) => c.fn === "removeacct")).toBe(false);
});

test("a rotation through whmMain: the previous stdout in PULUMI_COMMAND_STDOUT, passwd with the new password", async () => {
  const created = await runWhm("create");
  const r = await runWhm("update", { PUSDAT_PASSWORD: "Kata-Sandi-Baru-77aa", PUSDAT_PASSWORD_ROTATION: "1", PULUMI_COMMAND_STDOUT: created.out });
  expect(r).toEqual({ code: 0, out: "akun disdikweb: kata sandi diganti\nsidik-kata-sandi: 0655ddf72be25070\n", err: "" });
  expect(whm.accounts.get("disdikweb")!.password).toBe("Kata-Sandi-Baru-77aa");
  expect(created.out + r.out).not.toContain("Kata-Sandi");
});

test("a WHM refusal through the process: exit 1, the reason in Bahasa Indonesia, the password nowhere in the output", async () => {
  whm.faults.set("createacct", "reject");
  const r = await runWhmProcess("create");
  expect(r).toEqual({ code: 1, out: "", err: "whm create: WHM menolak createacct: Simulated refusal of createacct.\n" });
  expect(r.out + r.err).not.toContain(PASSWORD);
}, 60_000); // a node process compiling the script: slow on a loaded machine

test("missing credentials and a wrong operation: exit 2", async () => {
  expect(await runWhm("create", { WHM_API_TOKEN: "" })).toEqual({ code: 2, out: "", err: "kredensial WHM tidak ada: WHM_API_TOKEN\n" });
  expect(await runWhm("removeacct")).toEqual({ code: 2, out: "", err: "pemakaian: whm create|update|delete\n" });
});
