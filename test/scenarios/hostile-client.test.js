"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Clients that forge cookies: route values nginx never issued (unknown
// names, addresses, paths, junk, 2 KB), session ids unsigned, badly signed,
// malformed or 3 KB, and a victim's session id replayed without its
// signature. Expected: no 5xx and no request without an answer; forged
// routes fall back to normal balancing (round robin over every replica, so
// the 9 forged-route clients reach all 3); every forged sid is replaced by a
// fresh session on the first write; nobody sees an item that is not their
// own; the replayed id does not open the victim's cart.
const hostile_client_1 = require("../../apps/lab/src/scenarios/hostile-client");
const suite_1 = require("./suite");
function unharmed(r) {
    expect(r.facts.serverErrors).toEqual([]);
    expect(r.facts.statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    expect(hostile_client_1.FORGED_ROUTES.length).toBeGreaterThanOrEqual(3);
    expect(r.facts.forgedRouteReplicas).toEqual(['app1', 'app2', 'app3']);
    expect(r.facts.keptForgedSid).toEqual([]);
    expect(r.facts.sawForeignItems).toEqual([]);
    expect(r.facts.replayedVictimCart).toBe(false);
}
(0, suite_1.scenarioSuite)('hostile-client', {
    'sticky-cookie/memory': unharmed,
    'sticky-cookie/redis': unharmed,
});
//# sourceMappingURL=hostile-client.test.js.map