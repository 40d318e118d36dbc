"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ID = void 0;
exports.run = run;
// No fault: what each strategy does to a cart on a good day.
const client_1 = require("../client");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'steady-state';
/** Each client: add, read ×3, add, read ×2 — enough requests to see a flicker. */
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            const sku = (c, k) => r.skus[(clients.indexOf(c) + k) % r.skus.length];
            const rounds = [
                (c) => c.addItem(sku(c, 0), 1),
                (c) => c.getCart(),
                (c) => c.getCart(),
                (c) => c.getCart(),
                (c) => c.addItem(sku(c, 1), 1),
                (c) => c.getCart(),
                (c) => c.getCart(),
            ];
            for (const step of rounds)
                await (0, harness_1.all)(clients, step);
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
        const multi = clients.filter((c) => (0, client_1.replicasSeenBy)(r.history, c.name).length > 1).map((c) => c.name);
        const stale = (0, checkers_1.staleReads)(r.history);
        const carts = (0, harness_1.cartsCheck)(r.history);
        const facts = {
            multiReplicaClients: multi,
            stale: { valid: stale.valid, reason: stale.reason },
            staleReads: stale.stale,
            cartReads: stale.reads,
            lostClients: carts.lost,
            cartReaders: (0, checkers_1.replicasServing)(r.history, 'GET', '/cart'),
            cartWriters: (0, checkers_1.replicasServing)(r.history, 'POST', '/cart/items'),
        };
        const note = `${stale.stale}/${stale.reads} cart reads stale (${Math.round((0, checkers_1.pct)(stale.stale, stale.reads))} %)`;
        const row = (0, row_1.matrixRow)(exports.ID, params, { clients: clients.length, lost: carts.check, moved: multi.length, history: r.history, replicas: r.replicas, note });
        return { rows: [{ ...row, checks: { ...row.checks, stale: facts.stale } }], facts };
    });
}
//# sourceMappingURL=steady-state.js.map