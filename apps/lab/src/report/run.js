"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.selectScenarios = selectScenarios;
exports.runMatrix = runMatrix;
// Runs the scenarios one after another (a 2-core machine gains nothing from
// overlapping topologies) and collects their matrix rows.
const scenarios_1 = require("../scenarios");
const format_1 = require("./format");
const progress_1 = require("./progress");
/** Scenarios by id, in registry order; unknown ids are an error naming the known ones. */
function selectScenarios(only) {
    if (!only?.length)
        return [...scenarios_1.SCENARIOS];
    const unknown = only.filter((id) => !scenarios_1.SCENARIOS.some((s) => s.id === id));
    if (unknown.length)
        throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${scenarios_1.SCENARIOS.map((s) => s.id).join(', ')}`);
    return scenarios_1.SCENARIOS.filter((s) => only.includes(s.id));
}
async function runMatrix(scenarios, sink) {
    const started = Date.now();
    const jobs = scenarios.flatMap((s) => s.params.map((params) => ({ s, params })));
    const progress = new progress_1.Progress(sink);
    const rows = [];
    const failures = [];
    // Each teardown (≈ 1–2 s, mostly waiting) overlaps the next boot.
    const teardowns = [];
    const options = { deferTeardown: (down) => void teardowns.push(down) };
    for (const [i, { s, params }] of jobs.entries()) {
        const job = { index: i + 1, total: jobs.length, label: `${s.id.padEnd(18)} ${params.strategy} / ${params.store}${params.redisPersistence ? ` / ${params.redisPersistence}` : ''}`.padEnd(52) };
        progress.start(job);
        try {
            const result = await s.run(params, options);
            rows.push(...result.rows);
            progress.finish(job, true, result.rows.map(summary).join('   '));
        }
        catch (err) {
            const error = err.message.split('\n')[0];
            failures.push({ scenario: s.id, params, error });
            progress.finish(job, false, error);
        }
    }
    for (const t of await Promise.allSettled(teardowns)) {
        if (t.status === 'rejected')
            sink.write(`teardown failed: ${t.reason?.message ?? t.reason}\n`);
    }
    return { rows, failures, durationMs: Date.now() - started };
}
function summary(r) {
    const v = r.variant ? `${r.variant}: ` : '';
    return `${v}lost ${(0, format_1.formatPct)(r.carts_lost_pct)}, moved ${(0, format_1.formatPct)(r.clients_moved_pct)}, failed ${r.failed_requests}, skew ${(0, format_1.formatSkew)(r.load_skew)}`;
}
//# sourceMappingURL=run.js.map