"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probe = probe;
exports.catalogSkus = catalogSkus;
// `lab probe`: N users each put one item in their cart, then read it back
// M-1 times. Shows which replica served whom and whose cart survived.
const addresses_1 = require("./addresses");
const checkers_1 = require("./checkers");
const history_1 = require("./history");
const lab_client_1 = require("./lab-client");
async function probe(opts) {
    if (opts.clients < 1 || opts.requests < 1)
        throw new RangeError('probe needs at least one client and one request');
    const history = opts.history ?? new history_1.History();
    const address = opts.sameSubnet ? addresses_1.natAddress : addresses_1.userAddress;
    const clients = Array.from({ length: opts.clients }, (_, i) => new lab_client_1.LabClient({ name: `c${i + 1}`, baseUrl: opts.url, sourceAddress: address(i), history, timeoutMs: opts.timeoutMs }));
    try {
        const sku = opts.sku ?? (await catalogSkus(opts.url, opts.timeoutMs))[0];
        await Promise.all(clients.map((c) => runOne(c, sku, opts.requests)));
        return { sku, sameSubnet: !!opts.sameSubnet, clients: clients.map((c) => summarize(c, history)), history };
    }
    finally {
        for (const c of clients)
            c.close();
    }
}
/** The catalogue's SKUs, in order; an error naming the URL when it lists none. */
async function catalogSkus(url, timeoutMs) {
    const c = new lab_client_1.LabClient({ name: 'catalogue', baseUrl: url, timeoutMs });
    try {
        const reply = await c.products();
        const skus = (reply.body ?? []).map((p) => p.sku);
        if (!reply.ok || !skus.length)
            throw new Error(`GET ${url}/products did not list a product (${reply.error ?? 'empty'})`);
        return skus;
    }
    finally {
        c.close();
    }
}
async function runOne(client, sku, requests) {
    await client.addItem(sku, 1);
    for (let i = 1; i < requests; i++)
        await client.getCart();
}
function summarize(client, history) {
    const mine = history.forClient(client.name);
    const check = (0, checkers_1.ackedItemsLost)(mine);
    const acked = mine.some((e) => e.op === 'addItem' && e.outcome === 'ok');
    const survived = check.valid === false ? false : acked && check.valid === true ? true : null;
    const count = (o) => mine.filter((e) => e.outcome === o).length;
    return {
        client: client.name,
        address: client.sourceAddress ?? '',
        replicas: (0, checkers_1.replicasSeenBy)(mine, client.name),
        servedBy: (0, checkers_1.servedBySequence)(mine, client.name),
        acked,
        survived,
        lost: check.lost,
        counts: { ok: count('ok'), fail: count('fail'), unknown: count('unknown') },
    };
}
//# sourceMappingURL=probe.js.map