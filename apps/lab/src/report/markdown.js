"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOW_TO_READ = void 0;
exports.markdownTable = markdownTable;
exports.renderMarkdown = renderMarkdown;
const catalog_1 = require("../scenarios/catalog");
const differences_1 = require("./differences");
const format_1 = require("./format");
exports.HOW_TO_READ = [
    '**carts lost** — share of clients whose final cart misses an item the service had acknowledged (2xx). An add whose outcome is unknown (timeout, 502) is never counted as lost. The final cart is the one read after the last fault: when a client has no such read the check is `unknown`, and so is the cell — never 0 %.',
    '**clients moved** — share of clients whose serving replica changed across the fault (steady state: served by more than one replica).',
    '**failed requests** — requests that did not get a 2xx, including deliberate 503s.',
    '**load skew** — requests on the busiest replica divided by the mean per replica: 1.00 is even, 3.00 with three replicas means everything on one; – when no request was served.',
];
const HEADER = '| driver | balancer | strategy | store | variant | clients | carts lost | clients moved | failed requests | load skew | note |';
const RULE = '|---|---|---|---|---|--:|--:|--:|--:|--:|---|';
/** One markdown table row per matrix row, in the order given. */
function markdownTable(rows) {
    const lines = rows.map((r) => [
        r.driver ?? '',
        (0, format_1.balancerOf)(r),
        r.strategy,
        r.store,
        r.variant ?? '',
        String(r.clients),
        (0, format_1.formatPct)(r.carts_lost_pct),
        (0, format_1.formatPct)(r.clients_moved_pct),
        String(r.failed_requests),
        (0, format_1.formatSkew)(r.load_skew),
        escapeCell((0, format_1.rowNote)(r)),
    ].join(' | '));
    return [HEADER, RULE, ...lines.map((l) => `| ${l} |`)].join('\n');
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function renderMarkdown(rows, meta) {
    const out = [
        '# Failure-mode matrix',
        '',
        `Generated ${meta.generatedAt} in ${(meta.durationMs / 1000).toFixed(0)} s — ${meta.environment}.`,
        '',
        '## How to read it',
        '',
        ...exports.HOW_TO_READ.map((l) => `- ${l}`),
        '',
    ];
    const differences = (0, differences_1.balancerDifferences)(rows);
    for (const group of (0, format_1.groupRows)(rows)) {
        const info = catalog_1.CATALOG.some((s) => s.id === group.id) ? (0, catalog_1.scenarioInfo)(group.id) : undefined;
        out.push(`## ${info?.title ?? group.id} (\`${group.id}\`)`, '');
        if (info)
            out.push(`Fault: ${info.fault}. ${info.read}`, '');
        out.push(markdownTable(group.rows), '');
        const mine = differences.filter((d) => d.scenario === group.id);
        if (mine.length)
            out.push('nginx vs HAProxy, measured:', '', ...mine.map((d) => `- ${d.sentence}`), '');
    }
    if (meta.notMeasured?.length)
        out.push('## Not measured', '', ...meta.notMeasured.map((l) => `- ${l}`), '');
    return out.join('\n');
}
//# sourceMappingURL=markdown.js.map