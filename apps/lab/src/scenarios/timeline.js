"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timelineOf = timelineOf;
// A run's history as a compact timeline: per client, spans of consecutive
// requests answered by one replica with one outcome; the faults as
// instants. Data only (the report draws it); times are ms from the start.
const checkers_1 = require("../client/checkers");
const history_1 = require("../client/history");
function timelineOf(history, opts = {}) {
    const requests = (0, history_1.entriesOf)(history);
    const faults = (0, history_1.faultsOf)(history);
    const t0 = Math.min(...requests.map((e) => e.startedAt), ...faults.map((f) => f.startedAt));
    if (!Number.isFinite(t0))
        return { t0: 0, durationMs: 0, replicas: [...(opts.replicas ?? [])], clients: [], faults: [] };
    const rel = (t) => Math.round(t - t0);
    const replicas = [...(opts.replicas ?? [])];
    const replicaIndex = (name) => {
        if (!name)
            return -1;
        if (!replicas.includes(name))
            replicas.push(name);
        return replicas.indexOf(name);
    };
    const rows = new Map();
    for (const e of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
        const row = rows.get(e.client) ?? { acked: new checkers_1.AckedCart(), spans: [] };
        rows.set(e.client, row);
        const mark = markOf(e, row.acked);
        row.acked.apply(e);
        append(row.spans, [rel(e.startedAt), rel(e.endedAt), replicaIndex(e.servedBy), mark, 1]);
    }
    const end = Math.max(...requests.map((e) => e.endedAt), ...faults.map((f) => f.endedAt));
    return {
        t0: Math.round(t0),
        durationMs: rel(end),
        replicas,
        clients: [...rows].map(([name, r]) => [name, r.spans]).sort(byFirstReplica),
        faults: faults.map((f) => [rel(f.startedAt), rel(f.endedAt), f.fault, f.target, f.outcome]),
    };
}
/** Clients that started on one replica sit together, so a fault on it reads as one block. */
function byFirstReplica([a, as], [b, bs]) {
    const first = (spans) => spans.find((s) => s[2] >= 0)?.[2] ?? Infinity;
    return first(as) - first(bs) || a.localeCompare(b);
}
function markOf(e, acked) {
    if (e.outcome !== 'ok')
        return e.outcome;
    return e.cart && acked.missing(e.cart).length ? 'stale' : 'ok';
}
/** Merges a request into the previous span when the replica and the mark are the same. */
function append(spans, s) {
    const prev = spans.at(-1);
    if (prev && prev[2] === s[2] && prev[3] === s[3]) {
        prev[1] = Math.max(prev[1], s[1]);
        prev[4] += 1;
    }
    else
        spans.push(s);
}
//# sourceMappingURL=timeline.js.map