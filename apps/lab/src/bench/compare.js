"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompareInputError = void 0;
exports.loadReport = loadReport;
exports.compareReports = compareReports;
exports.renderComparison = renderComparison;
// `--compare EARLIER.json`: every figure of this run (or of `--against`)
// beside the same figure of an earlier run, so a regression is one command away.
const node_fs_1 = require("node:fs");
const model_1 = require("./model");
const load_1 = require("./load");
const report_1 = require("./report");
/** A report that cannot be compared: a missing file, not JSON, another schema version. */
class CompareInputError extends Error {
}
exports.CompareInputError = CompareInputError;
const MAX_REPORT_BYTES = 64 * 2 ** 20;
function loadReport(file) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new CompareInputError(`cannot read ${file}: ${err.code ?? err.message}`);
    }
    if (text.length > MAX_REPORT_BYTES)
        throw new CompareInputError(`${file} is larger than a bench report can be`);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new CompareInputError(`${file} is not JSON: ${err.message}`);
    }
    const version = data?.schema_version;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new CompareInputError(`${file} is not a bench report (not a JSON object)`);
    if (version !== model_1.SCHEMA_VERSION) {
        throw new CompareInputError(`${file} is a bench report of schema version ${JSON.stringify(version ?? 'none (before v2)')}; this bench reads version ${model_1.SCHEMA_VERSION} only`);
    }
    if (!Array.isArray(data.cases) || !Array.isArray(data.targets)) {
        throw new CompareInputError(`${file} has no cases or targets array`);
    }
    return data;
}
const CASE_FIGURES = [
    ['server CPU µs/req', (c) => c.load.server_cpu_us_per_req],
    ['req/s', (c) => c.load.rps],
    ['p50 ms', (c) => c.load.p50],
    ['p99 ms', (c) => c.load.p99],
    ['errors', (c) => c.load.errors],
    ['generator CPU µs/req', (c) => c.load.generator_cpu_us_per_req],
    ['generator busy', (c) => c.load.generator_busy],
    ['skew', (c) => c.load.skew],
    ['cart kept', (c) => c.cart_kept],
];
function change(subject, figure, before, after) {
    const b = typeof before === 'number' && Number.isFinite(before) ? before : null;
    const a = typeof after === 'number' && Number.isFinite(after) ? after : null;
    return { subject, figure, before: b, after: a, change: a !== null && b !== null && b !== 0 ? (0, load_1.round)((a - b) / b, 3) : null };
}
/** Every figure of both reports, case by case, then boots, session memory and targets. */
function compareReports(before, after) {
    const out = [];
    const ids = [...new Set([...after.cases.map((c) => c.id), ...before.cases.map((c) => c.id)])];
    for (const id of ids) {
        const b = before.cases.find((c) => c.id === id);
        const a = after.cases.find((c) => c.id === id);
        for (const [name, get] of CASE_FIGURES) {
            const row = change(id, name, b && get(b), a && get(a));
            if (row.before !== null || row.after !== null)
                out.push(row);
        }
    }
    for (const store of ['memory', 'redis']) {
        const get = (r) => r.boot?.find((x) => x.store === store)?.median_ms;
        const row = change(`boot.${store}`, 'median ms', get(before), get(after));
        if (row.before !== null || row.after !== null)
            out.push(row);
    }
    const counts = [...new Set([...(after.memory ?? []), ...(before.memory ?? [])].map((m) => m.sessions))];
    for (const n of counts) {
        const get = (r) => r.memory?.find((m) => m.sessions === n)?.bytes_per_session;
        out.push(change(`memory.${n}`, 'B/session', get(before), get(after)));
    }
    const names = [...new Set([...after.targets.map((t) => t.name), ...before.targets.map((t) => t.name)])];
    for (const name of names) {
        out.push(change(`target: ${name}`, 'value', before.targets.find((t) => t.name === name)?.value, after.targets.find((t) => t.name === name)?.value));
    }
    return out;
}
function pct(x) {
    if (x === null)
        return '';
    return `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
}
function renderComparison(beforeName, afterName, changes) {
    const cell = (x) => (x === null ? '–' : String(x));
    return [
        `Changes from ${beforeName} to ${afterName} (server CPU per request is the figure to trust on a shared machine):`,
        '',
        (0, report_1.table)(['case / target', 'figure', 'before', 'after', 'change'], changes.map((c) => [c.subject, c.figure, cell(c.before), cell(c.after), pct(c.change)])),
    ].join('\n');
}
//# sourceMappingURL=compare.js.map