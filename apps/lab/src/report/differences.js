"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SKEW_TOLERANCE = void 0;
exports.balancerDifferences = balancerDifferences;
// nginx and HAProxy measured on the same scenario × strategy × store: one
// sentence per number that differs. Pure (rows in, sentences out) so the
// report, the docs and the tests agree on what "a difference" is.
const catalog_1 = require("../scenarios/catalog");
const format_1 = require("./format");
/**
 * Skew below this apart reads as the same distribution: one request more or
 * less on the busiest replica of ~200 moves it by a few hundredths.
 */
exports.SKEW_TOLERANCE = 0.1;
const METRICS = [
    // Percentages differ when a reader would see two numbers: rounded as displayed.
    { metric: 'carts lost', value: (r) => r.carts_lost_pct, show: format_1.formatPct, differ: (a, b) => (0, format_1.formatPct)(a) !== (0, format_1.formatPct)(b), check: 'carts' },
    { metric: 'clients moved', value: (r) => r.clients_moved_pct, show: format_1.formatPct, differ: (a, b) => (0, format_1.formatPct)(a) !== (0, format_1.formatPct)(b), check: 'placement' },
    { metric: 'failed requests', value: (r) => r.failed_requests, show: String, differ: (a, b) => a !== b },
    { metric: 'load skew', value: (r) => r.load_skew, show: (v) => (v === 'unknown' ? v : (0, format_1.formatSkew)(v)), differ: (a, b) => Math.abs(a - b) >= exports.SKEW_TOLERANCE },
];
/** Every measured difference between the balancers, in report order; cells measured on one balancer only are skipped. */
function balancerDifferences(rows) {
    return (0, format_1.groupRows)(rows).flatMap((g) => {
        const pairs = new Map();
        for (const r of g.rows) {
            const cell = (0, format_1.cellLabel)({ ...r, balancer: undefined });
            pairs.set(cell, { ...pairs.get(cell), [(0, format_1.balancerOf)(r)]: r });
        }
        return [...pairs].flatMap(([cell, { nginx, haproxy }]) => (nginx && haproxy ? cellDifferences(g.id, cell, nginx, haproxy) : []));
    });
}
function cellDifferences(scenario, cell, nginx, haproxy) {
    const title = catalog_1.CATALOG.find((s) => s.id === scenario)?.title ?? scenario;
    return METRICS.flatMap((m) => {
        const [a, b] = [m.value(nginx), m.value(haproxy)];
        if (a === 'unknown' && b === 'unknown')
            return [];
        if (a !== 'unknown' && b !== 'unknown' && !m.differ(a, b))
            return [];
        const side = (v, row) => `${m.show(v)} behind ${(0, format_1.balancerName)((0, format_1.balancerOf)(row))}${v === 'unknown' ? ` (no evidence: ${why(row, m)})` : ''}`;
        const sentence = `${title}, ${cell}: ${m.metric} ${side(a, nginx)}, ${side(b, haproxy)}.`;
        return [{ scenario, cell, metric: m.metric, nginx: a, haproxy: b, sentence }];
    });
}
function why(row, m) {
    const reason = m.check ? row.checks?.[m.check]?.reason : undefined;
    return reason ?? ((0, format_1.unknownReasons)(row)[0] || 'the check saw nothing');
}
//# sourceMappingURL=differences.js.map