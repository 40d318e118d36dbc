"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contract = contract;
// The promises of the Topology interface, written once: the topology project
// runs them on the drivers LAB_DRIVER names (topology-contract.test.ts), the
// Docker project on the compose driver (test/docker/engine/contract.docker.ts).
// Each test boots its own small topology.
const client_1 = require("../../apps/lab/src/client");
const topology_1 = require("../../apps/lab/src/topology");
const wait_1 = require("../../apps/lab/src/util/wait");
const skip_1 = require("../support/skip");
async function booted(c, opts, body) {
    const topo = await (0, topology_1.createTopology)({ driver: c.driver, strategy: 'round-robin', store: 'memory', replicas: 2, ...opts });
    try {
        return await body(topo);
    }
    finally {
        await topo.down();
    }
}
async function replica(t, name) {
    const r = (await t.status()).replicas.find((x) => x.name === name);
    if (!r)
        throw new Error(`${name} not in status`);
    return r;
}
const names = async (t) => (await t.status()).replicas.map((r) => r.name);
/** Every promise of the Topology interface, as `it`s for driver `c` (call inside a describe). */
function contract(c) {
    it('refuses unknown replicas, illegal transitions and bad counts with TopologyErrors, changing nothing', () => booted(c, {}, async (t) => {
        const before = await t.status();
        const unknown = [t.stop('app9'), t.kill('app9'), t.pause('app9'), t.resume('app9'), t.start('app9'), t.removeReplica('app9'), t.markDown('app9', true)];
        for (const call of unknown) {
            await expect(call).rejects.toThrow('no replica named app9 (have app1, app2)');
            await expect(call).rejects.toBeInstanceOf(topology_1.TopologyError);
        }
        await expect(t.start('app1')).rejects.toThrow('app1 is already running');
        await expect(t.resume('app1')).rejects.toThrow('app1 is already running');
        await expect(t.scale(0)).rejects.toThrow('scale needs a whole number of replicas ≥ 1, got 0');
        await expect(t.scale(1.5)).rejects.toThrow('got 1.5');
        await expect(t.redisPause()).rejects.toThrow('the memory store runs no Redis');
        await expect(t.redisRestart()).rejects.toBeInstanceOf(topology_1.TopologyError);
        expect(await t.status()).toEqual(before);
    }));
    it('stop, kill, pause, resume and start move the state status reports; start returns on the same address', () => booted(c, {}, async (t) => {
        const first = await replica(t, 'app1');
        await t.stop('app1');
        expect(await replica(t, 'app1')).toMatchObject({ state: 'stopped', pid: undefined });
        await expect(t.stop('app1')).rejects.toThrow('app1 is already stopped');
        await expect(t.pause('app1')).rejects.toThrow('cannot pause app1: it is stopped (start it first)');
        await t.start('app1');
        expect(await replica(t, 'app1')).toMatchObject({ state: 'running', url: first.url, port: first.port });
        await t.kill('app2');
        expect(await replica(t, 'app2')).toMatchObject({ state: 'killed', pid: undefined });
        await expect(t.kill('app2')).rejects.toThrow('app2 is already killed');
        await t.start('app2');
        await t.pause('app2');
        expect((await replica(t, 'app2')).state).toBe('paused');
        await expect(t.pause('app2')).rejects.toThrow('app2 is already paused');
        await t.resume('app2');
        expect((await replica(t, 'app2')).state).toBe('running');
        // Through the balancer, both are served again.
        const u = new client_1.LabClient({ name: 'u', baseUrl: t.url });
        try {
            const seen = new Set();
            await (0, wait_1.waitFor)('nginx to route to app1 and app2', async () => {
                const r = await u.root();
                if (r.servedBy)
                    seen.add(r.servedBy);
                return seen.size === 2;
            }, { timeoutMs: 20_000, intervalMs: 100 });
        }
        finally {
            u.close();
        }
    }));
    it('runs concurrent changes one at a time: two adds get two names, scale and remove leave a coherent list', () => booted(c, {}, async (t) => {
        const added = await Promise.all([t.addReplica(), t.addReplica()]);
        expect(added.sort()).toEqual(['app3', 'app4']);
        expect(await names(t)).toEqual(['app1', 'app2', 'app3', 'app4']);
        const results = await Promise.allSettled([t.markDown('app3', true), t.removeReplica('app3'), t.markDown('app3', false)]);
        // In queue order: drained, removed, then unknown.
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
        expect(await names(t)).toEqual(['app1', 'app2', 'app4']);
        await t.scale(1);
        expect(await names(t)).toEqual(['app1']);
        await expect(t.removeReplica('app1')).rejects.toThrow('cannot remove app1: it is the last replica');
        const status = await t.status();
        expect(status.replicas).toEqual([expect.objectContaining({ name: 'app1', state: 'running', drained: false })]);
    }));
    it('markDown drains and restores a replica in status', () => booted(c, {}, async (t) => {
        await t.markDown('app2', true);
        expect(await replica(t, 'app2')).toMatchObject({ drained: true, state: 'running' });
        await t.markDown('app2', false);
        expect((await replica(t, 'app2')).drained).toBe(false);
    }));
    const redisWhy = c.unavailable('redis');
    if (redisWhy)
        (0, skip_1.noteSkip)(`contract redis ops on ${c.driver}: ${redisWhy}`);
    (redisWhy ? it.skip : it)('redis pause, resume and restart follow the table, and status says so', async () => {
        await booted(c, { store: 'redis', replicas: 1 }, async (t) => {
            const redis = async () => (await t.status()).redis;
            expect(await redis()).toMatchObject({ state: 'running' });
            await expect(t.redisResume()).rejects.toThrow('cannot resume redis: it is running');
            await t.redisPause();
            expect((await redis())?.state).toBe('paused');
            await expect(t.redisPause()).rejects.toThrow('cannot pause redis: it is paused');
            await t.redisResume();
            await t.redisRestart();
            expect((await redis())?.state).toBe('running');
        });
    });
    if (!c.killFromOutside)
        (0, skip_1.noteSkip)(`contract kill-from-outside on ${c.driver}: the suite has no outside kill for it yet`);
    (c.killFromOutside ? it : it.skip)('status follows a replica killed from outside the lab, and start works on it', async () => {
        await booted(c, {}, async (t) => {
            await c.killFromOutside(t, 'app2');
            await (0, wait_1.waitFor)('status to say app2 is not running', async () => (await replica(t, 'app2')).state === 'killed', { timeoutMs: 15_000 });
            await t.start('app2');
            expect((await replica(t, 'app2')).state).toBe('running');
        });
    });
    it('down is idempotent, leaves the topology refusing changes', async () => {
        const t = await (0, topology_1.createTopology)({ driver: c.driver, strategy: 'round-robin', store: 'memory', replicas: 1 });
        await Promise.all([t.down(), t.down()]);
        await expect(t.down()).resolves.toBeUndefined();
        await expect(t.addReplica()).rejects.toThrow('topology is down');
        await expect(t.stop('app1')).rejects.toThrow('topology is down');
    });
}
//# sourceMappingURL=cases.js.map