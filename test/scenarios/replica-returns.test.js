"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function flipFlop(r) {
    expect(r.facts.displaced.length).toBeGreaterThan(0);
    expect(r.facts.movedBack).toEqual(r.facts.displaced);
    expect(r.facts.lostRebuilt).toEqual(r.facts.displaced);
}
(0, suite_1.scenarioSuite)('replica-returns', {
    'ip-hash/memory': flipFlop,
    'consistent-hash/memory': flipFlop,
    'sticky-cookie/memory': (r) => {
        expect(r.facts.displaced.length).toBeGreaterThan(0);
        expect(r.facts.movedBack).toEqual([]);
        expect(r.facts.lostRebuilt).toEqual([]);
    },
});
//# sourceMappingURL=replica-returns.test.js.map