"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function noFailedReads(r) {
    expect(r.facts.requestsDuringRestart).toBeGreaterThan(30);
    expect(r.facts.failedDuringRestart).toEqual([]);
}
const memory = (r) => {
    noFailedReads(r);
    expect(r.facts.lostClients).toHaveLength(30);
};
const redis = (r) => {
    noFailedReads(r);
    expect(r.facts.lostClients).toEqual([]);
};
(0, suite_1.scenarioSuite)('rolling-restart', {
    'ip-hash/memory': memory,
    'sticky-cookie/memory': memory,
    'ip-hash/redis': redis,
    'sticky-cookie/redis': redis,
});
//# sourceMappingURL=rolling-restart.test.js.map