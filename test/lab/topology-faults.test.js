"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Faults on the process driver (pinned: these look at pids, /proc and logs),
// through the real nginx: how stop, kill and pause differ, that a dead replica
// is routed around, that a drained one keeps its ip_hash slot, and that start
// brings a replica back on its address.
const node_fs_1 = require("node:fs");
const client_1 = require("../../apps/lab/src/client");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../support/topology");
const topology_traffic_1 = require("../support/topology-traffic");
const lab_cli_1 = require("../support/lab-cli");
jest.setTimeout(120_000);
/** Kernel scheduler state letter (R, S, T = stopped, …). */
function procState(pid) {
    return (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0];
}
async function replica(topo, name) {
    const r = (await topo.status()).replicas.find((x) => x.name === name);
    if (!r)
        throw new Error(`${name} not in status`);
    return r;
}
(0, topology_1.describeTopology)('replica faults on the process driver', 'memory', () => {
    it('stop is graceful, kill is not, pause freezes; nginx routes around the dead; start returns on the same port', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin' }, async (topo) => {
        const [u] = (0, topology_traffic_1.users)(topo.url, 1);
        const direct = (url) => new client_1.LabClient({ name: 'direct', baseUrl: url, timeoutMs: 800 });
        try {
            const before = { app1: await replica(topo, 'app1'), app2: await replica(topo, 'app2'), app3: await replica(topo, 'app3') };
            await topo.kill('app2');
            expect(await replica(topo, 'app2')).toMatchObject({ state: 'killed', pid: undefined });
            expect((0, lab_cli_1.alive)(before.app2.pid)).toBe(false);
            // proxy_next_upstream error: a refused connection is retried on the next server.
            const afterKill = await (0, topology_traffic_1.many)(u, 9);
            expect(afterKill.every((r) => r.ok)).toBe(true);
            expect((0, topology_traffic_1.replicasOf)(afterKill)).toEqual(['app1', 'app3']);
            await topo.stop('app1');
            expect(await replica(topo, 'app1')).toMatchObject({ state: 'stopped', pid: undefined });
            const logs = await topo.logs();
            expect(logs.app1).toMatch(/exited: code 0/); // handled SIGTERM and drained
            expect(logs.app2).toMatch(/exited: signal SIGKILL/);
            await topo.pause('app3');
            expect(await replica(topo, 'app3')).toMatchObject({ state: 'paused', pid: before.app3.pid });
            expect(procState(before.app3.pid)).toBe('T');
            const frozen = direct(before.app3.url);
            const stuck = await frozen.root();
            expect(stuck).toMatchObject({ outcome: 'fail', error: expect.stringMatching(/ETIMEDOUT/) });
            await topo.resume('app3');
            expect((await frozen.root()).servedBy).toBe('app3');
            frozen.close();
            await topo.start('app1');
            expect(await replica(topo, 'app1')).toMatchObject({ state: 'running', port: before.app1.port, url: before.app1.url });
            // nginx may still count app1 as failed (fail_timeout): poll until it is back in rotation.
            await (0, wait_1.waitFor)('nginx to route to the restarted app1', async () => (await u.root()).servedBy === 'app1', { timeoutMs: 20_000, intervalMs: 200 });
            await topo.scale(2);
            expect((await topo.status()).replicas.map((r) => r.name)).toEqual(['app1', 'app2']);
            expect((0, lab_cli_1.alive)(before.app3.pid)).toBe(false);
            await topo.start('app2');
            const scaled = await (0, topology_traffic_1.many)(u, 6);
            expect(scaled.every((r) => r.ok)).toBe(true);
            expect((0, topology_traffic_1.replicasOf)(scaled)).toEqual(['app1', 'app2']);
            // Scaling back up brings app3 back on its old address (and resolves once nginx routes to it).
            await topo.scale(3);
            expect(await replica(topo, 'app3')).toMatchObject({ state: 'running', port: before.app3.port });
            expect((await topo.logs()).app3).toMatch(/start #2/);
        }
        finally {
            (0, topology_traffic_1.closeAll)([u]);
        }
    }));
    it('ip-hash: markDown moves only the drained replica\'s clients and back; a killed replica\'s clients are served elsewhere', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'ip-hash' }, async (topo) => {
        const clients = (0, topology_traffic_1.users)(topo.url, 12);
        const placeAll = async () => {
            const out = {};
            for (const c of clients) {
                const replies = await (0, topology_traffic_1.many)(c, 3, (x) => x.root());
                expect(replies.every((r) => r.ok)).toBe(true);
                expect((0, topology_traffic_1.replicasOf)(replies)).toHaveLength(1);
                out[c.name] = replies[0].servedBy;
            }
            return out;
        };
        const on = (placement, name) => Object.keys(placement).filter((c) => placement[c] === name);
        try {
            const before = await placeAll();
            const busiest = ['app1', 'app2', 'app3'].sort((a, b) => on(before, b).length - on(before, a).length)[0];
            await topo.markDown(busiest, true);
            expect(await replica(topo, busiest)).toMatchObject({ drained: true, state: 'running' });
            const drained = await placeAll();
            // `down` keeps the slot: only the drained replica's clients are re-hashed.
            for (const c of clients) {
                if (before[c.name] === busiest)
                    expect(drained[c.name]).not.toBe(busiest);
                else
                    expect(drained[c.name]).toBe(before[c.name]);
            }
            await topo.markDown(busiest, false);
            expect(await placeAll()).toEqual(before);
            await topo.kill(busiest);
            const victims = clients.filter((c) => before[c.name] === busiest);
            for (const c of victims) {
                const replies = await (0, topology_traffic_1.many)(c, 3, (x) => x.root());
                expect(replies.every((r) => r.ok)).toBe(true);
                expect((0, topology_traffic_1.replicasOf)(replies)).not.toContain(busiest);
            }
        }
        finally {
            (0, topology_traffic_1.closeAll)(clients);
        }
    }));
});
//# sourceMappingURL=topology-faults.test.js.map