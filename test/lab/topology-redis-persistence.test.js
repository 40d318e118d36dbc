"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// redisPersistence 'aof': the process driver's redis-server appends every
// write to a file in the run dir, so a Redis restart keeps the carts (the
// 'none' default losing them is asserted in topology-lifecycle).
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const client_1 = require("../../apps/lab/src/client");
const process_1 = require("../../apps/lab/src/topology/drivers/process");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../support/topology");
jest.setTimeout(90_000);
(0, topology_1.describeTopology)('redis persistence on the process driver', 'redis', () => {
    it('with aof a cart survives a Redis restart, and status says aof', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin', store: 'redis', replicas: 2, redisPersistence: 'aof' }, async (topo) => {
        expect((await topo.status()).redis).toMatchObject({ state: 'running', persistence: 'aof' });
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(topo.runDir, 'redis', 'appendonlydir'))).toBe(true);
        const c = new client_1.LabClient({ name: 'shopper', baseUrl: topo.url });
        try {
            const sku = (await c.products()).body[0].sku;
            expect((await c.addItem(sku, 3)).ok).toBe(true);
            await topo.redisRestart();
            expect((await topo.status()).redis?.state).toBe('running');
            const cart = await (0, wait_1.waitFor)('a cart read after the Redis restart', async () => {
                const r = await c.getCart();
                return r.ok ? r : undefined;
            }, { timeoutMs: 20_000, intervalMs: 200 });
            expect(cart.body?.items).toEqual([expect.objectContaining({ sku, qty: 3 })]);
            expect((0, client_1.ackedItemsLost)(c.history).lost).toEqual([]);
        }
        finally {
            c.close();
        }
    }));
    it('status reports persistence none by default', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin', store: 'redis', replicas: 1 }, async (topo) => {
        expect((await topo.status()).redis).toMatchObject({ state: 'running', persistence: 'none' });
    }));
    it('a port the caller insists on that another process holds fails clearly, leaving no redis-server', async () => {
        const blocker = (0, node_net_1.createServer)();
        await new Promise((r) => blocker.listen(0, '127.0.0.1', () => r()));
        const port = blocker.address().port;
        try {
            await expect(process_1.RedisServer.start({ port })).rejects.toThrow(`redis-server exited: port ${port} is in use by another process`);
        }
        finally {
            blocker.close();
        }
    });
});
//# sourceMappingURL=topology-redis-persistence.test.js.map