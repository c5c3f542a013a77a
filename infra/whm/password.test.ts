/** Password rotation: when update calls WHM passwd, decided from the previous run's fingerprint. */
import { FakeWhm } from "../../test/support/fake-whm";
import { type AccountEnv, createAccount, fingerprintLine, passwordChanged, previousFingerprint, readAccountEnv, updateAccount } from "./account";
import { WhmClient } from "./client";

const OLD = "Rahasia-Uji-123";
const NEW = "Rahasia-Baru-456";
const OLD_FP = "sidik-kata-sandi: 4dbc27df1d7a92f6";
const account: AccountEnv = {
  username: "disdikweb", domain: "disdik.contohkab.go.id", plan: "sedang", contactEmail: "siti@contohkab.go.id", password: OLD, suspended: false, suspendReason: "pusdat: dihentikan",
};

describe("the decision (pure)", () => {
  test("the fingerprint line: a truncated SHA-256 of user and password, never the password", () => {
    expect(fingerprintLine(account)).toBe(OLD_FP);
    expect(fingerprintLine({ ...account, password: NEW })).toBe("sidik-kata-sandi: 874f0f0151963592");
    expect(fingerprintLine({ ...account, password: undefined })).toBe("");
  });

  test("the previous fingerprint is read from the last line that carries one", () => {
    expect(previousFingerprint(`akun disdikweb: tidak ada perubahan\n${OLD_FP}\n`)).toBe("4dbc27df1d7a92f6");
    expect(previousFingerprint("akun disdikweb dibuat untuk disdik.contohkab.go.id dengan paket sedang\n")).toBeUndefined();
    expect(previousFingerprint(undefined)).toBeUndefined();
  });

  test.each<[string, Partial<AccountEnv>, boolean]>([
    ["same password as recorded", { previousStdout: `x\n${OLD_FP}\n` }, false],
    ["a new password (the RandomPassword was replaced)", { password: NEW, previousStdout: `x\n${OLD_FP}\n` }, true],
    ["no record and no rotation: the OPD's own password stays", { previousStdout: "akun lama\n" }, false],
    ["no record, a rotation requested", { previousStdout: "", rotation: "1" }, true],
    ["a recorded fingerprint wins over the rotation counter", { rotation: "3", previousStdout: `${OLD_FP}\n` }, false],
    ["no password in the environment", { password: undefined, rotation: "1" }, false],
  ])("%s", (_name, over, expected) => {
    expect(passwordChanged({ ...account, ...over })).toBe(expected);
  });

  test("the environment: rotation and @pulumi/command's previous stdout", () => {
    const env = {
      PUSDAT_USERNAME: "disdikweb", PUSDAT_DOMAIN: "d.contohkab.go.id", PUSDAT_PLAN: "sedang", PUSDAT_CONTACT_EMAIL: "s@contohkab.go.id",
      PUSDAT_PASSWORD: NEW, PUSDAT_SUSPENDED: "false", PUSDAT_PASSWORD_ROTATION: "2", PULUMI_COMMAND_STDOUT: `x\n${OLD_FP}\n`,
    };
    expect(readAccountEnv(env)).toMatchObject({ rotation: "2", previousStdout: `x\n${OLD_FP}\n`, password: NEW });
    expect(readAccountEnv({ ...env, PUSDAT_PASSWORD_ROTATION: undefined, PULUMI_COMMAND_STDOUT: undefined })).toMatchObject({ rotation: "", previousStdout: "" });
  });
});

describe("against a WHM-shaped server on 127.0.0.1", () => {
  let whm: FakeWhm;
  beforeEach(async () => {
    whm = new FakeWhm();
    await whm.start();
  });
  afterEach(() => whm.stop());
  const client = () => new WhmClient({ host: whm.url, token: whm.token, timeoutMs: 2000 });

  test("a rotation: update calls passwd with user and the new password, then nothing more on the next run", async () => {
    await createAccount(client(), account);
    whm.calls.length = 0;
    const rotated = { ...account, password: NEW, rotation: "1", previousStdout: `akun disdikweb dibuat\n${OLD_FP}\n` };
    expect(await updateAccount(client(), rotated)).toBe("akun disdikweb: kata sandi diganti");
    expect(whm.calls.map((c) => [c.fn, c.params])).toEqual([
      ["accountsummary", { "api.version": "1", user: "disdikweb" }],
      ["passwd", { "api.version": "1", user: "disdikweb", password: NEW }],
    ]);
    expect(whm.accounts.get("disdikweb")!.password).toBe(NEW);
    const next = { ...rotated, previousStdout: `akun disdikweb: kata sandi diganti\n${fingerprintLine(rotated)}\n`, plan: "besar" };
    expect(await updateAccount(client(), next)).toBe("akun disdikweb: paket sedang → besar");
    expect(whm.calls.filter((c) => c.fn === "passwd")).toHaveLength(1);
  });

  test("a plan change alone never resets a password the OPD changed itself", async () => {
    await createAccount(client(), account);
    whm.accounts.get("disdikweb")!.password = "Diganti-Sendiri-Oleh-OPD";
    expect(await updateAccount(client(), { ...account, plan: "besar", previousStdout: `x\n${OLD_FP}\n` })).toBe("akun disdikweb: paket sedang → besar");
    expect(whm.accounts.get("disdikweb")!.password).toBe("Diganti-Sendiri-Oleh-OPD");
  });

  test("WHM refusing the password: the reason without the password", async () => {
    await createAccount(client(), account);
    const weak = { ...account, password: "lemah", rotation: "1" };
    await expect(updateAccount(client(), weak)).rejects.toThrow("WHM menolak passwd: The password “[rahasia]” is too weak.");
  });
});
