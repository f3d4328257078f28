// Styles of a flow drawing (lane heads, lifelines, arrows, evidence popup), shared by the live view and the report.

export const FLOW_CSS = `
.lanes, .rows { display:grid; grid-template-columns: repeat(var(--lanes), minmax(0, 1fr)); }
.lanes { position:sticky; top:0; z-index:2; background:#fff; padding:0 0 .4rem 6.4rem; border-bottom:1px solid #e5e7eb; }
.lane-head { margin:0 .2rem; overflow-wrap:anywhere; border:3px solid; border-radius:6px; text-align:center; font-weight:700; padding:.35rem .2rem; font-size:1.02rem; background:#fff; }
.rows { display:block; position:relative; overflow-y:auto; height:calc(100vh - 15rem); min-height:20rem; padding-left:6.4rem;
  background-origin:content-box; background-clip:content-box;
  background-image: repeating-linear-gradient(to right, transparent 0 calc(50% / var(--lanes) - 1px),
    #cbd5e1 calc(50% / var(--lanes) - 1px) calc(50% / var(--lanes) + 1px),
    transparent calc(50% / var(--lanes) + 1px) calc(100% / var(--lanes)));
  background-attachment: local; }
.flow-row { position:relative; height:2.3rem; cursor:pointer; }
.flow-row:hover { background-color:rgba(37,99,235,.06); }
.flow-row .time { position:absolute; left:-6.2rem; top:.75rem; font-size:.75rem; color:#6b7280; font-family:ui-monospace,Menlo,monospace; }
.flow-row .arrow { position:absolute; top:1.45rem; height:0; border-top:3px solid var(--c); }
.flow-row .arrow::after { content:""; position:absolute; top:-8px; right:-2px; border:6px solid transparent; border-left:11px solid var(--c); }
.flow-row .arrow.rev::after { right:auto; left:-2px; border-left:6px solid transparent; border-right:11px solid var(--c); }
.flow-row .label { position:absolute; top:.05rem; background:rgba(255,255,255,.85); padding:0 .2rem; border-radius:3px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; font-size:.95rem; font-weight:600; }
.flow-row .status { display:inline-block; width:.8rem; height:.8rem; border-radius:50%; margin-right:.3rem; vertical-align:-1px; }
.legend { display:inline-flex; flex-wrap:wrap; gap:.3rem .8rem; align-items:center; font-size:.9rem; }
.legend-item { display:inline-flex; align-items:center; gap:.3rem; }
.swatch { width:1.4rem; height:.3rem; display:inline-block; border-radius:2px; }
.dot { width:.8rem; height:.8rem; display:inline-block; border-radius:50%; }
dialog.evidence { width:min(1200px, 95vw); max-height:90vh; border:2px solid #0f172a; border-radius:10px; padding:1rem 1.3rem; }
dialog.evidence::backdrop { background:rgba(15,23,42,.55); }
dialog.evidence pre { max-height:60vh; font-size:.85rem; }
`;
