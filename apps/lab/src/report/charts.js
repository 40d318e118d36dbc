"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNKNOWN_COLOUR = void 0;
exports.escapeHtml = escapeHtml;
exports.lossColour = lossColour;
exports.lossAndMoveBars = lossAndMoveBars;
exports.skewBars = skewBars;
const format_1 = require("./format");
// Inline SVG only: the report is one file that opens from disk, offline.
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
/** Green at 0 %, through amber, to red at 100 %: the colour of a cart-loss cell; grey when unknown. */
function lossColour(pct) {
    if (pct === 'unknown')
        return exports.UNKNOWN_COLOUR;
    const p = Math.max(0, Math.min(100, pct));
    return `hsl(${Math.round(130 - 1.3 * p)}, 65%, ${p === 0 ? 88 : 84}%)`;
}
exports.UNKNOWN_COLOUR = '#d9dce3';
const LABEL_W = 280;
const BAR_W = 300;
const ROW_H = 36;
const BAR_H = 12;
/**
 * Two bars per row: carts lost (red) and clients moved (blue), both 0–100 %.
 * Readable at a glance; exact numbers are printed at the end of each bar.
 */
function lossAndMoveBars(rows) {
    const width = LABEL_W + BAR_W + 70;
    const height = rows.length * ROW_H + 26;
    const body = rows.map((r, i) => barRow(r, 22 + i * ROW_H)).join('');
    const axis = [0, 50, 100]
        .map((t) => {
        const x = LABEL_W + (BAR_W * t) / 100;
        return `<line x1="${x}" y1="14" x2="${x}" y2="${height}" class="grid"/><text x="${x}" y="10" class="tick">${t} %</text>`;
    })
        .join('');
    return `<svg class="bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="carts lost and clients moved">${axis}${body}</svg>`;
}
/** Load skew per row on a 1…N scale (N = replicas): how unevenly the requests landed. */
function skewBars(rows, replicas = 3) {
    const width = LABEL_W + BAR_W + 70;
    const rowH = 22;
    const height = rows.length * rowH + 26;
    const x = (v) => LABEL_W + (BAR_W * Math.max(0, Math.min(replicas, v))) / replicas;
    const axis = Array.from({ length: replicas + 1 }, (_, t) => `<line x1="${x(t)}" y1="14" x2="${x(t)}" y2="${height}" class="grid"/><text x="${x(t)}" y="10" class="tick">${t === 0 ? '0' : `${t}.0`}</text>`).join('');
    const body = rows
        .map((r, i) => {
        const y = 22 + i * rowH;
        const w = x(r.load_skew) - LABEL_W;
        return (`<text x="${LABEL_W - 10}" y="${y + BAR_H - 1}" class="label">${escapeHtml((0, format_1.cellLabel)(r))}</text>` +
            `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" rx="2" class="skew"/>` +
            `<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + BAR_H - 2}" class="val">${(0, format_1.formatSkew)(r.load_skew)}</text>`);
    })
        .join('');
    return `<svg class="bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="load skew">${axis}${body}</svg>`;
}
function barRow(r, y) {
    const bar = (value, dy, cls) => {
        const pct = value === 'unknown' ? 0 : value;
        const w = Math.max((BAR_W * Math.min(100, pct)) / 100, pct > 0 ? 2 : 0);
        const x = LABEL_W + w + 6;
        return (`<rect x="${LABEL_W}" y="${y + dy}" width="${w.toFixed(1)}" height="${BAR_H}" rx="2" class="${cls}"/>` +
            `<text x="${x.toFixed(1)}" y="${y + dy + BAR_H - 2}" class="val">${(0, format_1.formatPct)(value)}</text>`);
    };
    return (`<text x="${LABEL_W - 10}" y="${y + BAR_H + 3}" class="label">${escapeHtml((0, format_1.cellLabel)(r))}</text>` +
        bar(r.carts_lost_pct, 0, 'lost') +
        bar(r.clients_moved_pct, BAR_H + 2, 'moved'));
}
//# sourceMappingURL=charts.js.map