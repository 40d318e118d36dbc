"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
const movedPct = (r) => r.rows[0].clients_moved_pct;
(0, suite_1.scenarioSuite)('scale-out', {
    'ip-hash/memory': (r) => {
        expect(movedPct(r)).toBeGreaterThan(50);
        expect(r.facts.lostClients).toEqual(r.facts.movedClients);
    },
    'consistent-hash/memory': (r) => {
        expect(r.facts.movedClients.length).toBeGreaterThanOrEqual(1);
        expect(movedPct(r)).toBeLessThanOrEqual(50);
        expect(r.facts.lostClients).toEqual(r.facts.movedClients);
        // Consistent hashing only ever moves keys TO the new server.
        expect(r.facts.spreadAfter).toContain(r.facts.added);
    },
    'sticky-cookie/memory': (r) => {
        expect(r.facts.movedClients).toEqual([]);
        expect(r.facts.lostClients).toEqual([]);
    },
    'ip-hash/redis': (r) => {
        expect(movedPct(r)).toBeGreaterThan(50);
        expect(r.facts.lostClients).toEqual([]);
    },
});
//# sourceMappingURL=scale-out.test.js.map