"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The lab client and probe through the real nginx with ip-hash: nginx sees
// each client's bound source address, distinct /24s spread over replicas,
// one /24 (a NAT) collapses onto one replica, and every cart survives.
const client_1 = require("../../apps/lab/src/client");
const topology_1 = require("../support/topology");
jest.setTimeout(120_000);
(0, topology_1.describeTopology)('lab client and probe through nginx (ip-hash)', 'memory', () => {
    it('distinct /24s spread and stick, one /24 collapses onto one replica', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'ip-hash' }, async (topo) => {
        const c = new client_1.LabClient({ name: 'who', baseUrl: topo.url, sourceAddress: (0, client_1.userAddress)(41) });
        try {
            // X-Forwarded-For is set from $remote_addr: the replica sees the bound address.
            expect((await c.root()).body?.client_ip).toBe('127.0.42.1');
        }
        finally {
            c.close();
        }
        const users = await (0, client_1.probe)({ url: topo.url, clients: 8, requests: 10 });
        for (const r of users.clients) {
            expect({ client: r.client, replicas: r.replicas.length, survived: r.survived }).toEqual({ client: r.client, replicas: 1, survived: true });
            expect(r.counts).toEqual({ ok: 10, fail: 0, unknown: 0 });
        }
        // ip_hash of 127.0.1 … 127.0.8 over three servers is fixed; it uses more than one.
        expect(new Set(users.clients.map((r) => r.replicas[0])).size).toBeGreaterThan(1);
        const nat = await (0, client_1.probe)({ url: topo.url, clients: 8, requests: 5, sameSubnet: true });
        expect(nat.clients.map((r) => r.address)).toContain('127.0.200.8');
        // Only the first three octets are hashed: the whole /24 is one "user".
        expect(new Set(nat.clients.flatMap((r) => r.replicas)).size).toBe(1);
        expect(nat.clients.every((r) => r.survived)).toBe(true);
        expect(nat.history.entries).toHaveLength(8 * 5);
    }));
});
//# sourceMappingURL=client-probe.test.js.map