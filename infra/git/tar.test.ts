/** The tar reader against a stream `git archive --format=tar` wrote (test/fixtures/git-archive/requests.tar). */
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "../../test/support/tmp";
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
  expect(untar(TAR, dir)).toBe(true);
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

test("a stream that is not ustar, or a name leading outside the folder, is left to tar: false, nothing written", () => {
  const dir = tempDir("tar");
  expect(untar(Buffer.alloc(1024, 0x41), dir)).toBe(false);
  const escaping = Buffer.from(TAR);
  const at = escaping.indexOf("requests/vm/a.yaml\0");
  escaping.write("../keluar.yaml\0\0\0\0", at, "latin1");
  expect(untar(escaping, dir)).toBe(false);
  expect(fs.readdirSync(dir)).toEqual([]);
});
