import { HIDDEN, redact } from "./redact";

const H = HIDDEN;
const hosts = ["pve.contohkab.go.id", "splp.contohkab.go.id"];

describe("redact for a public dashboard", () => {
  test.each([
    ["an e-mail", "hubungi rina.wulandari@contohkab.go.id segera", `hubungi ${H} segera`],
    ["a +62 mobile number", "telepon +6281234567890.", `telepon ${H}.`],
    ["an 08 number", "WA 081234500011", `WA ${H}`],
    ["an 08 number with separators", "WA 0812-3450-0011", `WA ${H}`],
    ["an IPv4 address", "10.20.30.15:443 tidak menjawab", `${H}:443 tidak menjawab`],
    ["an IPv4 range", "di luar 203.0.113.0/24", `di luar ${H}`],
    ["an IPv6 address", "AAAA 2001:db8:10::20 ok", `AAAA ${H} ok`],
    ["an internal host", "https://pve.contohkab.go.id:8006/ menolak", `https://${H}:8006/ menolak`],
    ["a public name stays", "sibapo.contohkab.go.id A record", "sibapo.contohkab.go.id A record"],
    ["dates and times stay", "cadangan 2026-11-22, sertifikat 2026-12-01T05:00:00Z", "cadangan 2026-11-22, sertifikat 2026-12-01T05:00:00Z"],
    ["clock times stay", "pukul 12:04:30", "pukul 12:04:30"],
    ["a VMID, a percentage and a size stay", "VM 210 CPU 95% disk 5120 MB", "VM 210 CPU 95% disk 5120 MB"],
    ["a letter number stays", "Nota Dinas 000.8.3.3/123/DISDAG/2026", "Nota Dinas 000.8.3.3/123/DISDAG/2026"],
    ["a version stays", "API HargaBahanPokok 1.0.0", "API HargaBahanPokok 1.0.0"],
  ])("%s", (_n, text, out) => {
    expect(redact(text, { internal: false, internalHosts: hosts })).toBe(out);
  });

  test.each([
    ["keeps addresses", "10.20.30.15 dan 2001:db8::5 di pve.contohkab.go.id", "10.20.30.15 dan 2001:db8::5 di pve.contohkab.go.id"],
    ["still hides contact details", "rina@contohkab.go.id +6281234567890", `${H} ${H}`],
  ])("internal dashboard %s", (_n, text, out) => {
    expect(redact(text, { internal: true, internalHosts: hosts })).toBe(out);
  });
});
