/**
 * The static site from the dashboard's value: `index.html` (summary, OPDs with a filter, capacity,
 * recent changes, lead times), one page per OPD under `opd/`, and `data.json` holding exactly the
 * value the pages were drawn from. Pure: path → text; the command writes them.
 */
import { opdKey } from "../../rules/capacity";
import type { DashboardData, OpdView } from "../types";
import { capacityCards } from "./charts";
import { badge, esc, n, page, wib } from "./html";
import { changesTable, leadTable, serviceCard } from "./sections";

/** The OPD filter on the index: a few lines of plain script, nothing else runs. */
const FILTER_SCRIPT = `(function(){var i=document.getElementById("cari-opd");if(!i)return;var cards=document.querySelectorAll("[data-cari]");var out=document.getElementById("hasil-cari");
i.addEventListener("input",function(){var q=i.value.trim().toLowerCase();var shown=0;for(var k=0;k<cards.length;k++){var ok=!q||cards[k].getAttribute("data-cari").indexOf(q)>=0;cards[k].hidden=!ok;if(ok)shown++;}
out.textContent=q?shown+" OPD cocok":"";});})();`;

const opdHref = (o: OpdView) => `opd/${o.slug}.html`;

function title(d: DashboardData): string {
  return `Dasbor Layanan Pusat Data${d.organisation.government ? ` ${d.organisation.government.replace(/^Pemerintah\s+/i, "")}` : ""}`;
}

const subheading = (d: DashboardData) => [d.organisation.agency, d.organisation.division].filter(Boolean).join(" · ") || `Stack ${d.stack}`;

function countsLine(o: OpdView, i: number): string {
  const c = o.counts;
  const p = `opds.${i}.counts`;
  const parts = [`${n(c.total, `${p}.total`)} layanan`, `${n(c.active, `${p}.active`)} aktif`];
  if (c.decommissioned) parts.push(`${n(c.decommissioned, `${p}.decommissioned`)} dihentikan`);
  if (c.waiting) parts.push(`${n(c.waiting, `${p}.waiting`)} menunggu PDN`);
  const warn = c.problems ? ` ${badge(`${c.problems} perlu perhatian`, "error")}` : "";
  return `<p class="counts">${parts.join(" · ")}${warn}</p>`;
}

function notes(d: DashboardData): string {
  return d.notes.map((t) => `<p class="note">${esc(t)}</p>`).join("");
}

function monitoringLine(d: DashboardData): string {
  const m = d.monitoring;
  if (!m) return `<p>Pemantauan: <strong>belum ada data pemantauan</strong>.</p>`;
  return (
    `<p>Pemantauan terakhir ${esc(wib(m.at))}: ${n(m.targets, "monitoring.targets")} sasaran, ` +
    `${n(m.errors, "monitoring.errors")} galat, ${n(m.warnings, "monitoring.warnings")} peringatan.</p>`
  );
}

function indexPage(d: DashboardData): string {
  const t = d.totals;
  const stat = (v: number, path: string, k: string) => `<div class="stat"><span class="v">${n(v, path)}</span><span class="k">${k}</span></div>`;
  const opdCards = d.opds.map((o, i) => {
    const search = [o.name, ...o.services.flatMap((s) => [s.id, s.name, s.title])].join(" ").toLowerCase();
    return `<div class="card opd" data-cari="${esc(search)}"><a class="name" href="${opdHref(o)}">${esc(o.name)}</a>${countsLine(o, i)}</div>`;
  });
  const byKey = new Map(d.opds.map((o) => [opdKey(o.name), o]));
  const body = [
    `<p class="muted">Diperbarui ${esc(wib(d.generatedAt))} · stack <code>${esc(d.stack)}</code>${d.internal ? ` · ${badge("INTERNAL: memuat alamat", "warning")}` : ""}</p>`,
    notes(d),
    `<section aria-labelledby="ringkasan"><h2 id="ringkasan">Ringkasan</h2><div class="stats">`,
    stat(t.opds, "totals.opds", "OPD"),
    stat(t.services, "totals.services", "layanan"),
    stat(t.active, "totals.active", "aktif"),
    stat(t.waiting, "totals.waiting", "menunggu PDN"),
    stat(t.decommissioned, "totals.decommissioned", "dihentikan"),
    stat(t.problems, "totals.problems", "perlu perhatian"),
    `</div>${monitoringLine(d)}<p class="muted small">"Perlu perhatian": pemantauan terakhir galat atau uji akses terakhir gagal.</p></section>`,
    `<section aria-labelledby="opd"><h2 id="opd">Layanan per OPD</h2>`,
    `<div class="search"><label for="cari-opd">Cari OPD atau layanan</label><input id="cari-opd" type="search" autocomplete="off" placeholder="mis. Dinas Perdagangan atau sibapo"><span id="hasil-cari" class="muted small" aria-live="polite"></span></div>`,
    `<div class="grid">${opdCards.join("")}</div></section>`,
    `<section aria-labelledby="kapasitas"><h2 id="kapasitas">Kapasitas</h2>`,
    `<h3>Per node Proxmox (terhadap kapasitas × overcommit)</h3>${capacityCards(d.capacity.nodes.map((row, i) => ({ row, path: `capacity.nodes.${i}` })))}`,
    `<h3 style="margin-top:18px">Per OPD (terhadap batas per OPD)</h3>`,
    capacityCards(d.capacity.opds.map((row, i) => ({ row, path: `capacity.opds.${i}`, href: byKey.has(row.key) ? opdHref(byKey.get(row.key)!) : null, onlyUsed: true }))),
    `</section>`,
    `<section aria-labelledby="perubahan"><h2 id="perubahan">Perubahan terbaru</h2>${changesTable(d.changes)}</section>`,
    `<section aria-labelledby="waktu"><h2 id="waktu">Waktu penyelesaian terhadap target SOP</h2><p class="muted small">Seluruh riwayat cabang utama; per periode: <code>pusdat evaluate</code>.</p>${leadTable(d.leadTimes)}</section>`,
  ].join("\n");
  return page({ title: title(d), root: "", heading: title(d), subheading: subheading(d), body, script: FILTER_SCRIPT });
}

function opdPage(d: DashboardData, o: OpdView, i: number): string {
  const at = d.capacity.opds.findIndex((r) => r.key === opdKey(o.name));
  const cap = at >= 0 ? capacityCards([{ row: d.capacity.opds[at]!, path: `capacity.opds.${at}` }]) : '<p class="muted">OPD ini tidak memiliki permintaan aktif, jadi tidak memakai kapasitas.</p>';
  const body = [
    `<p><a href="../index.html">← Semua OPD</a></p>`,
    `<p class="muted">Diperbarui ${esc(wib(d.generatedAt))}</p>`,
    countsLine(o, i),
    monitoringLine(d),
    `<section aria-labelledby="layanan"><h2 id="layanan">Layanan</h2><div class="grid two">${o.services.map((s) => serviceCard(s, d)).join("")}</div></section>`,
    `<section aria-labelledby="kapasitas"><h2 id="kapasitas">Kapasitas OPD terhadap batas</h2>${cap}</section>`,
    `<section aria-labelledby="perubahan"><h2 id="perubahan">Perubahan terbaru OPD ini</h2>${changesTable(d.changes, o.name)}</section>`,
  ].join("\n");
  return page({ title: `${o.name} · ${title(d)}`, root: "../", heading: o.name, subheading: title(d), body });
}

/** Every file of the site: path (relative to --out) → content. */
export function renderSite(d: DashboardData): Map<string, string> {
  const files = new Map<string, string>();
  files.set("index.html", indexPage(d));
  d.opds.forEach((o, i) => files.set(`opd/${o.slug}.html`, opdPage(d, o, i)));
  files.set("data.json", `${JSON.stringify(d, null, 2)}\n`);
  return files;
}
