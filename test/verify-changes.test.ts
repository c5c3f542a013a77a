/** `pusdat verify` end to end: --wait, --changed-since, and usage errors. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../scripts/cli";
import { cli, PASSWORD, steady, type World, world } from "./support/verify-world";

jest.setTimeout(30_000);

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.stop();
});

test("--wait: a DNS answer that changes after the first attempt passes on the second, said in the detail", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  w.dns.afterAnswer = () => w.dns.set("A", "ppid.uji.test", ["203.0.113.20"]); // propagated right after the first answer
  const r = await cli(w, ["ppid", "--wait", "20"]);
  expect(r.err).toBe("");
  expect(steady(r.out)).toBe(
    [
      "Tes akses stack uji: 1 permintaan",
      "ppid (Subdomain, diubah): LULUS",
      `  [lulus] dns: ppid.uji.test A 203.0.113.20 (resolver ${w.dns.address}) (percobaan ke-2) (N ms)`,
      "Hasil: 1 lulus, 0 gagal, 0 dilewati.",
      "",
    ].join("\n"),
  );
  expect(r.code).toBe(0);
  expect(w.dns.queries).toEqual(["A ppid.uji.test", "A ppid.uji.test"]);
});

test("--wait: a failure that lasts is reported when the wait is over, after every attempt the wait allowed", async () => {
  w.dns.set("A", "ppid.uji.test", ["203.0.113.99"]);
  const r = await cli(w, ["ppid", "--wait", "2"]);
  expect(r.code).toBe(1);
  // 1 s then the remaining second: three attempts on an idle machine, two when the first is slow.
  const attempts = w.dns.queries.length;
  expect([2, 3]).toContain(attempts);
  expect(w.dns.queries).toEqual(Array(attempts).fill("A ppid.uji.test"));
  expect(steady(r.out).split("\n")[2]).toBe(
    `  [gagal] dns: ppid.uji.test A: resolver ${w.dns.address} menjawab 203.0.113.99; yang diminta: 203.0.113.20 (percobaan ke-${attempts}) (N ms)`,
  );
});

test("--changed-since: changed and removed request files between REF and HEAD, as the record's change", async () => {
  const git = (...a: string[]) => execFileSync("git", ["-C", w.root, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@uji.test", ...a], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "awal");
  fs.rmSync(path.join(w.root, "requests/subdomain/jdih.yaml"));
  fs.rmSync(path.join(w.root, "requests/vm/eoffice-lama.yaml"));
  const file = path.join(w.root, "requests/hosting/disdik-web.yaml");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("plan: sedang", "plan: kecil"));
  git("commit", "-qam", "ubah");
  // jdih's record is gone from DNS; VM 211 still exists on Proxmox: removal not done.
  w.dns.records.delete("CNAME jdih.uji.test");

  const r = await cli(w, ["--changed-since", "HEAD~1", "--format", "json", "--passwords-file", "sandi.json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(doc.since).toBe("HEAD~1");
  expect(
    Object.fromEntries(
      Object.entries(doc.requests as Record<string, { change: string; verify: { result: string; checks: { name: string; result: string; detail: string }[] } }>).map(([id, q]) => [
        id,
        [q.change, q.verify.result, q.verify.checks.filter((c) => c.result !== "passed").map((c) => `${c.name}: ${c.detail}`)],
      ]),
    ),
  ).toEqual({
    "disdik-web": ["update", "failed", ["whm-account: akun disdikweb: paket sedang, yang diminta kecil"]],
    "eoffice-lama": ["remove", "failed", ["proxmox-status: VM 211 di node pve1 masih ada (status stopped); seharusnya sudah dihapus"]],
    jdih: ["remove", "passed", []],
  });
});

test("nothing changed since REF: nothing to verify, exit 0", async () => {
  const git = (...a: string[]) => execFileSync("git", ["-C", w.root, "-c", "user.name=Teknisi Uji", "-c", "user.email=teknisi@uji.test", ...a], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "awal");
  const r = await cli(w, ["--changed-since", "HEAD"]);
  expect(r).toEqual({ code: 0, out: "Tes akses stack uji (perubahan sejak HEAD): 0 permintaan\nTidak ada permintaan yang berubah; tidak ada yang diuji.\nHasil: 0 lulus, 0 gagal, 0 dilewati.\n", err: "" });
});

test("usage and configuration errors exit 2 and say what is missing, never a secret", async () => {
  const noToken = await cli(w, ["disdik-web", "sibapo-app"], { WHM_API_TOKEN: undefined, PROXMOX_VE_API_TOKEN: undefined });
  expect(noToken).toEqual({
    code: 2,
    out: "",
    err: "kredensial tidak ada di lingkungan: WHM_API_TOKEN (untuk disdik-web); PROXMOX_VE_API_TOKEN (untuk sibapo-app)\n",
  });
  fs.writeFileSync(path.join(w.root, "rusak.json"), `["${PASSWORD}"]`);
  const badFile = await cli(w, ["disdik-web", "--passwords-file", "rusak.json"]);
  expect(badFile).toEqual({ code: 2, out: "", err: 'berkas kata sandi rusak.json harus berupa objek {"<id permintaan>": "<kata sandi>"} dengan nilai teks\n' });
  const badRef = await cli(w, ["--changed-since", "tidak-ada"]);
  expect(badRef.code).toBe(2);
  const stackFile = path.join(w.root, "Pulumi.uji.yaml");
  fs.writeFileSync(stackFile, fs.readFileSync(stackFile, "utf8").replace(`- ${w.dns.address}`, `- ${w.dns.address}\n      - bukan-ip`));
  const badConfig = await cli(w, ["ppid"]);
  expect(badConfig.code).toBe(2);
  expect(badConfig.out).toBe("");
  expect(badConfig.err).toMatch(
    /^Pulumi\.uji\.yaml:\d+:\d+: verify\.resolvers\[1\]: nilai "bukan-ip" tidak sah; yang diizinkan: alamat IP resolver DNS, boleh dengan port: 1\.1\.1\.1, 1\.1\.1\.1:53 atau \[2606:4700::1111\]:53 \[konfigurasi\]\nKonfigurasi tidak sah \(1 masalah\); perbaiki dulu sebelum memeriksa permintaan\.\n$/,
  );
});

test("in process: usage errors from the sample stack, before any network call", async () => {
  const run = async (...args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(["verify", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };
  expect(await run()).toEqual({ code: 2, out: "", err: "sebutkan id permintaan yang diuji, atau --changed-since REF (mis. --changed-since HEAD~1)\n" });
  expect(await run("sibapo", "--changed-since", "HEAD")).toEqual({ code: 2, out: "", err: "sebutkan id permintaan atau --changed-since REF, bukan keduanya\n" });
  expect(await run("--wait", "-1", "sibapo")).toEqual({ code: 2, out: "", err: 'nilai "-1" untuk --wait tidak sah; yang diizinkan: bilangan bulat detik 0–3600\n' });
  expect(await run("--format", "xml", "sibapo")).toEqual({ code: 2, out: "", err: 'pusdat: nilai "xml" untuk --format tidak sah; yang diizinkan: text, json\n' });
  const unknown = await run("tidak-ada");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/^permintaan tidak ditemukan atau tidak sah: tidak-ada; jalankan pusdat validate \(id yang ada: dinkes-web, /);
});
