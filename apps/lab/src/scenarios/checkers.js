"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pct = void 0;
exports.requestsPerReplica = requestsPerReplica;
exports.loadSkew = loadSkew;
exports.failedRequests = failedRequests;
exports.maxLatencyMs = maxLatencyMs;
exports.staleReads = staleReads;
exports.replicasServing = replicasServing;
// What the scenarios measure beyond the lab client's checkers (ackedItemsLost,
// clientsStayed): the flicker checker (staleReads) and plain queries for
// load, failures and latency.
const checkers_1 = require("../client/checkers");
const history_1 = require("../client/history");
const verdict_1 = require("../client/verdict");
/** Successful requests per replica, every named replica present (0 when it served nothing). */
function requestsPerReplica(history, replicas) {
    const counts = new Map(replicas.map((r) => [r, 0]));
    for (const e of (0, history_1.entriesOf)(history))
        if (e.outcome === 'ok' && e.servedBy)
            counts.set(e.servedBy, (counts.get(e.servedBy) ?? 0) + 1);
    return counts;
}
/** Busiest replica's requests / mean per replica: 1 is even, N is all on one of N. */
function loadSkew(history, replicas) {
    const counts = [...requestsPerReplica(history, replicas).values()];
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0)
        return 0;
    return Math.max(...counts) / (total / counts.length);
}
/** Requests that did not get a 2xx (failed for sure, or outcome unknown). */
function failedRequests(history) {
    return (0, history_1.entriesOf)(history).filter((e) => e.outcome !== 'ok');
}
function maxLatencyMs(history) {
    return Math.round((0, history_1.entriesOf)(history).reduce((m, e) => Math.max(m, e.endedAt - e.startedAt), 0));
}
/**
 * Property: no successful cart read misses an item an earlier 2xx add of the
 * same client acknowledged (the "flicker" of a cart without affinity).
 * false: some read was stale; unknown: no cart read succeeded at all.
 * Adds with an unknown outcome are neither expected nor held against the read.
 */
function staleReads(history) {
    const acked = new Map();
    const clients = new Set();
    let stale = 0;
    let reads = 0;
    for (const e of (0, history_1.entriesOf)(history)) {
        const mine = acked.get(e.client) ?? new checkers_1.AckedCart();
        acked.set(e.client, mine);
        if (e.op === 'getCart' && e.outcome === 'ok' && e.cart) {
            reads++;
            if (mine.missing(e.cart).length) {
                stale++;
                clients.add(e.client);
            }
        }
        else
            mine.apply(e);
    }
    const valid = reads === 0 ? 'unknown' : stale === 0;
    const reason = reads === 0 ? 'no cart read succeeded' : stale ? `${stale} of ${reads} cart reads missed an acknowledged item (${(0, verdict_1.nameList)([...clients])})` : `none of ${reads} cart reads was stale`;
    return { valid, reason, stale, reads, clients: [...clients] };
}
/** Replicas that served a given path (any client), e.g. every `GET /cart`. */
function replicasServing(history, method, path) {
    const e = (0, history_1.entriesOf)(history);
    return [...new Set(e.filter((x) => x.method === method && x.path === path && x.servedBy).map((x) => x.servedBy))];
}
const pct = (part, whole) => (whole === 0 ? 0 : (100 * part) / whole);
exports.pct = pct;
//# sourceMappingURL=checkers.js.map