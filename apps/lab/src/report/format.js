"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatPct = formatPct;
exports.formatSkew = formatSkew;
exports.balancerOf = balancerOf;
exports.balancerName = balancerName;
exports.cellLabel = cellLabel;
exports.strategyOrder = strategyOrder;
exports.groupRows = groupRows;
exports.unknownReasons = unknownReasons;
exports.rowNote = rowNote;
const catalog_1 = require("../scenarios/catalog");
const topology_1 = require("../topology/topology");
/**
 * `33.3` → `33 %`; below 1 but above 0 keeps one decimal so "almost none" is
 * not shown as 0; a measurement without evidence stays `unknown`.
 */
function formatPct(value) {
    if (value === 'unknown')
        return 'unknown';
    if (!Number.isFinite(value))
        return '–';
    if (value > 0 && value < 1)
        return `${value.toFixed(1)} %`;
    return `${Math.round(value)} %`;
}
/** Skew is ≥ 1 whenever a request was served; 0 means none was (e.g. Redis paused). */
function formatSkew(value) {
    return Number.isFinite(value) && value > 0 ? value.toFixed(2) : '–';
}
/** Rows written before the balancer was recorded were measured behind nginx. */
function balancerOf(row) {
    return row.balancer ?? 'nginx';
}
/** How a person names the engine in a sentence. */
function balancerName(b) {
    return b === 'haproxy' ? 'HAProxy' : 'nginx';
}
/** `sticky-cookie / memory (down)`; HAProxy rows say so (nginx, the default, stays implicit). */
function cellLabel(row) {
    const engine = balancerOf(row) === 'nginx' ? '' : `${balancerName(balancerOf(row))} · `;
    return `${engine}${row.strategy} / ${row.store}${row.variant ? ` (${row.variant})` : ''}`;
}
/** Strategies in declared order, then any the declared list does not know (HAProxy-only ones), by name. */
function strategyOrder(rows) {
    const declared = topology_1.STRATEGIES;
    const extra = [...new Set(rows.map((r) => r.strategy))].filter((s) => !declared.includes(s)).sort();
    return [...declared, ...extra];
}
/** Rows grouped by scenario in catalog order, each group sorted by strategy, store, variant. */
function groupRows(rows) {
    const order = (id) => {
        const i = catalog_1.CATALOG.findIndex((s) => s.id === id);
        return i < 0 ? catalog_1.CATALOG.length : i;
    };
    const ids = [...new Set(rows.map((r) => r.scenario))].sort((a, b) => order(a) - order(b));
    return ids.map((id) => ({ id, rows: rows.filter((r) => r.scenario === id).sort(compareCells) }));
}
/** Strategy, store, variant, then nginx before HAProxy, so the two measurements of one cell sit side by side. */
function compareCells(a, b) {
    const order = strategyOrder([a, b]);
    return (order.indexOf(a.strategy) - order.indexOf(b.strategy) ||
        topology_1.STORES.indexOf(a.store) - topology_1.STORES.indexOf(b.store) ||
        (a.variant ?? '').localeCompare(b.variant ?? '') ||
        topology_1.BALANCERS.indexOf(balancerOf(a)) - topology_1.BALANCERS.indexOf(balancerOf(b)));
}
/** Why a row's checks said `unknown`, for the reader next to the numbers. */
function unknownReasons(row) {
    return Object.entries(row.checks ?? {})
        .filter(([, v]) => v?.valid === 'unknown')
        .map(([name, v]) => `${name} unknown: ${v.reason}`);
}
/** The note a reader sees: the scenario's own, then any unknown verdict's reason. */
function rowNote(row) {
    return [row.note, ...unknownReasons(row)].filter(Boolean).join('; ');
}
//# sourceMappingURL=format.js.map