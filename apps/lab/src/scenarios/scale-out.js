"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ID = void 0;
exports.run = run;
// 3 → 4 replicas: how many clients does each strategy remap, and what does it cost?
const client_1 = require("../client");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'scale-out';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const before = await (0, harness_1.placement)(clients);
            const scale = await r.nemesis.addReplica();
            const added = scale.target;
            const later = await (0, harness_1.placement)(clients, 2);
            const stayed = (0, client_1.clientsStayed)(before, later);
            const carts = (0, harness_1.cartsCheck)(r.history);
            const facts = { added, movedClients: stayed.moves.map((m) => m.client).sort(), lostClients: carts.lost, spreadAfter: (0, harness_1.spread)(later) };
            const row = (0, row_1.matrixRow)(exports.ID, params, {
                clients: clients.length,
                lost: carts.check,
                moved: stayed,
                history: (0, client_1.after)(r.history, scale),
                replicas: [...r.replicas, added],
                note: `after: ${facts.spreadAfter}`,
            });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
//# sourceMappingURL=scale-out.js.map