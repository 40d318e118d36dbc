"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Two HAProxy instances in front of the same backends: does a client that
// switches balancer keep its replica? A deterministic hash does when both
// build the same ring (fixed server ids), a cookie does (it names the
// replica), a stick table does only when the instances share it via `peers`.
const free_port_1 = require("../../apps/lab/src/util/free-port");
const wait_1 = require("../../apps/lab/src/util/wait");
const backends_1 = require("./support/backends");
const haproxy_lab_1 = require("./support/haproxy-lab");
const probe_1 = require("../support/probe");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
const CLIENTS = Array.from({ length: 12 }, (_, i) => `127.0.80.${i + 1}`);
describeHaproxy('two haproxy instances, one set of backends', () => {
    let backends;
    const labs = [];
    beforeEach(async () => {
        backends = await backends_1.Backends.start(['app1', 'app2', 'app3']);
    });
    afterEach(async () => {
        await Promise.all(labs.splice(0).map((l) => l.close()));
        await backends.close();
    });
    async function pair(a, b) {
        labs.push(await haproxy_lab_1.HaproxyLab.start({ ...a, backends }));
        labs.push(await haproxy_lab_1.HaproxyLab.start({ ...b, backends }));
        return [labs[0], labs[1]];
    }
    async function servedBy(lab, clients) {
        const out = new Map();
        for (const from of clients)
            out.set(from, (await lab.get('/', { from })).servedBy);
        return out;
    }
    it('consistent-hash: both map every client to the same replica, even with the servers listed in another order', async () => {
        const [a, b] = await pair({ strategy: 'consistent-hash' }, { strategy: 'consistent-hash', reversed: true });
        await a.check(async () => {
            expect(b.haproxy.config()).toMatch(/server app3 \S+ id 3[^]*server app1 \S+ id 1/);
            const viaA = await servedBy(a, CLIENTS);
            expect(await servedBy(b, CLIENTS)).toEqual(viaA);
            expect(new Set(viaA.values()).size).toBeGreaterThan(1);
        });
    });
    it('sticky-cookie: a cookie set by one instance pins the client on the other', async () => {
        const [a, b] = await pair({ strategy: 'sticky-cookie' }, { strategy: 'sticky-cookie' });
        await a.check(async () => {
            for (let i = 0; i < 6; i++) {
                const route = (0, probe_1.routeCookie)(await a.get('/'));
                expect(await b.many(3, '/', { headers: { Cookie: `route=${route}` } })).toEqual({ [route]: 3 });
            }
        });
    });
    // Clients reach A in one order and B in the reverse order. Both balance
    // first requests round robin, so without a shared table B's choice is its
    // own: client i gets server i mod 3 on A and (11 - i) mod 3 on B, equal
    // only when 2i ≡ 2 (mod 3), i.e. for 4 of the 12 clients.
    it('stick-table without peers: the instance that never saw a client picks independently', async () => {
        const [a, b] = await pair({ strategy: 'stick-table' }, { strategy: 'stick-table' });
        await a.check(async () => {
            const viaA = await servedBy(a, CLIENTS);
            const viaB = await servedBy(b, [...CLIENTS].reverse());
            const same = CLIENTS.filter((c) => viaA.get(c) === viaB.get(c));
            expect(same.length).toBe(4);
            expect((await b.api.stickTable()).length).toBe(CLIENTS.length);
        });
    });
    it('stick-table with peers: the entry learnt by one instance is used by the other', async () => {
        const [pa, pb] = [await (0, free_port_1.freePort)(), await (0, free_port_1.freePort)()];
        const peers = (local) => ({
            local,
            peers: [
                { name: 'lb1', host: '127.0.0.1', port: pa },
                { name: 'lb2', host: '127.0.0.1', port: pb },
            ],
        });
        const [a, b] = await pair({ strategy: 'stick-table', peers: peers('lb1') }, { strategy: 'stick-table', peers: peers('lb2') });
        await a.check(async () => {
            const viaA = await servedBy(a, CLIENTS);
            // Peers push updates asynchronously: wait (bounded) until B holds them.
            const learnt = await (0, wait_1.waitFor)('B to learn every stick entry from A', async () => {
                const t = await b.api.stickTable();
                return t.length === CLIENTS.length ? t : null;
            }, { timeoutMs: 10_000, intervalMs: 100 });
            for (const e of learnt)
                expect(`app${e.serverId}`).toBe(viaA.get(e.key));
            expect(await servedBy(b, [...CLIENTS].reverse())).toEqual(viaA);
        });
    });
});
//# sourceMappingURL=haproxy-two-balancers.test.js.map