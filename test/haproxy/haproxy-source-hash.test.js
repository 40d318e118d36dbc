"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// balance source: the hash of the FULL client address. Unlike nginx ip_hash
// (first three octets only) there is no /24 collapse: clients of one /24 spread
// over the replicas, each one sticking to its own.
const haproxy_lab_1 = require("./support/haproxy-lab");
const probe_1 = require("../support/probe");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
// 30 hosts of ONE /24 (an office behind no NAT), 127.0.40.1 … .30.
const ONE_SUBNET = Array.from({ length: 30 }, (_, i) => `127.0.40.${i + 1}`);
async function mapping(lab, clients) {
    const served = await (0, probe_1.pool)(clients, 8, async (from) => (await lab.get('/', { from })).servedBy);
    return new Map(clients.map((c, i) => [c, served[i]]));
}
describeHaproxy.each(['ip-hash', 'consistent-hash'])('haproxy %s (balance source)', (strategy) => {
    let lab;
    beforeEach(async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('keeps each address on one replica and spreads the hosts of one /24', () => lab.check(async () => {
        const first = await mapping(lab, ONE_SUBNET);
        expect(await mapping(lab, ONE_SUBNET)).toEqual(first);
        // nginx ip_hash would put all 30 on ONE replica. A full-address hash
        // leaving one of three replicas empty over 30 keys has odds of about
        // 3 * (2/3)^30 ≈ 1.6e-5 (and the hash is deterministic: it never flakes).
        expect(new Set(first.values())).toEqual(new Set(['app1', 'app2', 'app3']));
    }));
});
// A replica in maintenance (`disabled`, the lab's LAB_DOWN): nginx's
// `server … down` keeps its slot, so only its own clients move.
describeHaproxy('haproxy source hash with a replica down', () => {
    const CLIENTS = Array.from({ length: 60 }, (_, i) => `127.0.41.${i + 1}`);
    it.each([
        // Map-based: the map is rebuilt over 2 servers; a client of app1/app3
        // keeps its server only when hash % 3 and hash % 2 agree on it: about
        // half of them move although their replica is fine.
        ['ip-hash', (keptShare) => expect(keptShare).toBeLessThan(0.8)],
        // Consistent ring: app2's points leave, nobody else moves.
        ['consistent-hash', (keptShare) => expect(keptShare).toBe(1)],
    ])('%s: clients of the replicas still up', async (strategy, expectKept) => {
        const lab = await haproxy_lab_1.HaproxyLab.start({ strategy });
        try {
            await lab.check(async () => {
                const before = await mapping(lab, CLIENTS);
                await lab.reconfigure({ down: ['app2'] });
                const after = await mapping(lab, CLIENTS);
                const healthy = CLIENTS.filter((c) => before.get(c) !== 'app2');
                const kept = healthy.filter((c) => after.get(c) === before.get(c)).length / healthy.length;
                expect([...after.values()]).not.toContain('app2');
                expectKept(kept);
            });
        }
        finally {
            await lab.close();
        }
    });
});
//# sourceMappingURL=haproxy-source-hash.test.js.map