"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function graceful(r) {
    expect(r.facts.requestsDuringStop).toBeGreaterThan(30);
    // The burst app2's clients sent as SIGTERM went out: every request answered,
    // by app2 finishing it or by another replica nginx retried on.
    expect(r.facts.burstServedBy).toHaveLength(r.facts.victimClients.length);
    expect(r.facts.burstServedBy.filter((s) => s.startsWith('failed'))).toEqual([]);
    expect(r.facts.failedDuringStop).toEqual([]);
    expect(r.facts.victimClients.length).toBeGreaterThan(0);
    expect(r.facts.movedClients).toEqual(r.facts.victimClients);
}
(0, suite_1.scenarioSuite)('replica-stopped', {
    'ip-hash/memory': (r) => {
        graceful(r);
        expect(r.facts.lostClients).toEqual(r.facts.victimClients);
    },
    'sticky-cookie/memory': (r) => {
        graceful(r);
        expect(r.facts.lostClients).toEqual(r.facts.victimClients);
    },
    'ip-hash/redis': (r) => {
        graceful(r);
        expect(r.facts.lostClients).toEqual([]);
    },
});
//# sourceMappingURL=replica-stopped.test.js.map