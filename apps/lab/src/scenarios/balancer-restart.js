"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ID = void 0;
exports.run = run;
// The balancer is restarted (a new process: what it learned in memory is
// gone) and, in a second variant with other users, reloaded (graceful, same
// config) while users are busy. Who keeps their replica, who loses a cart?
const client_1 = require("../client");
const busy_1 = require("./busy");
const harness_1 = require("./harness");
const nemesis_1 = require("./nemesis");
const row_1 = require("./row");
exports.ID = 'balancer-restart';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const restart = await variant(r, 'restart', 0, 'r');
        const reload = await variant(r, 'reload', harness_1.CLIENTS, 'l');
        return { rows: [restart.row, reload.row], facts: { restart: restart.facts, reload: reload.facts } };
    });
}
/** Each variant has its own users (own addresses: a stick table keys on them) and its own history. */
async function variant(r, fault, offset, prefix) {
    const own = new client_1.History();
    const nemesis = new nemesis_1.Nemesis(r.topo, own);
    const clients = (0, harness_1.makeClients)({ ...r, history: own }, harness_1.CLIENTS, (i) => (0, client_1.userAddress)(offset + i), prefix);
    try {
        await (0, harness_1.fill)({ ...r, history: own }, clients);
        const before = await (0, harness_1.placement)(clients, 2);
        const entry = await (0, busy_1.whileBusy)(clients, () => (fault === 'restart' ? nemesis.restartBalancer() : nemesis.reloadBalancer()));
        await (0, harness_1.fill)({ ...r, history: own }, clients, 1);
        const later = await (0, harness_1.placement)(clients, 2);
        const stayed = (0, client_1.clientsStayed)(before, later);
        const carts = (0, harness_1.cartsCheck)(own);
        const facts = {
            movedClients: stayed.moves.map((m) => m.client).sort(),
            lostClients: carts.lost,
            failedRequests: own.entries.filter((e) => e.outcome !== 'ok').length,
            faultMs: Math.round(entry.endedAt - entry.startedAt),
            spreadAfter: (0, harness_1.spread)(later),
        };
        const note = `${fault} took ${facts.faultMs} ms; ${facts.movedClients.length} clients moved; after: ${facts.spreadAfter}`;
        const row = (0, row_1.matrixRow)(exports.ID, r.params, { variant: fault, clients: clients.length, lost: carts.check, moved: stayed, history: own, replicas: r.replicas, note });
        return { row, facts };
    }
    finally {
        (0, harness_1.closeAll)(clients);
        for (const op of own.ops)
            r.history.record(op);
    }
}
//# sourceMappingURL=balancer-restart.js.map