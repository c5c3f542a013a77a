/**
 * The two ways a secret reaches verify and docs (a JSON file, or `pulumi stack output … --show-secrets`),
 * for both kinds of secret: the exact Indonesian error of each source, and the values read back.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "../../test/support/tmp";
import { apiCredentialsFromFile, apiCredentialsFromPulumi } from "./api-credentials";
import { passwordsFromFile, passwordsFromPulumi } from "./passwords";

const failure = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

test.each([
  ["passwords", passwordsFromFile, "berkas kata sandi tidak dapat dibaca: /tidak/ada.json (ENOENT)"],
  ["API credentials", apiCredentialsFromFile, "berkas kredensial API tidak dapat dibaca: /tidak/ada.json (ENOENT)"],
])("%s: a missing file is refused at once, naming it", async (_n, fromFile, message) => {
  expect(await failure(async () => fromFile("/tidak/ada.json"))).toBe(message);
});

test("both files are read by request id", async () => {
  const dir = tempDir("secret-sources");
  const pw = path.join(dir, "sandi.json");
  const api = path.join(dir, "api.json");
  fs.writeFileSync(pw, JSON.stringify({ "disdik-web": "s4ndi-uji" }));
  fs.writeFileSync(api, JSON.stringify({ "harga-pangan": { consumerKey: "ck", consumerSecret: "cs-uji" } }));
  expect([await passwordsFromFile(pw)("disdik-web"), await passwordsFromFile(pw)("lain")]).toEqual(["s4ndi-uji", undefined]);
  expect(await apiCredentialsFromFile(api)("harga-pangan")).toEqual({ consumerKey: "ck", consumerSecret: "cs-uji" });
});

test.each([
  ["passwords", passwordsFromPulumi, "kata sandi hosting tidak dapat dibaca dari pulumi stack output hostingPasswords: perintah pulumi tidak ditemukan"],
  ["API credentials", apiCredentialsFromPulumi, "kredensial API tidak dapat dibaca dari pulumi stack output apiCredentials: perintah pulumi tidak ditemukan"],
])("%s: without the pulumi command, the first lookup says so", async (_n, fromPulumi, message) => {
  const saved = process.env.PATH;
  process.env.PATH = tempDir("no-pulumi"); // an empty folder: no pulumi on the path
  try {
    const source = fromPulumi("uji", tempDir("stack"), 5_000);
    expect(await failure(() => source("apa-saja"))).toBe(message);
  } finally {
    process.env.PATH = saved;
  }
});
