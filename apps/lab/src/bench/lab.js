"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bootSamples = void 0;
exports.timedTopology = timedTopology;
exports.withTopology = withTopology;
exports.downTopology = downTopology;
exports.downAllTopologies = downAllTopologies;
const wait_1 = require("../util/wait");
const topology_1 = require("../topology");
const cpu_1 = require("./cpu");
const load_1 = require("./load");
const live = new Set();
/** Boots seen by any group, by store: the boot group reuses them instead of booting again. */
exports.bootSamples = { memory: [], redis: [] };
async function answers(url) {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
}
/** Every replica ready on its own address and nginx routing: what "up" means to a user. */
async function serving(t, replicas) {
    await (0, wait_1.waitFor)('every replica ready and nginx routing', async () => {
        const status = await t.status();
        const direct = await Promise.all(status.replicas.map((r) => answers(`${r.url}/health/ready`)));
        return direct.length === replicas && direct.every(Boolean) && (await answers(`${t.url}/health/ready`));
    }, { timeoutMs: 30_000, intervalMs: 20 });
}
/**
 * Starts a topology and times it from the createTopology() call to serving;
 * the caller must `downTopology()` it.
 */
async function timedTopology(o) {
    const cpu0 = (0, cpu_1.serverCpuMs)();
    const t0 = process.hrtime.bigint();
    const topology = await (0, topology_1.createTopology)(o);
    live.add(topology);
    try {
        await serving(topology, o.replicas ?? 3);
    }
    catch (err) {
        await downTopology(topology);
        throw err;
    }
    const ms = (0, load_1.round)(Number(process.hrtime.bigint() - t0) / 1e6, 0);
    if ((o.replicas ?? 3) === 3)
        exports.bootSamples[o.store].push({ ms, cpuMs: (0, load_1.round)((0, cpu_1.serverCpuMs)() - cpu0, 0) });
    return { topology, ms };
}
/**
 * The driver picks free ports and binds them later: on a busy machine another
 * process can take one in between. That boot is tried once more; any other
 * failure is the topology's and is thrown.
 */
async function bootRetryingPortRace(o) {
    try {
        return (await timedTopology(o)).topology;
    }
    catch (err) {
        if (!/EADDRINUSE/.test(err instanceof Error ? err.message : String(err)))
            throw err;
        process.stderr.write('  a port picked for the topology was taken by another process before it bound it; booting again\n');
        return (await timedTopology(o)).topology;
    }
}
/** A started topology that is torn down after `fn`, whatever happens, and on Ctrl-C. */
async function withTopology(o, fn) {
    const topology = await bootRetryingPortRace(o);
    try {
        return await fn(topology);
    }
    finally {
        await downTopology(topology);
    }
}
async function downTopology(t) {
    live.delete(t);
    await t.down();
}
async function downAllTopologies() {
    await Promise.allSettled([...live].map((t) => t.down()));
}
//# sourceMappingURL=lab.js.map