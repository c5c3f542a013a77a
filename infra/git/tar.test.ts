/** The tar reader against a stream `git archive --format=tar` wrote (test/fixtures/git-archive/requests.tar). */
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "../../test/support/tmp";
import { Header } from "tar";
import { untar } from "./tar";

const TAR = fs.readFileSync(path.resolve(__dirname, "../../test/fixtures/git-archive/requests.tar"));
const LONG = `requests/subdomain/${"panjang".repeat(12)}/berkas-dengan-nama-yang-panjang-sekali.yaml`;

/** Every entry below `dir`: kind, path, and the content or link target. */
function listing(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    const abs = path.join(dir, p);
    if (e.isSymbolicLink()) return [`l ${p} -> ${fs.readlinkSync(abs)}`];
    if (e.isDirectory()) return [`d ${p}`, ...listing(dir, p)];
    return [`f ${p} ${JSON.stringify(fs.readFileSync(abs, "utf8"))}${fs.statSync(abs).mode & 0o100 ? " x" : ""}`];
  });
}

test("files, folders, a symbolic link, an executable and a name longer than 100 bytes (pax) come out as tar makes them", () => {
  const dir = tempDir("tar");
  untar(TAR, dir);
  expect(listing(dir).sort()).toEqual(
    [
      "d requests",
      "f requests/jalankan.sh \"#!/bin/sh\\n\" x",
      "d requests/subdomain",
      `d requests/subdomain/${"panjang".repeat(12)}`,
      `f ${LONG} "id: b\\n"`,
      "l requests/tautan.yaml -> vm/a.yaml",
      "d requests/vm",
      'f requests/vm/a.yaml "id: a\\n"',
    ].sort(),
  );
});

test("a stream node-tar refuses (a broken header, a name leading outside the folder) throws; nothing lands outside", () => {
  const dir = path.join(tempDir("tar"), "dalam");
  fs.mkdirSync(dir);
  expect(() => untar(Buffer.alloc(1024, 0x41), dir)).toThrow("TAR_ENTRY_INVALID: checksum failure");
  // A valid header (checksum and all) naming ../keluar.yaml, its body, and the two closing blocks.
  const header = new Header({ path: "../keluar.yaml", type: "File", size: 3, mode: 0o644, mtime: new Date(0) });
  header.encode();
  const escaping = Buffer.concat([header.block!, Buffer.from("x:1"), Buffer.alloc(509), Buffer.alloc(1024)]);
  expect(() => untar(escaping, dir)).toThrow("path contains '..'");
  expect(fs.readdirSync(path.dirname(dir))).toEqual(["dalam"]);
});
