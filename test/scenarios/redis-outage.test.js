"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suite_1 = require("./suite");
function outage(r) {
    expect(r.facts.duringPause).toHaveLength(60);
    expect(r.facts.duringPause.map((x) => x.status)).toEqual(Array(60).fill(503));
    expect(r.facts.maxLatencyDuringPauseMs).toBeLessThan(1500);
    expect(r.facts.clientsWithCart).toBe(30);
    expect(r.facts.lostAfterResume).toEqual([]);
    expect(r.facts.lostAfterRestart).toHaveLength(30);
    expect(r.facts.toldLostAfterRestart).toEqual(r.facts.lostAfterRestart);
    expect(restartRow(r).carts_lost_pct).toBe(100);
}
function durable(r) {
    expect(r.facts.clientsWithCart).toBe(30);
    expect(r.facts.lostAfterRestart).toEqual([]);
    expect(r.facts.toldLostAfterRestart).toEqual([]);
    expect(r.rows.map((x) => x.variant)).toEqual(['restarted, AOF']);
    expect(restartRow(r).carts_lost_pct).toBe(0);
}
const restartRow = (r) => r.rows.find((x) => x.variant?.startsWith('restarted'));
(0, suite_1.scenarioSuite)('redis-outage', {
    'round-robin/redis': outage,
    'sticky-cookie/redis': outage,
    'round-robin/redis/aof': durable,
});
//# sourceMappingURL=redis-outage.test.js.map