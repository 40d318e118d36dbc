"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NAT_ADDRESS = exports.ID = void 0;
exports.run = run;
// Many users behind one NAT: one /24 (ip_hash's key) and one single address.
const client_1 = require("../client");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
const client_2 = require("../client");
const row_1 = require("./row");
exports.ID = 'nat';
/** The one public address of the "office" variant. */
exports.NAT_ADDRESS = '127.0.201.1';
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const subnet = await variant(r, 'one /24', client_1.natAddress, 's');
        const address = await variant(r, 'one address', () => exports.NAT_ADDRESS, 'n');
        return { rows: [subnet.row, address.row], facts: { oneSubnet: subnet.facts, oneAddress: address.facts } };
    });
}
/** Each variant has its own clients and is counted over its own history. */
async function variant(r, name, address, prefix) {
    const own = new client_1.History();
    const clients = (0, harness_1.makeClients)({ ...r, history: own }, undefined, address, prefix);
    try {
        await (0, harness_1.fill)(r, clients);
        for (let k = 0; k < 3; k++)
            await (0, harness_1.all)(clients, (c) => c.getCart());
    }
    finally {
        (0, harness_1.closeAll)(clients);
    }
    for (const e of own.entries)
        r.history.record(e);
    const place = (0, client_2.lastReplicaByClient)(own);
    const carts = (0, harness_1.cartsCheck)(own);
    const facts = {
        replicasUsed: [...new Set(Object.values(place))].sort(),
        loadSkew: (0, checkers_1.loadSkew)(own, r.replicas),
        unstickyClients: clients.filter((c) => (0, client_2.replicasSeenBy)(own, c.name).length > 1).map((c) => c.name),
        lostClients: carts.lost,
    };
    const row = (0, row_1.matrixRow)(exports.ID, r.params, {
        variant: name,
        clients: clients.length,
        lost: carts.check,
        moved: facts.unstickyClients.length,
        history: own,
        replicas: r.replicas,
        note: `clients per replica: ${(0, harness_1.spread)(place)}`,
    });
    return { row, facts };
}
//# sourceMappingURL=nat.js.map