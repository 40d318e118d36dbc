"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probe = void 0;
const client_1 = require("../../client");
const args_1 = require("../args");
const lab_1 = require("../lab");
const output_1 = require("../output");
const table_1 = require("../table");
const survivedText = (io, s) => s === true ? (0, output_1.paint)(io, 'green', 'yes') : s === false ? (0, output_1.paint)(io, 'red', 'LOST') : (0, output_1.paint)(io, 'gray', 'unknown');
function summaryOf(clients) {
    return {
        clients: clients.length,
        pinned: clients.filter((c) => c.replicas.length === 1).length,
        moved: clients.filter((c) => c.replicas.length > 1).length,
        replicas_used: new Set(clients.flatMap((c) => c.replicas)).size,
        carts_survived: clients.filter((c) => c.survived === true).length,
        carts_lost: clients.filter((c) => c.survived === false).length,
        carts_unknown: clients.filter((c) => c.survived === null).length,
    };
}
exports.probe = {
    name: 'probe',
    summary: 'N clients from distinct source addresses: who served them, did their carts survive',
    usage: `probe [--clients N] [--requests M] [--same-subnet] [--json]

  --clients N     clients, each from its own /24 (127.0.1.1, 127.0.2.1, …) (default 6, max 50)
  --requests M    requests per client: one add to cart, then M-1 cart reads (default 5, max 100)
  --same-subnet   put every client in one /24 (127.0.200.x), like users behind one NAT`,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommand)(argv, { clients: { type: 'string' }, requests: { type: 'string' }, 'same-subnet': { type: 'boolean' } }, { min: 0, max: 0 });
        const clients = (0, args_1.intValue)(values.clients, '--clients', 1, 50, 6);
        const requests = (0, args_1.intValue)(values.requests, '--requests', 1, 100, 5);
        const status = await (0, lab_1.fetchStatus)((0, lab_1.findLab)(io));
        const result = await (0, client_1.probe)({ url: status.url, clients, requests, sameSubnet: !!values['same-subnet'] });
        const summary = summaryOf(result.clients);
        if (values.json) {
            const rows = result.clients.map(({ client, address, replicas, servedBy, acked, survived, lost, counts }) => ({
                client, address, replicas, served_by: servedBy, acked, survived, lost, counts,
            }));
            (0, output_1.printJson)(io, { url: status.url, strategy: status.strategy, store: status.store, sku: result.sku, same_subnet: result.sameSubnet, requests, clients: rows, summary });
            return 0;
        }
        io.out((0, table_1.renderTable)([
            { header: 'client', value: (c) => c.client },
            { header: 'source address', value: (c) => c.address },
            { header: 'replicas seen', value: (c) => c.replicas.join(' → ') || '-' },
            { header: 'cart survived', value: (c) => survivedText(io, c.survived) },
            { header: 'ok/fail/unknown', value: (c) => `${c.counts.ok}/${c.counts.fail}/${c.counts.unknown}` },
        ], result.clients));
        io.out(`\n${clients} clients × ${requests} requests via ${status.strategy} (${status.store} store): ` +
            `${summary.pinned} stayed on one replica, ${summary.moved} moved, ${summary.replicas_used} replica(s) used; ` +
            `carts: ${summary.carts_survived} survived, ${summary.carts_lost} lost, ${summary.carts_unknown} unknown`);
        return 0;
    },
};
//# sourceMappingURL=probe.js.map