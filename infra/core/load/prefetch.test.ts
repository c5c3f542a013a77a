/**
 * The reader thread changes how files are read, never what the loader finds: the same requests and
 * the same findings, in the same order, as reading every file on the loader's own thread. The folder
 * holds what the thread must leave to the loader (a link, a stray file, one too large for the shared
 * memory, bytes that are not UTF-8) and text the loader must see exactly as on disk (an anchor, an
 * alias, broken YAML, a byte order mark, a `__proto__` key, a list, an empty file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "../../../test/support/tmp";
import { loadRequests } from "./requests";
import { prefetch } from "./prefetch";

const SAMPLE = path.resolve(__dirname, "../../../requests");

function folder(): string {
  const dir = path.join(tempDir("prefetch"), "requests");
  fs.cpSync(SAMPLE, dir, { recursive: true });
  const ppid = fs.readFileSync(path.join(dir, "subdomain/ppid.yaml"), "utf8");
  for (let i = 0; i < 40; i++) {
    fs.writeFileSync(path.join(dir, `subdomain/ppid${i}.yaml`), ppid.replace(/\bid: ppid\b/, `id: ppid${i}`).replace(/\bname: ppid\b/, `name: ppid${i}`));
  }
  fs.writeFileSync(path.join(dir, "subdomain/besar.yaml"), `# ${"x".repeat(2 << 20)}\n`);
  fs.writeFileSync(path.join(dir, "subdomain/latin1.yaml"), Buffer.from("kind: Subdomain\nname: caf\xe9\n", "latin1"));
  fs.writeFileSync(path.join(dir, "subdomain/catatan.txt"), "bukan permintaan\n");
  fs.symlinkSync(path.join(dir, "subdomain/ppid.yaml"), path.join(dir, "subdomain/tautan.yaml"));
  const odd: Record<string, string> = {
    jangkar: ppid.replace(/^kind: Subdomain$/m, "kind: &k Subdomain"),
    alias: ppid.replace(/^kind: Subdomain$/m, "kind: *k"),
    rusak: ppid.replace(/^kind: Subdomain$/m, "kind: [Subdomain"),
    bom: `\ufeff${ppid.replace(/\bid: ppid\b/, "id: bom").replace(/\bname: ppid\b/, "name: bom")}`,
    tanggal: ppid.replace(/\bid: ppid\b/, "id: tanggal").replace(/^kind: Subdomain$/m, "kind: Subdomain\ndibuat: 2026-11-23"),
    proto: ppid.replace(/\bid: ppid\b/, "id: proto").replace(/^kind: Subdomain$/m, "kind: Subdomain\n__proto__: {kind: x}"),
    daftar: "- kind: Subdomain\n",
    kosong: "",
  };
  for (const [name, text] of Object.entries(odd)) fs.writeFileSync(path.join(dir, `subdomain/${name}.yaml`), text);
  return dir;
}

test("with a reader thread the loader finds exactly what it finds reading alone", () => {
  const dir = folder();
  const alone = loadRequests(dir, { prefetchFrom: Number.POSITIVE_INFINITY });
  const threaded = loadRequests(dir, { prefetchFrom: 1 });
  expect(threaded).toEqual(alone);
  expect(alone.files).toBe(14 + 40 + 4 + 8);
  expect(alone.requests.map((r) => r.request.metadata.id)).toContain("bom");
  expect(alone.requests).toHaveLength(14 + 40 + 1);
  expect(alone.findings.map((f) => [f.file.split("/").pop(), f.line, f.column, f.rule])).toEqual([
    ["alias.yaml", 3, 7, "yaml"],
    ["besar.yaml", 1, 1, "file"],
    ["catatan.txt", 1, 1, "file"],
    ["daftar.yaml", 1, 1, "yaml"],
    ["jangkar.yaml", 3, 10, "yaml"],
    ["kosong.yaml", 1, 1, "file"],
    ["latin1.yaml", 2, 10, "file"],
    ["proto.yaml", 4, 1, "schema"],
    ["rusak.yaml", 4, 1, "yaml"],
    ["tanggal.yaml", 4, 1, "schema"],
    ["tautan.yaml", 1, 1, "file"],
  ]);
  // The key js-yaml keeps as an own property is still seen (and refused) after the copy.
  const proto = threaded.findings.find((f) => f.file.endsWith("proto.yaml"))!;
  expect(proto.message).toContain("__proto__");
  expect(threaded.findings.find((f) => f.file.endsWith("tanggal.yaml"))!.message).toBe(
    'kolom tidak dikenal "dibuat" di (akar berkas); yang diizinkan: apiVersion, kind, metadata, spec',
  );
});

test("the thread hands over each regular file's bytes and leaves the rest to the loader", () => {
  const dir = tempDir("prefetch");
  const a = path.join(dir, "a.yaml");
  fs.writeFileSync(a, "kind: Subdomain\n");
  const reader = prefetch([a, dir, path.join(dir, "tidak-ada.yaml"), a], 1, 0)!;
  try {
    expect(reader.bytes(0)?.toString("utf8")).toBe("kind: Subdomain\n");
    expect(reader.bytes(1)).toBeUndefined();
    expect(reader.bytes(2)).toBeUndefined();
    expect(reader.bytes(3)?.toString("utf8")).toBe("kind: Subdomain\n");
  } finally {
    reader.close();
  }
});

test("the loader reads the first files itself while the thread starts", () => {
  const dir = tempDir("prefetch");
  const files = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => path.join(dir, `${i}.yaml`));
  files.forEach((f, i) => fs.writeFileSync(f, `n: ${i}\n`));
  const reader = prefetch(files, 1, 3)!;
  try {
    // At most a quarter of the files: two here, though three were asked for.
    expect(files.map((_, i) => reader.bytes(i)?.toString("utf8"))).toEqual([undefined, undefined, "n: 2\n", "n: 3\n", "n: 4\n", "n: 5\n", "n: 6\n", "n: 7\n"]);
  } finally {
    reader.close();
  }
});

test("no thread for a few files, nor when PUSDAT_LOAD_THREADS=1", () => {
  expect(prefetch(["a", "b"], 3)).toBeNull();
  process.env.PUSDAT_LOAD_THREADS = "1";
  try {
    expect(prefetch(["a", "b"], 1)).toBeNull();
  } finally {
    delete process.env.PUSDAT_LOAD_THREADS;
  }
});
