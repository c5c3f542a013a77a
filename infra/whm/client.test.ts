import { FakeWhm } from "../../test/support/fake-whm";
import { createAccount, deleteAccount, updateAccount, type AccountEnv } from "./account";
import { WhmClient } from "./client";

let whm: FakeWhm;
beforeEach(async () => {
  whm = new FakeWhm();
  await whm.start();
});
afterEach(() => whm.stop());

const client = (over: Partial<ConstructorParameters<typeof WhmClient>[0]> = {}) => new WhmClient({ host: whm.url, token: whm.token, timeoutMs: 300, ...over });
const account: AccountEnv = { username: "disdikweb", domain: "disdik.contohkab.go.id", plan: "sedang", contactEmail: "siti@contohkab.go.id", password: "Rahasia-Uji-123", suspended: false, suspendReason: "pusdat: dihentikan, Nota Dinas 1/2 (2027-01-01)" };

describe("WhmClient against a WHM-shaped server on 127.0.0.1", () => {
  test("success: parameters in a POST body, the token in the header, api.version=1", async () => {
    await client().verifyNewUsername("disdikweb");
    expect(whm.calls).toEqual([{ fn: "verify_new_username", params: { "api.version": "1", user: "disdikweb" }, query: "" }]);
  });

  test("result 0 with HTTP 200 is a failure, with WHM's reason", async () => {
    whm.accounts.set("disdikweb", { user: "disdikweb", domain: "d", plan: "kecil", suspended: false, password: "x" });
    await expect(client().verifyNewUsername("disdikweb")).rejects.toThrow("WHM menolak verify_new_username: The name “disdikweb” is already taken.");
  });

  test("malformed JSON", async () => {
    whm.faults.set("changepackage", "malformed");
    await expect(client().changePackage("disdikweb", "besar")).rejects.toThrow("jawaban WHM untuk changepackage bukan JSON yang sah (HTTP 200)");
  });

  test("401: the token is refused", async () => {
    await expect(client({ token: "salah" }).changePackage("disdikweb", "besar")).rejects.toThrow(
      "WHM menolak token API (HTTP 401) untuk changepackage; periksa WHM_API_TOKEN dan izinnya",
    );
  });

  test("timeout on a write: one attempt, never retried", async () => {
    whm.faults.set("createacct", "hang");
    await expect(client().createAccount({ username: "a", domain: "a.b", plan: "kecil", password: "p", contactemail: "e@x.id" })).rejects.toThrow(
      "WHM tidak menjawab createacct dalam 0.3 detik",
    );
    expect(whm.calls.filter((c) => c.fn === "createacct")).toHaveLength(1);
  });

  test("timeout on a read: retried, then reported", async () => {
    whm.faults.set("accountsummary", "hang");
    await expect(client({ retries: 2 }).accountSummary("disdikweb")).rejects.toThrow("WHM tidak menjawab accountsummary dalam 0.3 detik");
    expect(whm.calls.filter((c) => c.fn === "accountsummary")).toHaveLength(3);
  });

  test("HTTP 500 on a read is retried; a refusal (result 0) is not", async () => {
    whm.faults.set("accountsummary", "http500");
    await expect(client({ retries: 1 }).accountSummary("x")).rejects.toThrow("jawaban WHM untuk accountsummary bukan JSON yang sah (HTTP 500)");
    expect(whm.calls).toHaveLength(2);
    whm.faults.set("accountsummary", "reject");
    await expect(client({ retries: 1 }).accountSummary("x")).rejects.toThrow("WHM menolak accountsummary: Simulated refusal of accountsummary.");
    expect(whm.calls).toHaveLength(3);
  });
});

describe("account lifecycle", () => {
  test("create: verify_new_username, then createacct with showpass=n", async () => {
    expect(await createAccount(client(), account)).toBe("akun disdikweb dibuat untuk disdik.contohkab.go.id dengan paket sedang");
    expect(whm.calls.map((c) => c.fn)).toEqual(["verify_new_username", "createacct"]);
    expect(whm.calls[1]!.params).toEqual({
      "api.version": "1",
      username: "disdikweb",
      domain: "disdik.contohkab.go.id",
      plan: "sedang",
      password: "Rahasia-Uji-123",
      contactemail: "siti@contohkab.go.id",
      showpass: "n",
    });
  });

  test("create stops when the name is taken: no createacct", async () => {
    whm.accounts.set("disdikweb", { user: "disdikweb", domain: "d", plan: "kecil", suspended: false, password: "x" });
    await expect(createAccount(client(), account)).rejects.toThrow("WHM menolak verify_new_username");
    expect(whm.calls.map((c) => c.fn)).toEqual(["verify_new_username"]);
  });

  test("update: a plan change is changepackage; nothing else is touched", async () => {
    await createAccount(client(), account);
    whm.calls.length = 0;
    expect(await updateAccount(client(), { ...account, plan: "besar" })).toBe("akun disdikweb: paket sedang → besar");
    expect(whm.calls.map((c) => c.fn)).toEqual(["accountsummary", "changepackage"]);
    expect(await updateAccount(client(), { ...account, plan: "besar" })).toBe("akun disdikweb: tidak ada perubahan");
  });

  test("decommission suspends; reactivation unsuspends", async () => {
    await createAccount(client(), account);
    expect(await updateAccount(client(), { ...account, suspended: true })).toBe("akun disdikweb: disuspend");
    expect(whm.calls.find((c) => c.fn === "suspendacct")!.params).toEqual({ "api.version": "1", user: "disdikweb", reason: "pusdat: dihentikan, Nota Dinas 1/2 (2027-01-01)" });
    expect(await updateAccount(client(), account)).toBe("akun disdikweb: diaktifkan kembali");
  });

  test("delete suspends and never calls removeacct", async () => {
    await createAccount(client(), account);
    expect(await deleteAccount(client(), account)).toBe("akun disdikweb disuspend; berkas dan basis data tetap tersimpan (tidak ada removeacct)");
    expect(whm.calls.map((c) => c.fn)).toEqual(["verify_new_username", "createacct", "accountsummary", "suspendacct"]);
    expect(whm.accounts.get("disdikweb")!.suspended).toBe(true);
  });
});
