/** The parts of the dashboard's pages: a service card, the changes table, the lead-time table. Pure. */
import { CHANGE_LABELS, VERIFY_LABELS } from "../archive-view";
import type { ChangeView, DashboardData, LeadTimeRow, ServiceView } from "../types";
import { badge, day, esc, n, num, wib } from "./html";

const STATUS_TONE = { active: "ok", decommissioned: "muted", "pdn-waiting": "info", "pdn-rejected": "error" } as const;
const HEALTH = { ok: ["normal", "ok"], warning: ["peringatan", "warning"], error: ["galat", "error"] } as const;
const VERIFY_TONE = { passed: "ok", failed: "error", skipped: "muted" } as const;

export function testText(s: ServiceView): string {
  const t = s.lastTest;
  if (!t) return '<span class="muted">belum ada uji akses tercatat</span>';
  const failed = t.failed.length ? ` (gagal: ${esc(t.failed.join(", "))})` : "";
  return `${badge(VERIFY_LABELS[t.result]!, VERIFY_TONE[t.result])} ${esc(wib(t.at))}${failed}`;
}

export function monitorText(s: ServiceView, data: DashboardData): string {
  if (!data.monitoring) return '<span class="muted">belum ada data pemantauan</span>';
  if (!s.monitoring) return '<span class="muted">tidak dipantau pada putaran terakhir</span>';
  const [label, tone] = HEALTH[s.monitoring.status];
  return `${badge(label, tone)} ${esc(s.monitoring.summary)}`;
}

export function leadText(s: ServiceView): string {
  const l = s.leadTime;
  if (!l) return '<span class="muted">belum diukur</span>';
  const pr = l.pullRequest ? `, PR #${l.pullRequest}` : "";
  if (l.workingMinutes === null) return `${badge("belum selesai", "info")} target ${num(l.target)} menit kerja (masuk ${esc(day(l.date))}${pr})`;
  const tone = l.withinTarget ? "ok" : "warning";
  return `${badge(l.withinTarget ? "sesuai target" : "melewati target", tone)} ${num(l.workingMinutes)} menit kerja; target SOP ${num(l.target)} (${esc(day(l.date))}${pr})`;
}

export function serviceCard(s: ServiceView, data: DashboardData): string {
  const rows: [string, string][] = [
    ["Jenis", esc(s.kindLabel)],
    ...(s.title === s.name ? [] : ([["Layanan", esc(s.title)]] as [string, string][])),
    ["Keperluan", esc(s.purpose)],
    ["Nota Dinas", `${esc(s.notaDinas.number)}, ${esc(day(s.notaDinas.date))}`],
    ["Uji akses terakhir", testText(s)],
    ["Pemantauan terakhir", monitorText(s, data)],
    ["Waktu penyelesaian", leadText(s)],
  ];
  if (s.internal) rows.push(["Detail internal", esc(s.internal.text)]);
  return (
    `<article class="card svc" id="layanan-${esc(s.id)}"><h3>${esc(s.name)}${s.name.includes(s.id) ? "" : ` <span class="id">(${esc(s.id)})</span>`}</h3>` +
    `<p>${badge(s.statusLabel, STATUS_TONE[s.status])}</p>` +
    `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl></article>`
  );
}

/** Recent applies, newest first; `only` keeps the requests of one OPD. */
export function changesTable(changes: ChangeView[], only?: string): string {
  const rows = changes
    .map((c) => ({ c, reqs: only === undefined ? c.requests : c.requests.filter((q) => q.opd === only) }))
    .filter((x) => x.reqs.length || only === undefined);
  if (!rows.length) return '<p class="muted">Belum ada perubahan yang tercatat di arsip.</p>';
  const body = rows.map(({ c, reqs }) => {
    const pr = c.pullRequest ? `<a href="${esc(c.pullRequest.url)}">#${c.pullRequest.number}</a> ${esc(c.pullRequest.title)}` : '<span class="muted">tanpa pull request</span>';
    const list = reqs.length
      ? `<ul class="plain">${reqs
          .map((q) => {
            const docs = q.documents.map((d) => (d.url ? `<a href="${esc(d.url)}">${esc(d.label)}</a>` : `${esc(d.label)} <code>${esc(d.path)}</code>`)).join(", ");
            const test = badge(`uji akses ${VERIFY_LABELS[q.verify] ?? q.verify}`, VERIFY_TONE[q.verify as keyof typeof VERIFY_TONE] ?? "muted");
            return `<li><code>${esc(q.id)}</code> ${esc(q.kindLabel)}, ${esc(CHANGE_LABELS[q.change] ?? q.change)} (${esc(q.opd)}) ${test}${docs ? ` ${docs}` : ""}</li>`;
          })
          .join("")}</ul>`
      : '<span class="muted">-</span>';
    const apply = c.apply === "succeeded" ? badge("berhasil", "ok") : badge("gagal", "error");
    return `<tr><td data-label="Waktu">${esc(wib(c.at))}</td><td data-label="Pull request">${pr}</td><td data-label="Permintaan, uji akses dan dokumen">${list}</td><td data-label="Penerapan">${apply}</td></tr>`;
  });
  return (
    `<table class="stack"><thead><tr><th scope="col">Waktu</th><th scope="col">Pull request</th><th scope="col">Permintaan, uji akses dan dokumen</th><th scope="col">Penerapan</th></tr></thead>` +
    `<tbody>${body.join("")}</tbody></table><p class="muted small">Dokumen (Berita Acara, Nota Dinas Balasan, perjanjian API) tersimpan di cabang arsip; tautannya membuka forge dan memerlukan hak akses.</p>`
  );
}

export function leadTable(rows: LeadTimeRow[] | null): string {
  if (rows === null) return '<p class="muted">Belum ada catatan penerapan di arsip; waktu penyelesaian belum dapat dihitung (lihat <code>pusdat evaluate</code>).</p>';
  if (!rows.length) return '<p class="muted">Belum ada permintaan dengan target SOP di riwayat.</p>';
  const cell = (v: number | null, path: string) => (v === null ? "-" : n(v, path));
  const body = rows.map(
    (r, i) =>
      `<tr><th scope="row" data-label="Layanan">${esc(r.label)}</th><td class="r" data-label="Target (menit kerja)">${n(r.target, `leadTimes.${i}.target`)}</td>` +
      `<td class="r" data-label="Permintaan">${n(r.count, `leadTimes.${i}.count`)}</td><td class="r" data-label="Selesai">${n(r.completed, `leadTimes.${i}.completed`)}</td>` +
      `<td class="r" data-label="Sesuai target">${n(r.withinTarget, `leadTimes.${i}.withinTarget`)}</td>` +
      `<td class="r" data-label="Median (menit kerja)">${cell(r.median, `leadTimes.${i}.median`)}</td><td class="r" data-label="Persentil 90 (menit kerja)">${cell(r.p90, `leadTimes.${i}.p90`)}</td></tr>`,
  );
  return (
    `<table class="stack pairs"><thead><tr><th scope="col">Layanan</th><th scope="col" class="r">Target (menit kerja)</th><th scope="col" class="r">Permintaan</th>` +
    `<th scope="col" class="r">Selesai</th><th scope="col" class="r">Sesuai target</th><th scope="col" class="r">Median (menit kerja)</th><th scope="col" class="r">Persentil 90 (menit kerja)</th></tr></thead>` +
    `<tbody>${body.join("")}</tbody></table>` +
    `<p class="muted small">Menit kerja menurut kalender kantor (jam kerja, tanpa hari libur), dari Nota Dinas sampai uji akses; cara hitung sama dengan <code>pusdat evaluate</code>.</p>`
  );
}
