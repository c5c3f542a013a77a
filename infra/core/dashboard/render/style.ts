/** The dashboard's one stylesheet, inlined in every page (no request, works from file://). Mobile first. */
export const STYLE = `
:root{--fg:#1b2430;--muted:#5b6675;--bg:#f4f6f9;--card:#fff;--line:#d9dee5;--accent:#0b5cad;
--ok:#1e7d3a;--ok-bg:#e3f4e8;--warn:#8a5a00;--warn-bg:#fff1d1;--err:#b3261e;--err-bg:#fde4e1;--info:#0b5cad;--info-bg:#e2eefb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
code{font-size:.9em;overflow-wrap:anywhere}
.wrap{max-width:1180px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header.top{background:#0b3d6e;color:#fff;padding:16px 0 14px}
header.top h1{margin:0;font-size:1.45rem;line-height:1.25}
header.top .org{margin:0 0 4px;opacity:.9;font-size:.9rem}
main{padding:8px 16px 24px}
h2{font-size:1.2rem;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.02rem;margin:0 0 8px;overflow-wrap:anywhere}
p{margin:6px 0}
.muted{color:var(--muted)}
.small{font-size:.88rem}
.note{background:var(--info-bg);border-left:4px solid var(--info);padding:8px 12px;margin:10px 0;border-radius:4px}
.grid{display:grid;grid-template-columns:1fr;gap:12px}
@media(min-width:640px){.grid{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media(min-width:980px){.grid{grid-template-columns:repeat(3,minmax(0,1fr))}.grid.two{grid-template-columns:repeat(2,minmax(0,1fr))}}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.stats{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px;margin:12px 0}
@media(min-width:640px){.stats{grid-template-columns:repeat(6,minmax(0,1fr))}}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.stat .v{display:block;font-size:1.6rem;font-weight:700;line-height:1.2}
.stat .k{font-size:.85rem;color:var(--muted)}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap;margin:1px 2px 1px 0}
.badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.warning{background:var(--warn-bg);color:var(--warn)}
.badge.error{background:var(--err-bg);color:var(--err)}.badge.muted{background:#eceff3;color:var(--muted)}.badge.info{background:var(--info-bg);color:var(--info)}
.opd a.name{font-weight:700;font-size:1.02rem;text-decoration:none}
.opd a.name:hover{text-decoration:underline}
.opd .counts{margin-top:4px}
.search{margin:10px 0 14px}
.search label{display:block;font-weight:600;margin-bottom:4px}
.search input{width:100%;max-width:480px;font-size:1rem;padding:9px 10px;border:1px solid #9aa5b3;border-radius:6px}
.meter{margin:8px 0}
.meter-head{display:flex;justify-content:space-between;gap:8px;font-size:.9rem;flex-wrap:wrap}
.meter-label{font-weight:600}
svg.bar{display:block;width:100%;height:12px;margin-top:3px}
svg.bar .track{fill:#e6e9ee}
svg.bar .fill.ok{fill:#2e8b57}svg.bar .fill.warning{fill:#d08c00}svg.bar .fill.error{fill:#c62828}
.svc h3 .id{font-weight:400;color:var(--muted);font-size:.9rem}
.svc dl{margin:8px 0 0;display:grid;grid-template-columns:1fr;gap:2px 12px}
@media(min-width:640px){.svc dl{grid-template-columns:max-content 1fr}}
.svc dt{font-weight:600;color:var(--muted);font-size:.88rem}
.svc dd{margin:0 0 6px;overflow-wrap:break-word;min-width:0}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f5;font-size:.88rem}
td.r,th.r{text-align:right}
tbody th{background:none}
ul.plain{margin:0;padding-left:18px}
@media(max-width:639px){
 table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack tbody th{display:block;width:100%}
 table.stack thead{position:absolute;left:-9999px}
 table.stack{border:0;background:none}
 table.stack tr{background:var(--card);border:1px solid var(--line);border-radius:8px;margin-bottom:10px;padding:4px 0}
 table.stack td,table.stack tbody th{border:0;padding:4px 12px;text-align:left;background:none}
 table.stack.pairs tr{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))}
 table.stack.pairs tbody th{grid-column:1/-1}
 table.stack td::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:600;color:var(--muted)}
}
footer{color:var(--muted);font-size:.85rem;padding-bottom:24px}
`;
