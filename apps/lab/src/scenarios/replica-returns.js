"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VICTIM = exports.ID = void 0;
exports.run = run;
// app2 dies, its clients rebuild their carts elsewhere, app2 comes back:
// do they flip back (and lose the rebuilt cart) or stay where they are?
const client_1 = require("../client");
const wait_1 = require("../util/wait");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'replica-returns';
exports.VICTIM = 'app2';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const before = await (0, harness_1.placement)(clients);
            const kill = await r.nemesis.kill(exports.VICTIM);
            // The rebuild: every client adds a second item wherever it lands now.
            await (0, harness_1.fill)(r, clients, 1);
            const away = await (0, harness_1.placement)(clients);
            await r.nemesis.start(exports.VICTIM);
            await untilVictimServes(r, clients, before);
            const back = await (0, harness_1.placement)(clients, 2);
            const stayed = (0, client_1.clientsStayed)(away, back);
            const movedBack = stayed.moves.map((m) => m.client).sort();
            // Judged from the rebuild on: the loss of the first cart is the kill's, not the return's.
            const sinceKill = (0, client_1.after)(r.history, kill);
            const carts = (0, harness_1.cartsCheck)(sinceKill);
            const facts = { displaced: (0, harness_1.clientsOn)(before, exports.VICTIM), movedBack, lostRebuilt: carts.lost };
            const note = `${facts.displaced.length} clients displaced by the kill; ${movedBack.length} moved when ${exports.VICTIM} returned`;
            const row = (0, row_1.matrixRow)(exports.ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: sinceKill, replicas: r.replicas, note });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
/**
 * nginx marked app2 failed for `fail_timeout`; poll until it is back in
 * rotation: a displaced hash client is served by it again, or (sticky-cookie,
 * whose pinned clients never go back) a fresh client without a cookie is.
 */
async function untilVictimServes(r, clients, before) {
    const victim = clients.find((c) => before[c.name] === exports.VICTIM);
    const fresh = new client_1.LabClient({ name: 'probe', baseUrl: r.topo.url });
    try {
        await (0, wait_1.waitFor)(`${exports.VICTIM} back in nginx's rotation`, async () => {
            const reply = r.params.strategy === 'sticky-cookie' || !victim ? await (fresh.clearCookies(), fresh.root()) : await victim.getCart();
            return reply.servedBy === exports.VICTIM;
        }, { timeoutMs: 15_000, intervalMs: 100 });
    }
    finally {
        fresh.close();
    }
}
//# sourceMappingURL=replica-returns.js.map