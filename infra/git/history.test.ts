import { parseBatch, parseLog } from "./history";

const sha = (c: string) => c.repeat(40);
const Z = "0".repeat(40);
const raw = (oldBlob: string, newBlob: string, status: string, path: string) => `\n:100644 100644 ${oldBlob} ${newBlob} ${status}\0${path}\0`;

describe("parseLog", () => {
  // Newest first, as git log writes it: a merge, a change without the stack file, the root.
  const out =
    `\x01${sha("c")}\0${sha("b")} ${sha("9")}\0${1795400000 + 7200}\0Teknisi Uji\0Merge pull request #3\0` +
    raw(sha("5"), sha("6"), "M", "Pulumi.contoh.yaml") + `:100644 000000 ${sha("7")} ${Z} D\0requests/vm/lama.yaml\0` +
    `\x01${sha("b")}\0${sha("a")}\0${1795400000 + 3600}\0Teknisi Uji\0Tambah jdih\0` +
    raw(Z, sha("8"), "A", "requests/subdomain/jdih.yaml") +
    `\x01${sha("a")}\0\0${1795400000}\0Teknisi Uji\0Awal\0` +
    raw(Z, sha("5"), "A", "requests/vm/lama.yaml") + `:000000 100644 ${Z} ${sha("5")} A\0Pulumi.contoh.yaml\0`;

  test("oldest first, paths sorted, and the stack file as it stood in each parent (the root: itself)", () => {
    expect(parseLog(out, "Pulumi.contoh.yaml")).toEqual([
      {
        commit: sha("a"), parent: null, time: 1795400000, author: "Teknisi Uji", subject: "Awal",
        paths: [{ status: "A", path: "Pulumi.contoh.yaml" }, { status: "A", path: "requests/vm/lama.yaml" }], stackBlob: sha("5"),
      },
      { commit: sha("b"), parent: sha("a"), time: 1795403600, author: "Teknisi Uji", subject: "Tambah jdih", paths: [{ status: "A", path: "requests/subdomain/jdih.yaml" }], stackBlob: sha("5") },
      {
        commit: sha("c"), parent: sha("b"), time: 1795407200, author: "Teknisi Uji", subject: "Merge pull request #3",
        paths: [{ status: "M", path: "Pulumi.contoh.yaml" }, { status: "D", path: "requests/vm/lama.yaml" }], stackBlob: sha("5"),
      },
    ]);
  });

  test("a deleted stack file is absent from the next change's parent", () => {
    const del = `\x01${sha("e")}\0${sha("d")}\0${1795400000 + 60}\0T\0s\0` + raw(sha("5"), sha("f"), "M", "requests/a/bb.yaml");
    const d = `\x01${sha("d")}\0${sha("a")}\0${1795400000 + 30}\0T\0hapus\0` + `\n:100644 000000 ${sha("5")} ${Z} D\0Pulumi.contoh.yaml\0`;
    const root = `\x01${sha("a")}\0\0${1795400000}\0T\0Awal\0` + `\n:000000 100644 ${Z} ${sha("5")} A\0Pulumi.contoh.yaml\0`;
    expect(parseLog(del + d + root, "Pulumi.contoh.yaml").map((c) => c.stackBlob)).toEqual([sha("5"), sha("5"), null]);
  });

  test("nothing in, nothing out; anything unexpected is refused", () => {
    expect(parseLog("", "Pulumi.contoh.yaml")).toEqual([]);
    expect(() => parseLog("fatal: bad\0", "Pulumi.contoh.yaml")).toThrow('keluaran git log tidak dikenali di dekat "fatal: bad"');
  });
});

test("parseBatch reads objects by their sizes and skips missing ones", () => {
  const out = Buffer.concat([
    Buffer.from(`${sha("1")} blob 5\nab\ncd\n`),
    Buffer.from(`${sha("2")} missing\n`),
    Buffer.from(`${sha("3")} blob 0\n\n`),
  ]);
  expect(Object.fromEntries([...parseBatch(out)].map(([k, v]) => [k, v.toString()]))).toEqual({ [sha("1")]: "ab\ncd", [sha("3")]: "" });
});
