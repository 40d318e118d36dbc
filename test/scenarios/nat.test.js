"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function collapsed(v) {
    expect(v.replicasUsed).toHaveLength(1);
    expect(v.loadSkew).toBeCloseTo(3, 5);
    expect(v.unstickyClients).toEqual([]);
    expect(v.lostClients).toEqual([]);
}
function spreadAndSticky(v) {
    expect(v.replicasUsed).toHaveLength(3);
    expect(v.loadSkew).toBeLessThan(2);
    expect(v.unstickyClients).toEqual([]);
    expect(v.lostClients).toEqual([]);
}
(0, suite_1.scenarioSuite)('nat', {
    'round-robin/memory': (r) => {
        for (const v of [r.facts.oneSubnet, r.facts.oneAddress]) {
            expect(v.replicasUsed).toHaveLength(3);
            expect(v.loadSkew).toBeLessThan(1.3);
            // 4 requests each in shuffled order: staying on one replica has
            // probability (1/3)^3 ≈ 4 %, so about one client of 30 does.
            expect(v.unstickyClients.length).toBeGreaterThan(20);
        }
    },
    'ip-hash/memory': (r) => {
        collapsed(r.facts.oneSubnet);
        collapsed(r.facts.oneAddress);
    },
    'consistent-hash/memory': (r) => {
        expect(r.facts.oneSubnet.replicasUsed.length).toBeGreaterThan(1);
        expect(r.facts.oneSubnet.unstickyClients).toEqual([]);
        collapsed(r.facts.oneAddress);
    },
    'sticky-cookie/memory': (r) => {
        spreadAndSticky(r.facts.oneSubnet);
        spreadAndSticky(r.facts.oneAddress);
    },
});
//# sourceMappingURL=nat.test.js.map