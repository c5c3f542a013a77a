/** Bad request fixtures run through the command line: exact output, exit code 1. Generated once, every line read by a person. */
export const BAD_FIXTURES: [name: string, findings: string[], summary: string][] = [
  ["active-with-decommission", [
    "subdomain/sibapo.yaml:16:5: metadata.decommission hanya boleh ada bila status decommissioned [decommission-fields]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["alias-bomb", [
    "subdomain/bom.yaml:1:7: anchor YAML &a tidak diizinkan; tulis nilainya langsung [yaml]",
    "subdomain/bom.yaml:2:7: anchor YAML &b tidak diizinkan; tulis nilainya langsung [yaml]",
    "subdomain/bom.yaml:2:8: alias YAML *a tidak diizinkan; tulis nilainya langsung [yaml]",
    "subdomain/bom.yaml:3:7: anchor YAML &c tidak diizinkan; tulis nilainya langsung [yaml]",
    "subdomain/bom.yaml:3:8: alias YAML *b tidak diizinkan; tulis nilainya langsung [yaml]",
    "subdomain/bom.yaml:4:5: alias YAML *c tidak diizinkan; tulis nilainya langsung [yaml]",
  ], "6 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["api-approval-before-request", [
    "api/harga-pangan.yaml:23:59: persetujuan penyedia (2026-10-01) bertanggal sebelum permohonan (2026-11-05); yang diizinkan: tanggal ≥ 2026-11-05 [api-approval]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["api-duplicate-endpoint", [
    "api/harga-pangan.yaml:28:7: endpoint GET /harga/v1/komoditas tertulis dua kali (lihat endpoints[0]); tiap endpoint cukup sekali [api-endpoints]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["api-missing-approval", [
    "api/harga-pangan.yaml:19:3: kolom wajib spec.provider.approval tidak ada; isi dengan: mapping berisi kolom notaDinas, approver [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-email", [
    "subdomain/sibapo.yaml:9:12: metadata.contact.email: nilai \"rina.wulandari(at)contohkab\" tidak sah; yang diizinkan: alamat email yang sah, mis. nama@contohkab.go.id [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-hostname", [
    "vm/sibapo-app.yaml:17:13: spec.hostname: nilai \"SIBAPO_App\" tidak sah; yang diizinkan: label RFC 1123: huruf kecil, angka dan '-', tidak diawali/diakhiri '-', 1–63 karakter [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-id", [
    "subdomain/Sibapo_App.yaml:5:7: metadata.id: nilai \"Sibapo_App\" tidak sah; yang diizinkan: huruf kecil a–z, angka dan '-', diawali huruf, 2–63 karakter [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-phone", [
    "subdomain/sibapo.yaml:10:12: metadata.contact.phone: nilai \"0812-3456-7890\" tidak sah; yang diizinkan: +62… atau 08…, hanya angka setelah awalan, total 9–15 digit [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-ssh-key", [
    "vm/sibapo-app.yaml:23:7: spec.sshKeys[0]: nilai \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOcontohKunciPublikR... tidak sah; yang diizinkan: satu baris kunci publik OpenSSH: <jenis> <base64> [komentar], jenis ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["bad-status", [
    "subdomain/sibapo.yaml:15:11: metadata.status: nilai \"aktif\" tidak sah; yang diizinkan: active atau decommissioned [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["cname-at-apex", [
    "subdomain/sibapo.yaml:16:9: label \"@\" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, ns1, ns2, cpanel, webmail, ftp, autodiscover, @, hosting, whm, pve1, pve2 [reserved-label]",
    "subdomain/sibapo.yaml:18:12: CNAME tidak diizinkan di apex zona; gunakan ip atau ipv6 [cname]",
  ], "2 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["cname-dangling", [
    "subdomain/sibapo.yaml:18:12: CNAME menunjuk ke lama.contohkab.go.id di dalam zona, tetapi tidak ada permintaan yang mendefinisikannya (risiko subdomain takeover) [cname]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["comments-only", [
    "subdomain/sibapo.yaml:1:1: berkas kosong; isi permintaan harus berupa mapping YAML [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["cpu-not-integer", [
    "vm/sibapo-app.yaml:18:8: spec.cpu: nilai 2.5 tidak sah; yang diizinkan: bilangan bulat ≥ 1 (inti CPU) [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["custom-tag", [
    "subdomain/sibapo.yaml:14:12: tag YAML \"!rahasia\" tidak dikenal; jangan pakai tag khusus [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["decommission-before-request", [
    "subdomain/sibapo.yaml:17:61: tanggal penghentian 2026-01-02 sebelum tanggal permohonan 2026-10-05; yang diizinkan: tanggal ≥ 2026-10-05 [decommission-date]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["decommissioned-without-record", [
    "subdomain/sibapo.yaml:15:11: status decommissioned memerlukan metadata.decommission (Nota Dinas penghentian) [decommission-fields]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["duplicate-id", [
    "vm/sibapo.yaml:5:7: id sibapo sudah dipakai oleh test/fixtures/bad/duplicate-id/requests/subdomain/sibapo.yaml; id harus unik di antara semua permintaan [unique-id]",
  ], "1 temuan di 1 berkas (2 berkas diperiksa, stack contoh)"],
  ["duplicate-key", [
    "subdomain/sibapo.yaml:20:3: kunci ganda \"proxied\"; setiap kunci hanya boleh muncul sekali dalam satu mapping [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["duplicate-name-case", [
    "subdomain/sibapo.yaml:16:9: nama disdik.contohkab.go.id sudah dipakai oleh test/fixtures/bad/duplicate-name-case/requests/hosting/disdik-web.yaml; nama lengkap harus unik (tanpa membedakan huruf besar/kecil) [unique-name]",
  ], "1 temuan di 1 berkas (2 berkas diperiksa, stack contoh)"],
  ["duplicate-vmid-ip", [
    "vm/sibapo-web.yaml:26:9: vmid 210 sudah dipakai oleh test/fixtures/bad/duplicate-vmid-ip/requests/vm/sibapo-app.yaml; vmid harus unik [vm-unique]",
    "vm/sibapo-web.yaml:27:7: ip 10.20.30.15 sudah dipakai oleh test/fixtures/bad/duplicate-vmid-ip/requests/vm/sibapo-app.yaml; ip harus unik [vm-unique]",
  ], "2 temuan di 1 berkas (2 berkas diperiksa, stack contoh)"],
  ["empty-file", [
    "subdomain/sibapo.yaml:1:1: berkas kosong; isi permintaan harus berupa mapping YAML [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["filename-id-mismatch", [
    "subdomain/sibapo-web.yaml:5:7: nama berkas \"sibapo-web.yaml\" tidak cocok dengan metadata.id \"sibapo\"; berkas harus bernama sibapo.yaml [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["folder-kind-mismatch", [
    "vm/sibapo.yaml:3:7: kind Subdomain tidak cocok dengan folder vm/; permintaan Subdomain harus berada di requests/subdomain/ [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["impossible-date", [
    "subdomain/sibapo.yaml:13:11: metadata.notaDinas.date: nilai \"2026-02-30\" tidak sah; yang diizinkan: tanggal yang benar-benar ada di kalender (YYYY-MM-DD) [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["ip-broadcast", [
    "vm/sibapo-app.yaml:27:7: ip 10.20.30.255 adalah alamat broadcast 10.20.30.0/24; yang diizinkan: 10.20.30.10–10.20.30.250 [vm-placement]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["ip-outside-allocation", [
    "vm/sibapo-app.yaml:27:7: ip 10.20.30.5 di luar rentang alokasi pool lan-pusat; yang diizinkan: 10.20.30.10–10.20.30.250 [vm-placement]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["ip-outside-pool", [
    "vm/sibapo-app.yaml:27:7: ip 10.99.0.15 tidak berada di pool IP mana pun; yang diizinkan: 10.20.30.10–10.20.30.250 [vm-placement]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["ip-outside-ranges", [
    "subdomain/sibapo.yaml:18:9: 192.0.2.10 di luar rentang IP publik stack; yang diizinkan: 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32 [public-ip]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["local-missing-placement", [
    "vm/sibapo-app.yaml:16:3: kolom wajib spec.node tidak ada; lokasi pusat-komputasi memerlukan node, vmid dan ip (diisi oleh pusdat new) [vm-location]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["loopback-ipv6", [
    "subdomain/sibapo.yaml:18:11: ::1 adalah alamat loopback; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32 [public-ip]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["missing-contact", [
    "subdomain/sibapo.yaml:4:1: kolom wajib metadata.contact tidak ada; isi dengan: mapping berisi kolom name, email, phone [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["multi-document", [
    "subdomain/sibapo.yaml:20:1: berkas berisi lebih dari satu dokumen YAML ('---'); satu berkas hanya untuk satu permintaan [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["nested-folder", [
    "subdomain/lama/sibapo.yaml:1:1: berkas di luar folder jenisnya; letakkan di requests/<subdomain|hosting|vm|api>/<id>.yaml [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["no-ssh-keys", [
    "vm/sibapo-app.yaml:22:12: spec.sshKeys: nilai [] tidak sah; yang diizinkan: minimal satu kunci SSH (login kata sandi tetap mati) [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["node-capacity", [
    "vm/app3.yaml:19:13: kapasitas memori node pve1 terlampaui: 72 GB dari 64 GB (64 GB × overcommit 1); sisa sebelum permintaan ini 0 GB [node-capacity]",
  ], "1 temuan di 1 berkas (3 berkas diperiksa, stack contoh)"],
  ["non-utf8", [
    "subdomain/sibapo.yaml:6:29: byte 0xE9 bukan UTF-8 yang sah; simpan berkas sebagai UTF-8 [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["not-yaml-file", [
    "subdomain/catatan.txt:1:1: hanya berkas .yaml yang diterima di requests/; \"catatan.txt\" bukan permintaan [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["nota-number-not-text", [
    "subdomain/sibapo.yaml:12:13: metadata.notaDinas.number: nilai 123 tidak sah; yang diizinkan: teks bertanda kutip, mis. \"000.8.3.3/123/DISKOMINFO/2026\" [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["opd-cores", [
    "vm/olah4.yaml:18:8: total CPU OPD \"Dinas Perdagangan\" menjadi 32 inti; batas per OPD 24 inti (sudah terpakai 24 inti) [opd-totals]",
  ], "1 temuan di 1 berkas (4 berkas diperiksa, stack contoh)"],
  ["opd-subdomains", [
    "subdomain/layanan20.yaml:16:9: total subdomain OPD \"Dinas Perdagangan\" menjadi 21 subdomain; batas per OPD 20 subdomain (sudah terpakai 20 subdomain) [opd-totals]",
  ], "1 temuan di 1 berkas (21 berkas diperiksa, stack contoh)"],
  ["outside-kind-folder", [
    "sibapo.yaml:1:1: berkas di luar folder jenisnya; letakkan di requests/<subdomain|hosting|vm|api>/<id>.yaml [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["pdn-active-without-address", [
    "vm/sipd-bappeda.yaml:27:12: pdn.state active memerlukan pdn.address (alamat yang diberikan PDN) [vm-location]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["pdn-with-local-fields", [
    "vm/sipd-bappeda.yaml:25:9: spec.node hanya untuk location: pusat-komputasi; VPS PDN dialokasikan oleh PDN [vm-location]",
    "vm/sipd-bappeda.yaml:26:9: spec.vmid hanya untuk location: pusat-komputasi; VPS PDN dialokasikan oleh PDN [vm-location]",
  ], "2 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["port-out-of-range", [
    "vm/sibapo-app.yaml:24:15: spec.ports[1]: nilai 70000 tidak sah; yang diizinkan: port 1–65535 [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["private-ip", [
    "subdomain/sibapo.yaml:18:9: 10.20.30.15 adalah alamat privat; yang diizinkan: alamat publik di dalam 203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32 [public-ip]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["proxied-with-ttl", [
    "subdomain/sibapo.yaml:20:8: ttl 300 tidak boleh untuk rekaman proxied; rekaman proxied selalu auto: hapus ttl atau set proxied: false [dns-ttl]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["reserved-label", [
    "subdomain/sibapo.yaml:16:9: label \"mail\" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, ns1, ns2, cpanel, webmail, ftp, autodiscover, @, hosting, whm, pve1, pve2 [reserved-label]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["too-large", [
    "subdomain/sibapo.yaml:1:1: berkas terlalu besar: 72464 byte; batas 65536 byte (64 KiB) [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["top-level-list", [
    "subdomain/sibapo.yaml:1:1: tingkat teratas harus berupa mapping (kunci: nilai), bukan daftar (sequence) [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["top-level-scalar", [
    "subdomain/sibapo.yaml:1:1: tingkat teratas harus berupa mapping (kunci: nilai), bukan nilai tunggal (scalar) [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["ttl-out-of-bounds", [
    "subdomain/sibapo.yaml:20:8: ttl 30 di luar batas; yang diizinkan: auto atau 60–86400 detik [dns-ttl]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["two-targets", [
    "subdomain/sibapo.yaml:18:5: target harus berisi tepat satu dari ip, ipv6, cname; yang tertulis: ip, cname [subdomain-target]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unknown-field", [
    "subdomain/sibapo.yaml:7:3: kolom tidak dikenal \"pemohon\" di metadata; yang diizinkan: id, opd, contact, notaDinas, purpose, status, decommission [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unknown-field-nested", [
    "subdomain/sibapo.yaml:18:5: kolom tidak dikenal \"ipv4\" di spec.target; yang diizinkan: ip, ipv6, cname [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unknown-folder", [
    "dns/sibapo.yaml:1:1: berkas di luar folder jenisnya; letakkan di requests/<subdomain|hosting|vm|api>/<id>.yaml [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unknown-kind", [
    "subdomain/sibapo.yaml:3:7: kind: nilai \"DnsRecord\" tidak sah; yang diizinkan: Subdomain, HostingAccount, VirtualMachine, ApiAccess [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unknown-plan", [
    "hosting/disdik-web.yaml:18:9: paket \"jumbo\" tidak ada; yang diizinkan: kecil, sedang, besar [hosting-plan]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["unquoted-phone", [
    "subdomain/sibapo.yaml:10:12: metadata.contact.phone: nilai 6281234567890 tidak sah; yang diizinkan: teks bertanda kutip, mis. \"+6281234567890\" [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["username-duplicate", [
    "hosting/disdik-lama.yaml:17:13: username disdikweb sudah dipakai oleh test/fixtures/bad/username-duplicate/requests/hosting/disdik-web.yaml; username harus unik [hosting-username]",
  ], "1 temuan di 1 berkas (2 berkas diperiksa, stack contoh)"],
  ["username-prefix-clash", [
    "hosting/disdik-baru.yaml:17:13: 8 huruf pertama username disdikwebbaru (disdikwe) sama dengan disdikweb di test/fixtures/bad/username-prefix-clash/requests/hosting/disdik-web.yaml; awalan basis data harus unik [hosting-username]",
  ], "1 temuan di 1 berkas (2 berkas diperiksa, stack contoh)"],
  ["username-reserved", [
    "hosting/disdik-web.yaml:17:13: username \"root\" dicadangkan oleh sistem; nama yang dicadangkan: root, all, nobody, postmaster, cpanel, virtfs, webmaster, www, admin, abuse, mail, ftp, mysql, named, apache, httpd, cpses, system, shadow, hostmaster [hosting-username]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["username-test-prefix", [
    "hosting/disdik-web.yaml:17:13: username \"testdisdik\" tidak boleh diawali \"test\" (aturan cPanel) [hosting-username]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["vm-ceiling", [
    "vm/sibapo-app.yaml:18:8: cpu 12 inti melebihi batas per VM; yang diizinkan: 1–8 inti [vm-ceiling]",
    "vm/sibapo-app.yaml:19:13: memoryGb 48 GB melebihi batas per VM; yang diizinkan: 1–32 GB [vm-ceiling]",
    "vm/sibapo-app.yaml:20:11: diskGb 600 GB melebihi batas per VM; yang diizinkan: 1–500 GB [vm-ceiling]",
  ], "3 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["vm-unknown-node-template", [
    "vm/sibapo-app.yaml:21:7: templat \"windows-2022\" tidak ada; yang diizinkan: ubuntu-24.04, debian-12, rocky-9 [vm-placement]",
    "vm/sibapo-app.yaml:25:9: node \"pve9\" tidak ada; yang diizinkan: pve1, pve2 [vm-placement]",
  ], "2 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["vmid-and-gateway", [
    "vm/sibapo-app.yaml:26:9: vmid 100 di luar rentang; yang diizinkan: 200–999 [vm-placement]",
    "vm/sibapo-app.yaml:27:7: ip 10.20.30.1 adalah gateway pool lan-pusat; yang diizinkan: 10.20.30.10–10.20.30.250 [vm-placement]",
  ], "2 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["wrong-api-version", [
    "subdomain/sibapo.yaml:2:13: apiVersion: nilai \"pusdat/v2\" tidak sah; yang diizinkan: pusdat/v1 [schema]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["yaml-syntax", [
    "subdomain/sibapo.yaml:17:3: sintaks YAML tidak sah (BAD_INDENT): Flow sequence in block collection must be sufficiently indented and end with a ] [yaml]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
  ["yml-extension", [
    "subdomain/sibapo.yml:1:1: ekstensi .yml tidak diterima; ganti nama menjadi sibapo.yaml [berkas]",
  ], "1 temuan di 1 berkas (1 berkas diperiksa, stack contoh)"],
];
