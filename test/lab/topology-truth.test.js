"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The process driver's status follows the processes, not the lab's last
// command: a replica killed from outside, a stranger on a replica's port, and
// nginx's master killed from outside. Pinned to the process driver (pids, ports).
const node_http_1 = require("node:http");
const proc_1 = require("../../apps/lab/src/util/proc");
const pid_alive_1 = require("../../apps/lab/src/util/pid-alive");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../support/topology");
jest.setTimeout(90_000);
async function replica(topo, name) {
    const r = (await topo.status()).replicas.find((x) => x.name === name);
    if (!r)
        throw new Error(`${name} not in status`);
    return r;
}
/** A foreign HTTP server that answers 200 "ready" to everything, on `port`. */
async function impostor(port) {
    const srv = (0, node_http_1.createServer)((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-served-by', 'app1');
        res.end(JSON.stringify({ status: 'ok', session_store: 'memory' }));
    });
    await new Promise((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, '127.0.0.1', () => resolve());
    });
    return srv;
}
(0, topology_1.describeTopology)('status follows the processes (process driver)', 'memory', () => {
    it('a replica killed from outside shows killed, and start brings it back on its port', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin', replicas: 2 }, async (topo) => {
        const before = await replica(topo, 'app2');
        process.kill(before.pid, 'SIGKILL');
        await (0, wait_1.waitFor)('status to say app2 is killed', async () => (await replica(topo, 'app2')).state === 'killed', { timeoutMs: 10_000 });
        expect(await replica(topo, 'app2')).toMatchObject({ state: 'killed', pid: undefined, port: before.port });
        expect((await topo.logs()).app2).toMatch(/died on its own: now killed/);
        await topo.start('app2');
        const after = await replica(topo, 'app2');
        expect(after).toMatchObject({ state: 'running', port: before.port });
        expect(after.pid).not.toBe(before.pid);
    }));
    it('start refuses when a stranger answers on the replica\'s port: not running, the stranger named', () => (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin', replicas: 2 }, async (topo) => {
        const before = await replica(topo, 'app1');
        await topo.kill('app1');
        const stranger = await impostor(before.port);
        try {
            await expect(topo.start('app1')).rejects.toThrow(new RegExp(`port ${before.port} is taken by another process`));
            const refused = await replica(topo, 'app1');
            expect(refused.state).not.toBe('running');
            expect(refused.pid).toBeUndefined();
        }
        finally {
            await new Promise((r) => stranger.close(r));
        }
        // The port is free again: the replica comes back on its own address.
        await topo.start('app1');
        expect(await replica(topo, 'app1')).toMatchObject({ state: 'running', port: before.port });
    }));
    it('nginx\'s master killed from outside: status says dead, its workers are gone, down leaves nothing', async () => {
        let workers = [];
        let master = 0;
        await (0, topology_1.withTopology)({ driver: 'process', strategy: 'round-robin', replicas: 1 }, async (topo) => {
            const status = await topo.status();
            expect(status.nginx.state).toBe('running');
            master = status.nginx.pid;
            workers = (0, proc_1.childPids)(master);
            expect(workers.length).toBeGreaterThan(0);
            process.kill(master, 'SIGKILL');
            await (0, wait_1.waitFor)('status to say nginx is dead', async () => (await topo.status()).nginx.state === 'dead', { timeoutMs: 10_000 });
            await (0, wait_1.waitFor)('the orphaned nginx workers to be gone', () => !workers.some(pid_alive_1.pidAlive), { timeoutMs: 10_000 });
            expect((await topo.status()).nginx.pid).toBeUndefined();
            await expect(topo.markDown('app1', true)).rejects.toThrow(/nginx is dead/);
        });
        expect([master, ...workers].filter(pid_alive_1.pidAlive)).toEqual([]);
    });
});
//# sourceMappingURL=topology-truth.test.js.map