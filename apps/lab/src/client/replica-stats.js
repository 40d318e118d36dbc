"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchStats = fetchStats;
exports.withStats = withStats;
const http_1 = require("../util/http");
// A paused replica accepts the connection and never answers: keep callers snappy.
const TIMEOUT_MS = 1_000;
/** Stats of a running replica, or null when it does not answer in time or not with stats. */
async function fetchStats(replica, timeoutMs = TIMEOUT_MS) {
    if (replica.state !== 'running')
        return null; // a paused one would only time out
    const { status, body } = await (0, http_1.httpJson)(`${replica.url.replace(/\/+$/, '')}/stats`, timeoutMs);
    const stats = (body ?? {});
    if (status !== 200 || typeof stats.requests_served !== 'number')
        return null;
    return {
        sessions: typeof stats.sessions === 'number' ? stats.sessions : null,
        requests_served: stats.requests_served,
        rss_bytes: stats.rss_bytes ?? 0,
        uptime_s: stats.uptime_s ?? 0,
    };
}
/** The replicas with `stats` added (null when the replica cannot say). */
async function withStats(replicas) {
    return Promise.all(replicas.map(async (r) => ({ ...r, stats: await fetchStats(r) })));
}
//# sourceMappingURL=replica-stats.js.map