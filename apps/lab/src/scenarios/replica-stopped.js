"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VICTIM = exports.ID = void 0;
exports.run = run;
// SIGTERM app2 while every client is busy reading: a graceful stop.
const client_1 = require("../client");
const busy_1 = require("./busy");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'replica-stopped';
exports.VICTIM = 'app2';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const before = await (0, harness_1.placement)(clients);
            let burstServedBy = [];
            const onVictim = clients.filter((c) => before[c.name] === exports.VICTIM);
            const busyFrom = (0, client_1.now)();
            await (0, busy_1.whileBusy)(clients, async () => {
                // A burst to app2 sent just before SIGTERM, so requests are in flight.
                const burst = onVictim.map((c) => c.getCart());
                await r.nemesis.stop(exports.VICTIM);
                burstServedBy = (await Promise.all(burst)).map((b) => (b.ok ? (b.servedBy ?? '?') : `failed ${b.status ?? b.error}`));
            });
            // The busy window, the stop in it: every request sent while it lasted.
            const during = (0, client_1.entriesOf)((0, client_1.within)(r.history, { from: busyFrom }));
            const later = await (0, harness_1.placement)(clients);
            const stayed = (0, client_1.clientsStayed)(before, later);
            const carts = (0, harness_1.cartsCheck)(r.history);
            const failed = (0, checkers_1.failedRequests)(during);
            const facts = {
                victimClients: (0, harness_1.clientsOn)(before, exports.VICTIM),
                movedClients: stayed.moves.map((m) => m.client).sort(),
                lostClients: carts.lost,
                requestsDuringStop: during.length,
                burstServedBy,
                failedDuringStop: failed.map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
            };
            const note = `${facts.requestsDuringStop} requests around the stop, ${failed.length} failed; the burst sent at SIGTERM was answered by ${(0, harness_1.tally)(burstServedBy)}`;
            const row = (0, row_1.matrixRow)(exports.ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: during, replicas: r.replicas, note });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
//# sourceMappingURL=replica-stopped.js.map