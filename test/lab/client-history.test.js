"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The history's `unknown` through the real nginx: a write to a paused replica
// gets a 504 from nginx, yet the replica applies it once resumed. Calling it
// `fail` would be a lie; `unknown` lets the checker accept either answer.
const client_1 = require("../../apps/lab/src/client");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../support/topology");
jest.setTimeout(120_000);
(0, topology_1.describeTopology)('history outcomes through nginx', 'memory', () => {
    it('a POST that timed out at nginx is unknown, and did happen', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'ip-hash', replicas: 2, proxyReadTimeout: '1s' }, async (topo) => {
        const c = new client_1.LabClient({ name: 'u1', baseUrl: topo.url, sourceAddress: (0, client_1.userAddress)(0), timeoutMs: 10_000 });
        try {
            const [a, b] = (await c.products()).body.map((p) => p.sku);
            const first = await c.addItem(a, 1);
            expect(first.ok).toBe(true);
            const home = first.servedBy;
            await topo.pause(home);
            const lost = await c.addItem(b, 1);
            // proxy_read_timeout 1s; a POST already sent is not retried elsewhere.
            expect(lost).toMatchObject({ status: 504, outcome: 'unknown' });
            await topo.resume(home);
            // nginx counted `home` as failed for fail_timeout: poll until ip_hash sends us home again.
            const back = await (0, wait_1.waitFor)(`${home} to serve u1 again`, async () => {
                const r = await c.getCart();
                return r.servedBy === home ? r : undefined;
            }, { timeoutMs: 20_000, intervalMs: 200 });
            expect(back.body?.items.map((i) => i.sku).sort()).toEqual([a, b].sort());
            expect((0, client_1.ackedItemsLost)(c.history)).toMatchObject({ valid: true, lost: [] });
            expect(c.history.entries.map((e) => e.outcome)).toContain('unknown');
        }
        finally {
            c.close();
        }
    }));
});
//# sourceMappingURL=client-history.test.js.map