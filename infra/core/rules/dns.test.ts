import { ctx, findings, req } from "../../../test/support/requests";
import { addressProblem, cnameProblems, cnameRules, publicTargets, reservedLabelProblem, reservedLabels, subdomainTarget, ttlProblem, ttlRules, uniqueFullNames } from "./dns";

const RANGES = ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32"];
const ALLOWED = "203.0.113.0/24, 198.51.100.0/24, 2001:db8::/32";

describe("addressProblem", () => {
  test.each([
    ["203.0.113.10", null],
    ["198.51.100.255", null],
    ["2001:db8:10::20", null],
    ["10.1.2.3", `10.1.2.3 adalah alamat privat; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["192.168.1.1", `192.168.1.1 adalah alamat privat; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["127.0.0.1", `127.0.0.1 adalah alamat loopback; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["::1", `::1 adalah alamat loopback; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["169.254.0.9", `169.254.0.9 adalah alamat link-local; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["100.64.0.1", `100.64.0.1 adalah alamat CGNAT; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["fd00::1", `fd00::1 adalah alamat unique-local; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
    ["192.0.2.10", `192.0.2.10 di luar rentang IP publik stack; yang diizinkan: ${ALLOWED}`],
    ["2001:db9::1", `2001:db9::1 di luar rentang IP publik stack; yang diizinkan: ${ALLOWED}`],
    ["bukan-ip", `"bukan-ip" bukan alamat IP; yang diizinkan: alamat publik di dalam ${ALLOWED}`],
  ])("%s", (addr, expected) => expect(addressProblem(addr, RANGES)).toBe(expected));

  test("a private range configured as public is still refused", () => {
    expect(addressProblem("10.0.0.5", ["10.0.0.0/8"])).toBe("10.0.0.5 adalah alamat privat; yang diizinkan: alamat publik di dalam 10.0.0.0/8");
  });
});

describe("ttlProblem", () => {
  test.each([
    [true, "auto", null],
    [false, "auto", null],
    [false, 60, null],
    [false, 86400, null],
    [false, 59, "ttl 59 di luar batas; yang diizinkan: auto atau 60–86400 detik"],
    [false, 86401, "ttl 86401 di luar batas; yang diizinkan: auto atau 60–86400 detik"],
    [true, 300, "ttl 300 tidak boleh untuk rekaman proxied; rekaman proxied selalu auto: hapus ttl atau set proxied: false"],
  ] as const)("proxied %s ttl %s", (proxied, ttl, expected) => expect(ttlProblem(proxied, ttl)).toBe(expected));
});

describe("reservedLabelProblem", () => {
  const reserved = ["www", "mail", "@"];
  test.each([
    ["sibapo", null],
    ["www.sibapo", null],
    ["WWW", 'label "www" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, @'],
    ["app.mail", 'label "mail" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, @'],
    ["@", 'label "@" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, @'],
  ])("%s", (name, expected) => expect(reservedLabelProblem(name, reserved)).toBe(expected));
});

describe("cnameProblems", () => {
  const zone = "contohkab.go.id";
  const defined = new Set(["sibapo.contohkab.go.id", "data.contohkab.go.id"]);
  test.each([
    ["data.contohkab.go.id", "portal.example.org", []],
    ["data.contohkab.go.id", "sibapo.contohkab.go.id", []],
    ["contohkab.go.id", "portal.example.org", ["CNAME tidak diizinkan di apex zona; gunakan ip atau ipv6"]],
    ["data.contohkab.go.id", "data.contohkab.go.id", ["CNAME menunjuk ke dirinya sendiri (data.contohkab.go.id); yang diizinkan: nama host lain"]],
    ["data.contohkab.go.id", "lama.contohkab.go.id", ["CNAME menunjuk ke lama.contohkab.go.id di dalam zona, tetapi tidak ada permintaan yang mendefinisikannya (risiko subdomain takeover)"]],
  ])("%s → %s", (full, target, expected) => expect(cnameProblems(full, target, zone, defined)).toEqual(expected));
});

describe("DNS rules over requests", () => {
  test.each([
    ["subdomainTarget: two targets", subdomainTarget, [req("subdomain/sibapo", { spec: { target: { cname: "x.example.org" } } })], ["sibapo.yaml spec.target: target harus berisi tepat satu dari ip, ipv6, cname; yang tertulis: ip, cname"]],
    ["subdomainTarget: none", subdomainTarget, [req("subdomain/sibapo", { spec: { target: { ip: null } } })], ["sibapo.yaml spec.target: target harus berisi tepat satu dari ip, ipv6, cname; yang tertulis: (kosong)"]],
    ["publicTargets: private", publicTargets, [req("subdomain/sibapo", { spec: { target: { ip: "10.20.30.15" } } })], [`sibapo.yaml spec.target.ip: 10.20.30.15 adalah alamat privat; yang diizinkan: alamat publik di dalam ${ALLOWED}`]],
    ["ttlRules: proxied with ttl", ttlRules, [req("subdomain/sibapo", { spec: { ttl: 120 } })], ["sibapo.yaml spec.ttl: ttl 120 tidak boleh untuk rekaman proxied; rekaman proxied selalu auto: hapus ttl atau set proxied: false"]],
    ["reservedLabels: hosting domain", reservedLabels, [req("hosting/disdik-web", { spec: { domain: "webmail" } })], ['disdik-web.yaml spec.domain: label "webmail" dicadangkan untuk layanan Diskominfo; label yang dicadangkan: www, mail, ns1, ns2, cpanel, webmail, ftp, autodiscover, @, hosting, whm, pve1, pve2']],
    ["uniqueFullNames: later request loses, across kinds and case", uniqueFullNames, [req("hosting/disdik-web"), req("subdomain/sibapo", { spec: { name: "DISDIK" } })], ["sibapo.yaml spec.name: nama disdik.contohkab.go.id sudah dipakai oleh disdik-web.yaml; nama lengkap harus unik (tanpa membedakan huruf besar/kecil)"]],
    ["uniqueFullNames: decommissioned names stay reserved", uniqueFullNames, [req("subdomain/pilkada2024"), req("subdomain/sibapo", { spec: { name: "pilkada2024" } })], ["sibapo.yaml spec.name: nama pilkada2024.contohkab.go.id sudah dipakai oleh pilkada2024.yaml; nama lengkap harus unik (tanpa membedakan huruf besar/kecil)"]],
    ["cnameRules: in-zone target defined by a hosting account is fine", cnameRules, [req("hosting/disdik-web"), req("subdomain/satudata", { spec: { target: { cname: "disdik.contohkab.go.id" } } })], []],
    ["samples are clean", uniqueFullNames, [req("subdomain/sibapo"), req("subdomain/ppid"), req("hosting/disdik-web")], []],
  ])("%s", (_name, rule, requests, expected) => expect(findings(rule, ctx(requests))).toEqual(expected));
});
