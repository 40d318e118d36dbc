"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// 6 clients, each: one add (creates and pins the session), then 8 parallel
// adds of the same SKU through nginx. express-session saves the whole
// session after each request, so a naive cart loses updates (last writer
// wins); the cart must be mutated atomically. Expected: final quantity =
// acknowledged adds (8), plus at most the adds whose outcome is unknown;
// no acknowledged item lost. With Redis and round-robin the burst is spread
// over three replicas at once — the hardest case for atomicity.
const concurrent_writes_1 = require("../../apps/lab/src/scenarios/concurrent-writes");
const suite_1 = require("./suite");
function nothingLost(r) {
    expect(r.facts.lostClients).toEqual([]);
    for (const t of r.facts.tallies) {
        expect({ client: t.client, ok: t.ok + t.unknown }).toEqual({ client: t.client, ok: concurrent_writes_1.PARALLEL_ADDS });
        expect(t.finalQty).toBeGreaterThanOrEqual(t.ok);
        expect(t.finalQty).toBeLessThanOrEqual(t.ok + t.unknown);
    }
    // On an idle loopback no add should even be uncertain.
    expect(r.facts.tallies.map((t) => t.finalQty)).toEqual(Array(r.facts.tallies.length).fill(concurrent_writes_1.PARALLEL_ADDS));
}
(0, suite_1.scenarioSuite)('concurrent-writes', {
    'ip-hash/memory': nothingLost,
    'consistent-hash/memory': nothingLost,
    'sticky-cookie/memory': nothingLost,
    'round-robin/redis': nothingLost,
    'ip-hash/redis': nothingLost,
    'consistent-hash/redis': nothingLost,
    'sticky-cookie/redis': nothingLost,
    'url-hash/redis': nothingLost,
});
//# sourceMappingURL=concurrent-writes.test.js.map