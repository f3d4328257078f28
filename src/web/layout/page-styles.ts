// The pages' one stylesheet: large type and strong contrast, so every page reads on a projector.

export const PAGE_CSS = `
:root { --ink:#111827; --muted:#4b5563; --line:#d1d5db; --bg:#f8fafc; --card:#fff; --accent:#1d4ed8;
  --ok:#16a34a; --bad:#dc2626; --warn:#f59e0b; font-size:17px; }
* { box-sizing:border-box; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); line-height:1.45; }
header.top { background:#0f172a; color:#fff; padding:.6rem 1.2rem; display:flex; gap:1.4rem; align-items:center; flex-wrap:wrap; }
header.top a { color:#e2e8f0; text-decoration:none; font-weight:600; }
header.top a[aria-current="page"] { color:#fff; border-bottom:3px solid #60a5fa; }
header.top .brand { font-size:1.15rem; color:#fff; margin-right:1rem; }
main { padding:1rem 1.4rem 3rem; max-width:1400px; margin:0 auto; }
main.wide { max-width:none; }
h1 { font-size:1.7rem; margin:.4rem 0 1rem; }
h2 { font-size:1.3rem; margin:1.6rem 0 .6rem; }
h3 { font-size:1.08rem; margin:1rem 0 .4rem; }
section.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.2rem; margin:0 0 1.2rem; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.35rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#f1f5f9; font-weight:600; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size:.9em; }
pre { background:#0f172a; color:#e2e8f0; padding:.7rem .9rem; border-radius:6px; overflow:auto; white-space:pre-wrap; word-break:break-all; }
label { display:block; font-weight:600; margin:.5rem 0 .2rem; }
input[type=text], input[type=email], input[type=url], select, textarea { font:inherit; padding:.4rem .5rem; border:1px solid #94a3b8; border-radius:5px; width:100%; max-width:46rem; background:#fff; }
textarea { min-height:6rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size:.85rem; }
button, .button { font:inherit; font-weight:600; padding:.4rem .9rem; border-radius:5px; border:1px solid #1e40af; background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary { background:#fff; color:var(--accent); }
button.danger { background:#b91c1c; border-color:#7f1d1d; }
.row { display:flex; gap:1rem; flex-wrap:wrap; align-items:flex-end; }
.row > * { flex:1 1 14rem; }
.muted { color:var(--muted); }
.pass { color:var(--ok); font-weight:700; }
.fail { color:var(--bad); font-weight:700; }
.skip { color:var(--muted); font-weight:700; }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.85em; font-weight:600; background:#e2e8f0; }
.badge.ok { background:#dcfce7; color:#166534; } .badge.bad { background:#fee2e2; color:#991b1b; }
.badge.warn { background:#fef3c7; color:#92400e; } .badge.run { background:#dbeafe; color:#1e40af; }
.notice { border-left:4px solid var(--warn); background:#fffbeb; padding:.5rem .8rem; }
.error-text { color:var(--bad); font-weight:600; }
.error-banner:empty { display:none; }
.error-banner { border-left:4px solid var(--bad); background:#fef2f2; padding:.5rem .8rem; margin-bottom:1rem; }
.grid2 { display:grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap:1.2rem; }
`;

/** Live view layout: diagram beside the switches and the jobs board. */
export const LIVE_CSS = `
.live-top { display:flex; gap:1.2rem; align-items:center; flex-wrap:wrap; margin-bottom:.6rem; }
.live-layout { display:grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 1fr); gap:1rem; }
.side .card { margin-bottom:1rem; }
label.inline { display:inline-flex; gap:.4rem; align-items:center; font-weight:600; margin:.3rem 0; }
.job { border:1px solid var(--line); border-radius:6px; padding:.4rem .6rem; margin:.4rem 0; }
.items { display:flex; flex-wrap:wrap; gap:3px; margin-top:.3rem; }
.item { width:.9rem; height:.9rem; border-radius:3px; background:#cbd5e1; }
.item.ok { background:#16a34a; } .item.warn { background:#f59e0b; } .item.bad { background:#dc2626; } .item.run { background:#93c5fd; }
`;
