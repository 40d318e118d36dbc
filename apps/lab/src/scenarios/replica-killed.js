"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VICTIM = exports.ID = void 0;
exports.run = run;
// SIGKILL app2: who loses a cart, who moves, where to.
const client_1 = require("../client");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'replica-killed';
exports.VICTIM = 'app2';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const before = await (0, harness_1.placement)(clients);
            const kill = await r.nemesis.kill(exports.VICTIM);
            // Read, add a second item, read again: the first read after the kill
            // is the one nginx must route around the dead replica.
            await (0, harness_1.all)(clients, (c) => c.getCart());
            await (0, harness_1.fill)(r, clients, 1);
            const later = await (0, harness_1.placement)(clients);
            const victims = (0, harness_1.clientsOn)(before, exports.VICTIM);
            const stayed = (0, client_1.clientsStayed)(before, later);
            const moved = stayed.moves.map((m) => m.client).sort();
            const carts = (0, harness_1.cartsCheck)(r.history);
            const afterKill = (0, client_1.after)(r.history, kill);
            const facts = {
                victimClients: victims,
                movedClients: moved,
                lostClients: carts.lost,
                wentTo: (0, harness_1.spread)(later, victims),
                failedAfterKill: (0, checkers_1.failedRequests)(afterKill).length,
            };
            const note = `${victims.length} clients on ${exports.VICTIM}; they went to ${facts.wentTo || 'nowhere'}`;
            const row = (0, row_1.matrixRow)(exports.ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: afterKill, replicas: r.replicas.filter((n) => n !== exports.VICTIM), note });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
//# sourceMappingURL=replica-killed.js.map