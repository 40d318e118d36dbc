"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function limited(r) {
    expect(r.facts.floodSent).toBe(2_000);
    expect(r.facts.flood429).toBeGreaterThan(0);
    expect(r.facts.floodServed).toBeLessThanOrEqual(r.facts.floodServedBound);
    // every flood request got an answer: served or refused, nothing else
    expect(r.facts.floodServed + r.facts.flood429).toBe(r.facts.floodSent);
    expect(r.facts.shopper429).toEqual([]);
    expect(r.facts.shopperFailures).toEqual([]);
    expect(r.rows[0].carts_lost_pct).toBe(0);
}
(0, suite_1.scenarioSuite)('flood', {
    'ip-hash/memory': limited,
});
//# sourceMappingURL=flood.test.js.map