"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function downMovesOnlyApp2(r) {
    expect(r.facts.down.onVictim.length).toBeGreaterThan(0);
    expect(r.facts.down.movedClients).toEqual(r.facts.down.onVictim);
    expect(r.rows[0].failed_requests).toBe(0);
}
(0, suite_1.scenarioSuite)('maintenance', {
    'ip-hash/memory': (r) => {
        downMovesOnlyApp2(r);
        expect(r.facts.cartsBackAfterUndrain).toEqual(r.facts.down.onVictim);
        const { onVictim, movedClients } = r.facts.removed;
        expect(movedClients).toEqual(expect.arrayContaining(onVictim));
        expect(movedClients.length).toBeGreaterThan(onVictim.length);
        expect(r.facts.removed.lostClients).toEqual(movedClients);
    },
    'consistent-hash/memory': (r) => {
        downMovesOnlyApp2(r);
        expect(r.facts.cartsBackAfterUndrain).toEqual(r.facts.down.onVictim);
        expect(r.facts.removed.movedClients).toEqual(r.facts.removed.onVictim);
    },
    'sticky-cookie/memory': (r) => {
        downMovesOnlyApp2(r);
        expect(r.facts.cartsBackAfterUndrain).toEqual([]);
        expect(r.facts.removed.movedClients).toEqual(r.facts.removed.onVictim);
    },
});
//# sourceMappingURL=maintenance.test.js.map