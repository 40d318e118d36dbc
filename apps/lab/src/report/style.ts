// Inline stylesheet of the HTML report (kept apart so html.ts reads as structure).
import { TIMELINE_CSS } from './timeline-svg';

export const REPORT_CSS = `
:root{--ink:#1d2330;--muted:#5b6475;--line:#dde2ea;--lost:#d64545;--moved:#3b7dd8;--bg:#f6f7fb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
header{background:#1d2330;color:#fff;padding:22px 32px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#b8c0d0}
main{padding:8px 32px 40px;max-width:1500px}
h2{font-size:18px;margin:26px 0 10px}
h3{margin:0 0 6px;font-size:16px}
h3 code{font-size:12px;color:var(--muted);font-weight:normal;margin-left:6px}
.how ul{margin:0;padding-left:20px}
.legend{color:var(--muted)}
.sw{display:inline-block;padding:1px 8px;margin:0 3px;border-radius:3px;color:var(--ink)}
.key{display:inline-block;width:14px;height:10px;border-radius:2px;margin:0 4px 0 10px}
.key.lost{background:var(--lost)}.key.moved{background:var(--moved)}.key.skew{background:#8a63d2}
table.grid{border-collapse:separate;border-spacing:3px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px}
table.grid th{font-size:12px;font-weight:600;color:var(--muted);padding:4px 6px;text-align:center;vertical-align:bottom}
table.grid th.row{text-align:right;vertical-align:middle;white-space:nowrap;color:var(--ink)}
table.grid th.row a{color:inherit;text-decoration:none}
table.grid em{color:var(--muted);font-style:normal;font-weight:normal}
table.grid td{min-width:96px;padding:5px 7px;border-radius:5px;text-align:center;font-size:11px;color:#333}
table.grid td b{display:block;font-size:15px;color:var(--ink)}
table.grid td span{display:block;white-space:nowrap}
table.grid td.na{background:#f0f2f6;color:#b0b6c2}
.cards{display:grid;grid-template-columns:minmax(0,1fr);gap:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.card p{margin:0 0 8px;color:var(--muted)}
.card p.fault{color:var(--ink)}
.notes{margin:6px 0 0;padding-left:18px;color:var(--muted);font-size:12px}
svg.bars .label{font-size:12px;text-anchor:end;fill:var(--ink)}
svg.bars .val{font-size:11px;fill:var(--muted)}
svg.bars .tick{font-size:10px;text-anchor:middle;fill:#99a}
svg.bars .grid{stroke:var(--line)}
svg.bars rect.lost{fill:var(--lost)}
svg.bars rect.moved{fill:var(--moved)}
svg.bars rect.skew{fill:#8a63d2}
.card h4{margin:10px 0 2px;font-size:12px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
table.trust{border-collapse:collapse;font-size:12px;margin:4px 0}
table.trust th,table.trust td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.trust th{color:var(--muted);font-weight:600}
.missing{color:#a33}
details.tl{margin:4px 0;overflow-x:auto}
details.tl summary{cursor:pointer;font-size:12px;color:var(--muted)}
${TIMELINE_CSS}
.claims table{border-collapse:collapse;background:#fff;border:1px solid var(--line);font-size:13px}
.claims th,.claims td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.claims td.true{background:#e3f4e1}.claims td.false{background:#fbe3e0}.claims td.true-with-conditions{background:#fdf3d6}.claims td.unknown{color:var(--muted)}
`;
