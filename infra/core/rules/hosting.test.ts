import { ctx, findings, req, site } from "../../../test/support/requests";
import { defaultCeilings } from "../config/ceilings";
import { hostingPlans, hostingUsernames, planProblems, usernameProblems } from "./hosting";

describe("usernameProblems", () => {
  const reserved = ["root", "cpanel"];
  test.each([
    ["disdikweb", []],
    ["a", []],
    ["abcdefghijklmnop", []],
    ["abcdefghijklmnopq", ['username "abcdefghijklmnopq" tidak sah; yang diizinkan: huruf kecil a–z dan angka, diawali huruf, paling banyak 16 karakter']],
    ["1web", ['username "1web" tidak sah; yang diizinkan: huruf kecil a–z dan angka, diawali huruf, paling banyak 16 karakter']],
    ["Web", ['username "Web" tidak sah; yang diizinkan: huruf kecil a–z dan angka, diawali huruf, paling banyak 16 karakter']],
    ["testweb", ['username "testweb" tidak boleh diawali "test" (aturan cPanel)']],
    ["gantipassword", ['username "gantipassword" tidak boleh diakhiri "assword" (aturan cPanel)']],
    ["root", ['username "root" dicadangkan oleh sistem; nama yang dicadangkan: root, cpanel']],
  ])("%s", (user, expected) => expect(usernameProblems(user, reserved)).toEqual(expected));
});

describe("planProblems", () => {
  const s = site();
  test.each([
    ["kecil", defaultCeilings()["hosting-plan-ceiling"], []],
    ["besar", defaultCeilings()["hosting-plan-ceiling"], []],
    ["jumbo", defaultCeilings()["hosting-plan-ceiling"], ['paket "jumbo" tidak ada; yang diizinkan: kecil, sedang, besar']],
    ["besar", { maxDiskGb: 10, maxBandwidthGb: 100 }, ["paket besar: kuota disk 20 GB melebihi batas 10 GB", "paket besar: bandwidth 200 GB melebihi batas 100 GB"]],
  ])("%s", (plan, ceiling, expected) => expect(planProblems(plan, s, ceiling)).toEqual(expected));
});

describe("hosting rules over requests", () => {
  const second = (patch: object) =>
    req("hosting/disdik-web", { metadata: { id: "kedua", notaDinas: { date: "2026-12-01" } }, spec: { domain: "kedua", ...patch } });
  test.each([
    ["exact duplicate username", hostingUsernames, [req("hosting/disdik-web"), second({ username: "disdikweb" })], ["kedua.yaml spec.username: username disdikweb sudah dipakai oleh disdik-web.yaml; username harus unik"]],
    ["first 8 characters clash", hostingUsernames, [req("hosting/disdik-web"), second({ username: "disdikwe2" })], ["kedua.yaml spec.username: 8 huruf pertama username disdikwe2 (disdikwe) sama dengan disdikweb di disdik-web.yaml; awalan basis data harus unik"]],
    ["different 8-character prefixes are fine", hostingUsernames, [req("hosting/disdik-web"), second({ username: "disdikpaud" })], []],
    ["unknown plan", hostingPlans, [req("hosting/disdik-web", { spec: { plan: "gratis" } })], ['disdik-web.yaml spec.plan: paket "gratis" tidak ada; yang diizinkan: kecil, sedang, besar']],
    ["a decommissioned account is not held to the plan ceiling", hostingPlans, [req("hosting/disdik-web", { spec: { plan: "gratis" }, metadata: { status: "decommissioned", decommission: { notaDinas: { number: "1/2", date: "2026-12-01" } } } })], []],
  ])("%s", (_n, rule, requests, expected) => expect(findings(rule, ctx(requests))).toEqual(expected));

  test("prefix clash is not checked when database prefixing is off", () => {
    const s = site();
    s.hosting.databasePrefix = false;
    expect(findings(hostingUsernames, ctx([req("hosting/disdik-web"), second({ username: "disdikwe2" })], { site: s }))).toEqual([]);
  });
});
