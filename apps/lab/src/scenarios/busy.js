"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.whileBusy = whileBusy;
const harness_1 = require("./harness");
/**
 * Every client reads its cart in a paced loop while `fault` runs, and once
 * more after it finished, so requests are in flight when the fault hits.
 */
async function whileBusy(clients, fault, opts = {}) {
    const { paceMs = 100, maxRounds = 400 } = opts;
    let done = false;
    const load = (0, harness_1.all)(clients, async (c, i) => {
        // Stagger the start so the crowd does not move in lockstep.
        await pause((paceMs * i) / clients.length);
        for (let k = 0; k < maxRounds && !done; k++) {
            await c.getCart();
            await pause(paceMs);
        }
        await c.getCart();
    });
    try {
        return await fault();
    }
    finally {
        done = true;
        await load;
    }
}
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
//# sourceMappingURL=busy.js.map