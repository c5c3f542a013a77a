import { DASHBOARD_SCHEMA, type DashboardData, type ServiceView } from "../types";
import { bar, toneOf } from "./charts";
import { day, esc, num, wib } from "./html";
import { renderSite } from "./site";

const service = (over: Partial<ServiceView> = {}): ServiceView => ({
  id: "sibapo",
  kind: "Subdomain",
  kindLabel: "Subdomain",
  status: "active",
  statusLabel: "aktif",
  name: "sibapo.contohkab.go.id",
  title: "sibapo.contohkab.go.id",
  purpose: "Harga <b>bahan</b> pokok",
  notaDinas: { number: "000.8.3.3/123/DISDAG/2026", date: "2026-10-05" },
  lastTest: null,
  monitoring: null,
  leadTime: null,
  ...over,
});

const data = (over: Partial<DashboardData> = {}): DashboardData => ({
  schema: DASHBOARD_SCHEMA,
  stack: "contoh",
  generatedAt: "2026-11-23T01:00:00Z",
  internal: false,
  organisation: { government: "Pemerintah Kabupaten Contoh", agency: "Dinas Komunikasi dan Informatika", division: "Bidang SPBE" },
  totals: { opds: 1, services: 1, active: 1, decommissioned: 0, waiting: 0, problems: 0 },
  monitoring: null,
  opds: [{ slug: "dinas-perdagangan", name: 'Dinas "Perdagangan" <&>', counts: { total: 1, active: 1, decommissioned: 0, waiting: 0, problems: 0 }, services: [service()] }],
  capacity: { nodes: [{ key: "pve1", label: "pve1", meters: [{ resource: "diskGb", label: "disk", unit: "GB", used: 1500, limit: 2000, percent: 75 }] }], opds: [] },
  changes: [],
  leadTimes: null,
  notes: ["Pemantauan: belum ada data pemantauan."],
  ...over,
});

describe("formatting", () => {
  test.each([
    [0, "0"],
    [999, "999"],
    [1000, "1.000"],
    [1234567, "1.234.567"],
    [13950.4, "13.950"],
  ])("num(%p) = %s", (v, out) => expect(num(v)).toBe(out));

  test.each([
    ["2026-11-16T05:04:30Z", "16 Nov 2026 12.04 WIB"],
    ["2026-12-31T17:00:00Z", "1 Jan 2027 00.00 WIB"],
    ["bukan waktu", "bukan waktu"],
  ])("wib(%s) = %s", (v, out) => expect(wib(v)).toBe(out));

  test.each([
    ["2026-10-05", "5 Okt 2026"],
    ["2026-08-17", "17 Agu 2026"],
  ])("day(%s) = %s", (v, out) => expect(day(v)).toBe(out));

  test("esc", () => expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"));

  test.each([
    [0, "ok"],
    [74, "ok"],
    [75, "warning"],
    [99, "warning"],
    [100, "error"],
    [130, "error"],
  ])("bar colour at %p%% is %s", (p, tone) => expect(toneOf(p)).toBe(tone));

  test("a bar: numbers for data.json, the fill capped at the track, a text alternative", () => {
    expect(bar({ resource: "cpu", label: "CPU", unit: "inti", used: 80, limit: 64, percent: 125 }, "capacity.nodes.0.meters.0")).toBe(
      '<div class="meter"><div class="meter-head"><span class="meter-label">CPU</span><span class="meter-value"><span data-num="capacity.nodes.0.meters.0.used">80</span> / ' +
        '<span data-num="capacity.nodes.0.meters.0.limit">64</span> inti (<span data-num="capacity.nodes.0.meters.0.percent">125</span>%)</span></div>' +
        '<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="CPU: 80 dari 64 inti (125%)"><title>CPU: 80 dari 64 inti (125%)</title>' +
        '<rect class="track" x="0" y="0" width="100" height="8" rx="1.5"/><rect class="fill error" x="0" y="0" width="100" height="8" rx="1.5"/></svg></div>',
    );
  });
});

describe("renderSite", () => {
  const files = renderSite(data());

  test("the files: index, one page per OPD, data.json holding exactly the value", () => {
    expect([...files.keys()]).toEqual(["index.html", "opd/dinas-perdagangan.html", "data.json"]);
    expect(JSON.parse(files.get("data.json")!)).toEqual(data());
  });

  test("pages in Bahasa Indonesia, readable on a phone, with no outside request", () => {
    for (const f of ["index.html", "opd/dinas-perdagangan.html"]) {
      const html = files.get(f)!;
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">')).toBe(true);
      // links to the forge are navigation; nothing is loaded from elsewhere (scripts, styles, images, fonts)
      expect(html.match(/(?:src="|<link[^>]*href="|url\()(?:https?:)?\/\//g)).toBeNull();
    }
  });

  test("every text from the requests is escaped", () => {
    const index = files.get("index.html")!;
    expect(index).toContain('<a class="name" href="opd/dinas-perdagangan.html">Dinas &quot;Perdagangan&quot; &lt;&amp;&gt;</a>');
    expect(files.get("opd/dinas-perdagangan.html")!).toContain("<dt>Keperluan</dt><dd>Harga &lt;b&gt;bahan&lt;/b&gt; pokok</dd>");
    expect(index).not.toContain("<b>bahan</b>");
  });

  test("notes, missing monitoring and missing archive are said in words", () => {
    const index = files.get("index.html")!;
    expect(index).toContain('<p class="note">Pemantauan: belum ada data pemantauan.</p>');
    expect(index).toContain("<p>Pemantauan: <strong>belum ada data pemantauan</strong>.</p>");
    expect(index).toContain('<p class="muted">Belum ada catatan penerapan di arsip; waktu penyelesaian belum dapat dihitung (lihat <code>pusdat evaluate</code>).</p>');
    expect(files.get("opd/dinas-perdagangan.html")!).toContain("<dt>Pemantauan terakhir</dt><dd><span class=\"muted\">belum ada data pemantauan</span></dd>");
  });

  test("an internal dashboard says so at the top", () => {
    expect(renderSite(data({ internal: true })).get("index.html")!).toContain('<span class="badge warning">INTERNAL: memuat alamat</span>');
    expect(files.get("index.html")!).not.toContain("INTERNAL");
  });
});
