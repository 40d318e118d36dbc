"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ID = void 0;
exports.run = run;
// A deploy: drain, stop, start and undrain each replica in turn while clients keep reading.
const client_1 = require("../client");
const busy_1 = require("./busy");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const row_1 = require("./row");
exports.ID = 'rolling-restart';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const clients = (0, harness_1.makeClients)(r);
        try {
            await (0, harness_1.fill)(r, clients);
            const before = await (0, harness_1.placement)(clients);
            const busyFrom = (0, client_1.now)();
            await (0, busy_1.whileBusy)(clients, async () => {
                // The way a deploy should go: drain (nginx `down`, a reload that
                // also resets nginx's failure counters), restart, put back. Stopping
                // the next replica within `fail_timeout` of the previous one's return
                // made nginx see no live server in a sticky-cookie pool (502s).
                for (const name of r.replicas) {
                    await r.nemesis.markDown(name, true);
                    await r.nemesis.stop(name);
                    await r.nemesis.start(name);
                    await r.nemesis.markDown(name, false);
                }
                // A slower pace: three boots under load are the slow part on 2 cores.
            }, { paceMs: 250 });
            const during = (0, client_1.entriesOf)((0, client_1.within)(r.history, { from: busyFrom }));
            const later = await (0, harness_1.placement)(clients);
            const stayed = (0, client_1.clientsStayed)(before, later);
            const carts = (0, harness_1.cartsCheck)(r.history);
            const failed = (0, checkers_1.failedRequests)(during);
            const facts = {
                lostClients: carts.lost,
                requestsDuringRestart: during.length,
                failedDuringRestart: failed.map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
            };
            const row = (0, row_1.matrixRow)(exports.ID, params, {
                clients: clients.length,
                lost: carts.check,
                moved: stayed,
                history: during,
                replicas: r.replicas,
                note: `${during.length} requests during the restart, ${failed.length} failed`,
            });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)(clients);
        }
    });
}
//# sourceMappingURL=rolling-restart.js.map