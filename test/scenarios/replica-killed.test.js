"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function memory(r) {
    expect(r.facts.victimClients.length).toBeGreaterThan(0);
    expect(r.facts.lostClients).toEqual(r.facts.victimClients);
    expect(r.facts.movedClients).toEqual(r.facts.victimClients);
    expect(r.facts.failedAfterKill).toBe(0);
}
function redis(r) {
    expect(r.facts.lostClients).toEqual([]);
    expect(r.facts.failedAfterKill).toBe(0);
}
(0, suite_1.scenarioSuite)('replica-killed', {
    'ip-hash/memory': memory,
    'consistent-hash/memory': memory,
    'sticky-cookie/memory': memory,
    'round-robin/redis': redis,
    // With affinity, only app2's clients are re-pinned, and they keep their carts.
    'sticky-cookie/redis': (r) => {
        redis(r);
        expect(r.facts.movedClients).toEqual(r.facts.victimClients);
    },
});
//# sourceMappingURL=replica-killed.test.js.map