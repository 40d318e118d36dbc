"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderHtml = renderHtml;
const catalog_1 = require("../scenarios/catalog");
const topology_1 = require("../topology/topology");
const charts_1 = require("./charts");
/** Failure modes whose story is the load, not the loss. */
const SKEW_CHARTS = new Set(['steady-state', 'nat']);
const differences_1 = require("./differences");
const format_1 = require("./format");
const markdown_1 = require("./markdown");
const style_1 = require("./style");
const timeline_1 = require("./timeline");
/** The measured strategy/store(/balancer) columns, nginx and HAProxy of one cell side by side. */
function columns(rows) {
    const keys = new Set(rows.map(columnKey));
    return topology_1.STORES.flatMap((store) => (0, format_1.strategyOrder)(rows).flatMap((s) => topology_1.BALANCERS.map((b) => `${s} / ${store}${b === 'nginx' ? '' : ` / ${b}`}`))).filter((k) => keys.has(k));
}
const columnKey = (r) => `${r.strategy} / ${r.store}${(0, format_1.balancerOf)(r) === 'nginx' ? '' : ` / ${(0, format_1.balancerOf)(r)}`}`;
/** Which topology drivers measured the rows (process: local processes; compose: Docker Compose). */
function driversNote(rows) {
    const drivers = [...new Set(rows.map((r) => r.driver).filter(Boolean))];
    return drivers.length ? ` · driver ${(0, charts_1.escapeHtml)(drivers.join(', '))}` : '';
}
function gridCell(r) {
    if (!r)
        return '<td class="na">·</td>';
    const note = (0, format_1.rowNote)(r);
    const who = [r.driver && `${r.driver} driver`, (0, format_1.balancerOf)(r) === 'haproxy' && (0, format_1.balancerName)('haproxy')].filter(Boolean).join(', ');
    const title = `${who ? `${who}: ` : ''}carts lost ${(0, format_1.formatPct)(r.carts_lost_pct)}, clients moved ${(0, format_1.formatPct)(r.clients_moved_pct)}, failed ${r.failed_requests}, skew ${(0, format_1.formatSkew)(r.load_skew)}${note ? ` — ${note}` : ''}`;
    return (`<td style="background:${(0, charts_1.lossColour)(r.carts_lost_pct)}" title="${(0, charts_1.escapeHtml)(title)}">` +
        `<b>${(0, format_1.formatPct)(r.carts_lost_pct)}</b><span>moved ${(0, format_1.formatPct)(r.clients_moved_pct)}</span>` +
        `<span>fail ${r.failed_requests} · skew ${(0, format_1.formatSkew)(r.load_skew)}</span></td>`);
}
function grid(rows) {
    const cols = columns(rows);
    const head = cols.map((c) => `<th>${(0, charts_1.escapeHtml)(c).replace(/ \/ /g, '<br>')}</th>`).join('');
    const lines = (0, format_1.groupRows)(rows).flatMap((g) => {
        const variants = [...new Set(g.rows.map((r) => r.variant ?? ''))];
        return variants.map((v) => {
            const name = `${catalog_1.CATALOG.find((s) => s.id === g.id)?.title ?? g.id}${v ? ` <em>(${(0, charts_1.escapeHtml)(v)})</em>` : ''}`;
            const cells = cols.map((c) => gridCell(g.rows.find((r) => columnKey(r) === c && (r.variant ?? '') === v)));
            return `<tr><th class="row"><a href="#${g.id}">${name}</a></th>${cells.join('')}</tr>`;
        });
    });
    return `<table class="grid"><thead><tr><th></th>${head}</tr></thead><tbody>${lines.join('')}</tbody></table>`;
}
function detail(rows) {
    const differences = (0, differences_1.balancerDifferences)(rows);
    return (0, format_1.groupRows)(rows)
        .map((g) => {
        const info = catalog_1.CATALOG.find((s) => s.id === g.id);
        const notes = g.rows
            .filter((r) => (0, format_1.rowNote)(r))
            .map((r) => `<li><b>${(0, charts_1.escapeHtml)(`${r.driver ? `${r.driver} · ` : ''}${(0, format_1.cellLabel)(r)}`)}</b>: ${(0, charts_1.escapeHtml)((0, format_1.rowNote)(r))}</li>`)
            .join('');
        return (`<section class="card" id="${(0, charts_1.escapeHtml)(g.id)}"><h3>${(0, charts_1.escapeHtml)(info?.title ?? g.id)} <code>${(0, charts_1.escapeHtml)(g.id)}</code></h3>` +
            (info ? `<p class="fault">Fault: ${(0, charts_1.escapeHtml)(info.fault)}</p><p>${(0, charts_1.escapeHtml)(info.read)}</p>` : '') +
            `<h4>carts lost · clients moved</h4>` +
            (0, charts_1.lossAndMoveBars)(g.rows) +
            (SKEW_CHARTS.has(g.id) ? `<h4>load skew (1 = even, 3 = all on one replica)</h4>${(0, charts_1.skewBars)(g.rows)}` : '') +
            (notes ? `<ul class="notes">${notes}</ul>` : '') +
            differenceList(differences.filter((d) => d.scenario === g.id)) +
            timelines(g.rows) +
            `</section>`);
    })
        .join('');
}
/** What differed between nginx and HAProxy on this scenario, one sentence each. */
function differenceList(ds) {
    if (!ds.length)
        return '';
    return `<h4>nginx vs HAProxy, measured</h4><ul class="differences">${ds.map((d) => `<li>${(0, charts_1.escapeHtml)(d.sentence)}</li>`).join('')}</ul>`;
}
/**
 * One timeline per measured run, a click away (no script needed); open: the
 * first run that lost carts, where the picture has the most to say.
 */
function timelines(rows) {
    const runs = rows.filter((r) => r.timeline);
    if (!runs.length)
        return '';
    const open = Math.max(0, runs.findIndex((r) => typeof r.carts_lost_pct === 'number' && r.carts_lost_pct > 0));
    const items = runs.map((r, i) => {
        const tl = r.timeline;
        const head = `${(0, format_1.cellLabel)({ ...r, variant: undefined })}: ${tl.clients.length} clients, ${(tl.durationMs / 1000).toFixed(1)} s`;
        return `<details class="tl"${i === open ? ' open' : ''}><summary>${(0, charts_1.escapeHtml)(head)}</summary>${(0, timeline_1.timelineLegend)(tl.replicas)}${(0, timeline_1.timelineSvg)(tl)}</details>`;
    });
    return `<h4>timeline: each client's requests, coloured by the replica that answered</h4>${items.join('')}`;
}
/** One self-contained page: inline CSS and SVG, no scripts, no external requests. */
function renderHtml(rows, meta) {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sticky Sessions Lab — failure-mode matrix</title><style>${style_1.REPORT_CSS}</style></head>
<body><header><h1>Failure-mode matrix</h1>
<p>${(0, charts_1.escapeHtml)(meta.environment)} · generated ${(0, charts_1.escapeHtml)(meta.generatedAt)} in ${(meta.durationMs / 1000).toFixed(0)} s · ${rows.length} measurements${driversNote(rows)}</p></header>
<main>
<section class="how"><h2>How to read it</h2><ul>${markdown_1.HOW_TO_READ.map((l) => `<li>${mdInline(l)}</li>`).join('')}</ul>
<p class="legend">Each cell: carts lost (big number and colour), clients moved, failed requests, load skew. Colour: <span class="sw" style="background:${(0, charts_1.lossColour)(0)}">0 %</span><span class="sw" style="background:${(0, charts_1.lossColour)(33)}">33 %</span><span class="sw" style="background:${(0, charts_1.lossColour)(67)}">67 %</span><span class="sw" style="background:${(0, charts_1.lossColour)(100)}">100 %</span> · bars: <span class="key lost"></span> carts lost <span class="key moved"></span> clients moved <span class="key skew"></span> load skew</p></section>
<section><h2>Failure modes × strategy / store</h2>${grid(rows)}</section>
<h2>Per failure mode</h2><div class="cards">${detail(rows)}</div>
${meta.notMeasured?.length ? `<section class="missing"><h2>Not measured</h2><ul>${meta.notMeasured.map((l) => `<li>${(0, charts_1.escapeHtml)(l)}</li>`).join('')}</ul></section>` : ''}
</main></body></html>
`;
}
/** The few bits of markdown the shared "how to read" lines use. */
function mdInline(text) {
    return (0, charts_1.escapeHtml)(text).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>').replace(/`(.+?)`/g, '<code>$1</code>');
}
//# sourceMappingURL=html.js.map