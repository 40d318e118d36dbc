"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runInterleaved = runInterleaved;
exports.runLoad = runLoad;
exports.spread = spread;
exports.cartKept = cartKept;
exports.percentile = percentile;
exports.round = round;
const cpu_1 = require("./cpu");
const emptyTotals = (users) => ({
    latencies: [],
    completed: 0,
    errors: {},
    wallS: 0,
    serverCpuMs: 0,
    generatorCpuUs: 0,
    generatorWaitUs: 0,
    generatorWallS: 0,
    tallies: Array.from({ length: users }, () => ({ reads: 0, kept: 0 })),
});
/**
 * Measures several cases that are to be compared: each is warmed up, then
 * they take turns in short slices, so a burst of unrelated load on a shared
 * machine hits all of them alike instead of skewing one.
 */
async function runInterleaved(gen, specs, t) {
    const users = specs.map((s) => s.users.map((u) => ({ ...u })));
    const totals = specs.map((s) => emptyTotals(s.users.length));
    if (t.warmupS > 0) {
        for (const [i, spec] of specs.entries())
            users[i] = (await runSlice(gen, spec, users[i], t.warmupS, undefined)).users;
    }
    const before = await Promise.all(specs.map((s) => s.replicaCounts?.()));
    const slice = t.durationS / t.rounds;
    for (let round = 0; round < t.rounds; round++) {
        for (const [i, spec] of specs.entries())
            users[i] = (await runSlice(gen, spec, users[i], slice, totals[i])).users;
    }
    const after = await Promise.all(specs.map((s) => s.replicaCounts?.()));
    return totals.map((tot, i) => ({
        ...summarize(tot, users[i].length, gen.processes),
        ...spread(before[i], after[i]),
        ...(specs[i].inspectCart ? { cart: cartKept(tot.tallies) } : {}),
    }));
}
async function runLoad(gen, spec, t) {
    const [result] = await runInterleaved(gen, [spec], t);
    return result;
}
/** `totals` undefined: a warm-up, nothing recorded. */
async function runSlice(gen, spec, users, durationS, totals) {
    const cpu0 = (0, cpu_1.serverCpuMs)(spec.cpuPids);
    const started = process.hrtime.bigint();
    const r = await gen.run({ url: spec.url, steps: spec.steps, users, durationS, inspectCart: !!spec.inspectCart });
    if (!totals)
        return r;
    totals.wallS += Number(process.hrtime.bigint() - started) / 1e9;
    totals.serverCpuMs += (0, cpu_1.serverCpuMs)(spec.cpuPids) - cpu0;
    totals.latencies.push(r.latenciesMs);
    totals.completed += r.completed;
    for (const [k, v] of Object.entries(r.errors))
        totals.errors[k] = (totals.errors[k] ?? 0) + v;
    totals.generatorCpuUs += r.cpuUs;
    totals.generatorWaitUs = totals.generatorWaitUs === null || r.waitUs === null ? null : totals.generatorWaitUs + r.waitUs;
    totals.generatorWallS += r.wallS;
    r.tallies.forEach((t, j) => {
        totals.tallies[j].reads += t.reads;
        totals.tallies[j].kept += t.kept;
    });
    return r;
}
function summarize(t, users, generatorProcesses) {
    const sorted = concat(t.latencies).sort();
    const perReq = (us) => (t.completed ? round(us / t.completed, 0) : 0);
    return {
        rps: t.wallS ? round(t.completed / t.wallS, 0) : 0,
        p50: round(percentile(sorted, 0.5), 2),
        p99: round(percentile(sorted, 0.99), 2),
        errors: Object.values(t.errors).reduce((a, b) => a + b, 0),
        error_kinds: t.errors,
        requests: t.completed,
        durationS: round(t.wallS, 2),
        users,
        server_cpu_us_per_req: perReq(t.serverCpuMs * 1000),
        generator_cpu_us_per_req: perReq(t.generatorCpuUs),
        generator_busy: t.generatorWallS ? round(t.generatorCpuUs / 1e6 / (t.generatorWallS * generatorProcesses), 2) : 0,
        generator_cpu_wait: t.generatorWallS && t.generatorWaitUs !== null ? round(t.generatorWaitUs / 1e6 / (t.generatorWallS * generatorProcesses), 2) : null,
    };
}
function concat(parts) {
    const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}
/** Per-replica requests between two counter readings, and the skew they show. */
function spread(before, after) {
    if (!before || !after)
        return {};
    const counts = Object.fromEntries(Object.keys(after).map((k) => [k, Math.max(0, after[k] - (before[k] ?? 0))]));
    const values = Object.values(counts);
    const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
    return { replica_requests: counts, ...(mean > 0 ? { skew: round(Math.max(...values) / mean, 2) } : {}) };
}
function cartKept(tallies) {
    const perUser = tallies.map((t) => (t.reads ? round(t.kept / t.reads, 3) : null));
    const read = perUser.filter((x) => x !== null);
    return {
        per_user: perUser,
        mean: read.length ? round(read.reduce((a, b) => a + b, 0) / read.length, 3) : null,
        users_always_kept: read.length ? round(read.filter((x) => x === 1).length / read.length, 3) : null,
    };
}
function percentile(sorted, q) {
    if (sorted.length === 0)
        return 0;
    const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[idx];
}
function round(x, digits) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
//# sourceMappingURL=load.js.map