/**
 * `pusdat plan` for ApiAccess on the exchange: a new request creates its exchange resource, an
 * approved decommission deletes it (unsubscribe and revoke), deleting the file of an active one is
 * refused, and a tier change is an update, not a replacement.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gitRepo } from "./support/project";
import { runLikeProcess } from "./support/run";

const pusdat = runLikeProcess;

const decommission = { metadata: { status: "decommissioned", decommission: { notaDinas: { number: "500.2/140/DKP/2027", date: "2027-02-01" } } } };
const changes = (out: string) => out.split("\n").filter((l) => /^ {2}[-+~±] /.test(l));

test("an approved decommission deletes the exchange resource (unsubscribe, revoke); the agreement step goes", async () => {
  const repo = gitRepo();
  repo.git("checkout", "-q", "-b", "penghentian/harga-pangan");
  repo.edit("api/harga-pangan", decommission);
  repo.git("commit", "-qam", "Penghentian harga-pangan");
  const r = await pusdat(repo.dir, "plan");
  expect(r.stdout.split("\n")[1]).toBe("Hasil: LOLOS. 14 permintaan; 0 dibuat, 0 diubah, 1 dihapus; 0 sumber daya dilindungi tersentuh.");
  expect(changes(r.stdout)).toEqual(["  - HAPUS akses SPLP WSO2 (aplikasi, langganan, kunci) harga-pangan-exchange — harga-pangan (requests/api/harga-pangan.yaml)"]);
  expect(r.stdout).not.toContain("harga-pangan (splp, menunggu-perjanjian)");
  expect(r.status).toBe(0);
});

test("deleting the file of an active ApiAccess is refused: the subscription goes only through a decommission", async () => {
  const repo = gitRepo();
  repo.git("checkout", "-q", "-b", "hapus");
  repo.edit("api/harga-pangan", null);
  repo.git("commit", "-qam", "hapus");
  const r = await pusdat(repo.dir, "plan");
  expect(r.stdout).toContain(
    "  permintaan harga-pangan (ApiAccess) dihapus padahal masih active; hentikan dulu lewat status decommissioned dengan Nota Dinas penghentian, lalu hapus berkasnya pada pull request berikutnya (requests/api/harga-pangan.yaml, berkas dihapus)\n",
  );
  expect(r.status).toBe(1);
});

test("a new tier is an update of the subscription; a tier the channel does not allow is refused before anything is planned", async () => {
  const repo = gitRepo();
  repo.git("checkout", "-q", "-b", "tier");
  repo.edit("api/harga-pangan", { spec: { exchange: { tier: "Gold" } } });
  repo.git("commit", "-qam", "tier");
  const r = await pusdat(repo.dir, "plan");
  expect(changes(r.stdout)).toEqual(["  ~ ubah akses SPLP WSO2 (aplikasi, langganan, kunci) harga-pangan-exchange: tier — harga-pangan (requests/api/harga-pangan.yaml)"]);
  repo.edit("api/harga-pangan", { spec: { exchange: { tier: "Platinum" } } });
  const bad = await pusdat(repo.dir, "plan");
  expect(bad.stdout.split("\n").slice(3, 5)).toEqual([
    "⚠ Permintaan tidak valid (1 temuan): tidak ada yang direncanakan",
    "  requests/api/harga-pangan.yaml:40:11: tier \"Platinum\" tidak diizinkan di kanal pertukaran-lokal; yang diizinkan: Bronze, Silver, Gold [api-exchange]",
  ]);
  expect(bad.status).toBe(1);
});

test("another API version replaces the exchange resource (new credentials, no data): shown, not refused", async () => {
  const repo = gitRepo();
  repo.git("checkout", "-q", "-b", "versi");
  repo.edit("api/harga-pangan", { spec: { exchange: { version: "2.0.0" } } });
  repo.git("commit", "-qam", "versi");
  const r = await pusdat(repo.dir, "plan");
  expect(changes(r.stdout)).toEqual([
    "  ± GANTI (hapus lalu buat ulang) akses SPLP WSO2 (aplikasi, langganan, kunci) harga-pangan-exchange karena version berubah; dibuat ulang (tanpa data) — harga-pangan (requests/api/harga-pangan.yaml)",
  ]);
  expect(r.status).toBe(0);
});

test("--exchange-status (pulumi stack output apiAccess --json): an ON_HOLD subscription shows as waiting for the provider OPD; a bad file is a usage error", async () => {
  const repo = gitRepo();
  fs.writeFileSync(path.join(repo.dir, "status.json"), JSON.stringify({ "harga-pangan": { channel: "pertukaran-lokal", subscriptionStatus: "ON_HOLD", waiting: "menunggu persetujuan penyedia (Dinas Perdagangan)" } }));
  const r = await pusdat(repo.dir, "plan", "--exchange-status", "status.json");
  const step = r.stdout.split("\n").find((l) => l.startsWith("  harga-pangan (splp"));
  expect(step).toBe(
    "  harga-pangan (splp, menunggu-penyedia): Langganan HargaBahanPokok 1.0.0 berstatus ON_HOLD: menunggu persetujuan penyedia (Dinas Perdagangan). Langganan HargaBahanPokok 1.0.0 tier Silver untuk aplikasi pusdat-harga-pangan di server pertukaran data lokal dibuat oleh pusdat saat penerapan (kunci client-credentials, API key 90 hari); kredensial diserahkan ke Dinas Ketahanan Pangan lewat pulumi stack output apiCredentials --show-secrets. Bila langganan ON_HOLD (pulumi stack output apiAccess), menunggu persetujuan penyedia: Dinas Perdagangan. Setelah uji coba (pusdat verify), tanda tangani Berita Acara Perjanjian Penggunaan API.",
  );
  expect(r.status).toBe(0);
  fs.writeFileSync(path.join(repo.dir, "rusak.json"), "[1]");
  expect(await pusdat(repo.dir, "plan", "--exchange-status", "rusak.json")).toEqual({
    status: 2,
    stdout: "",
    stderr: 'berkas --exchange-status rusak.json harus berupa objek {"<id>": {"subscriptionStatus": "ON_HOLD", ...}} dari pulumi stack output apiAccess --json\n',
  });
});

test("dropping spec.exchange from an active request is refused: the subscription would go without a decommission", async () => {
  const repo = gitRepo();
  repo.git("checkout", "-q", "-b", "tanpa-exchange");
  repo.edit("api/harga-pangan", { spec: { exchange: null } });
  repo.git("commit", "-qam", "tanpa exchange");
  const r = await pusdat(repo.dir, "plan");
  expect(r.stdout.split("\n").slice(1, 5)).toEqual([
    "Hasil: DITOLAK. 14 permintaan; 0 dibuat, 0 diubah, 0 dihapus; 0 sumber daya dilindungi tersentuh.",
    "",
    "⚠ Perubahan ditolak: tidak ada yang diterapkan",
    "  spec.exchange harga-pangan dihapus padahal langganannya (pertukaran-lokal HargaBahanPokok 1.0.0) aktif di pertukaran; langganan hanya dicabut lewat status decommissioned dengan Nota Dinas penghentian (requests/api/harga-pangan.yaml)",
  ]);
  expect(r.status).toBe(1);
});
