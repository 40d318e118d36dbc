"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PARALLEL_ADDS = exports.WRITERS = exports.ID = void 0;
exports.run = run;
// One user, many tabs: parallel adds of one session through nginx.
const client_1 = require("../client");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'concurrent-writes';
exports.WRITERS = 6;
exports.PARALLEL_ADDS = 8;
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r, exports.WRITERS);
        const [first, contended] = [r.skus[0], r.skus[1 % r.skus.length]];
        try {
            // The first add creates the session (and pins it); then the burst.
            await (0, harness_1.all)(clients, (c) => c.addItem(first, 1));
            const burstFrom = (0, client_1.now)();
            await (0, harness_1.all)(clients, (c) => Promise.all(Array.from({ length: exports.PARALLEL_ADDS }, () => c.addItem(contended, 1))));
            const finals = await (0, harness_1.all)(clients, (c) => c.getCart());
            const burst = (0, client_1.entriesOf)((0, client_1.within)(r.history, { from: burstFrom }));
            const tallies = clients.map((c, i) => {
                const mine = burst.filter((e) => e.client === c.name && e.op === 'addItem');
                return {
                    client: c.name,
                    ok: mine.filter((e) => e.outcome === 'ok').length,
                    unknown: mine.filter((e) => e.outcome === 'unknown').length,
                    finalQty: finals[i].ok ? (finals[i].body?.items.find((l) => l.sku === contended)?.qty ?? 0) : undefined,
                };
            });
            const carts = (0, harness_1.cartsCheck)(r.history);
            const row = (0, row_1.matrixRow)(exports.ID, params, {
                clients: clients.length,
                lost: carts.check,
                moved: 0,
                history: burst,
                replicas: r.replicas,
                note: `${exports.WRITERS} clients × ${exports.PARALLEL_ADDS} parallel adds; final quantities ${tallies.map((t) => t.finalQty ?? '?').join(' ')}`,
            });
            return { rows: [row], facts: { tallies, lostClients: carts.lost } };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
//# sourceMappingURL=concurrent-writes.js.map