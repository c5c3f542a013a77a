import { ctx, findings, req } from "../../../test/support/requests";
import { apiApproval, apiEndpoints } from "./api";
import { decommissionDates, decommissionFields, uniqueIds } from "./lifecycle";

const decommission = { number: "000.8.3.3/140/DISDAG/2027", date: "2027-02-01" };

describe("lifecycle and API rules", () => {
  test.each([
    ["unique ids across kinds: the later request gets the finding", uniqueIds, [req("vm/sibapo-app", { metadata: { id: "sibapo" } }), req("subdomain/sibapo")], ["sibapo.yaml metadata.id: id sibapo sudah dipakai oleh sibapo.yaml; id harus unik di antara semua permintaan"]],
    ["decommissioned needs the record", decommissionFields, [req("subdomain/sibapo", { metadata: { status: "decommissioned" } })], ["sibapo.yaml metadata.status: status decommissioned memerlukan metadata.decommission (Nota Dinas penghentian)"]],
    ["active must not carry it", decommissionFields, [req("subdomain/sibapo", { metadata: { decommission: { notaDinas: decommission } } })], ["sibapo.yaml metadata.decommission: metadata.decommission hanya boleh ada bila status decommissioned"]],
    ["a complete decommission is fine", decommissionFields, [req("vm/eoffice-lama")], []],
    ["decommission before the request", decommissionDates, [req("subdomain/sibapo", { metadata: { status: "decommissioned", decommission: { notaDinas: { ...decommission, date: "2026-10-04" } } } })], ["sibapo.yaml metadata.decommission.notaDinas.date: tanggal penghentian 2026-10-04 sebelum tanggal permohonan 2026-10-05; yang diizinkan: tanggal ≥ 2026-10-05"]],
    ["decommission on the request date is fine", decommissionDates, [req("subdomain/sibapo", { metadata: { status: "decommissioned", decommission: { notaDinas: { ...decommission, date: "2026-10-05" } } } })], []],
    ["duplicate endpoint", apiEndpoints, [req("api/simpeg-nik", { spec: { endpoints: [{ method: "POST", path: "/a" }, { method: "GET", path: "/a" }, { method: "POST", path: "/a" }] } })], ["simpeg-nik.yaml spec.endpoints.2: endpoint POST /a tertulis dua kali (lihat endpoints[0]); tiap endpoint cukup sekali"]],
    ["approval before request", apiApproval, [req("api/simpeg-nik", { spec: { provider: { approval: { notaDinas: { number: "1/2", date: "2026-10-25" } } } } })], ["simpeg-nik.yaml spec.provider.approval.notaDinas.date: persetujuan penyedia (2026-10-25) bertanggal sebelum permohonan (2026-10-26); yang diizinkan: tanggal ≥ 2026-10-26"]],
  ])("%s", (_n, rule, requests, expected) => expect(findings(rule, ctx(requests))).toEqual(expected));
});
