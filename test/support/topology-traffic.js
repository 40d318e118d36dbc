"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.many = many;
exports.distribution = distribution;
exports.replicasOf = replicasOf;
exports.users = users;
exports.closeAll = closeAll;
// Traffic helpers in the spirit of nginx-tests' `many()`: one line asserts a
// whole distribution.
const client_1 = require("../../apps/lab/src/client");
/** `n` sequential calls of `op` (default GET /cart); the replies in order. */
async function many(client, n, op) {
    const call = op ?? ((c) => c.getCart());
    const out = [];
    for (let i = 0; i < n; i++)
        out.push(await call(client));
    return out;
}
/** `{ app1: 3, app2: 3, … }` over the replies that named a replica. */
function distribution(replies) {
    const out = {};
    for (const r of replies)
        if (r.servedBy)
            out[r.servedBy] = (out[r.servedBy] ?? 0) + 1;
    return Object.fromEntries(Object.entries(out).sort());
}
/** Distinct replicas that answered, sorted. */
function replicasOf(replies) {
    return Object.keys(distribution(replies));
}
/** Clients `u1…un` from distinct /24s (distinct users for ip_hash). */
function users(baseUrl, n, extra = {}) {
    const first = extra.first ?? 0;
    return Array.from({ length: n }, (_, i) => new client_1.LabClient({ name: `u${first + i + 1}`, baseUrl, sourceAddress: (0, client_1.userAddress)(first + i), timeoutMs: extra.timeoutMs }));
}
function closeAll(clients) {
    for (const c of clients)
        c.close();
}
//# sourceMappingURL=topology-traffic.js.map