"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contractDrivers = contractDrivers;
// Which drivers the contract suite runs on, and what it needs from each that
// the Topology interface does not offer (a fault from outside the lab).
const node_child_process_1 = require("node:child_process");
const compose_1 = require("../../apps/lab/src/topology/drivers/compose");
const topology_1 = require("../../apps/lab/src/topology");
const topology_2 = require("./topology");
const CASES = {
    process: {
        driver: 'process',
        unavailable(store) {
            const missing = (0, topology_2.missingBinaries)(store);
            return missing.length ? `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})` : null;
        },
        async killFromOutside(topo, name) {
            const pid = (await topo.status()).replicas.find((r) => r.name === name)?.pid;
            if (!pid)
                throw new Error(`${name} has no pid to kill`);
            process.kill(pid, 'SIGKILL');
        },
    },
    compose: {
        driver: 'compose',
        unavailable() {
            const why = (0, compose_1.composeUnavailableReason)();
            return why ? `no Docker engine/Compose answers (${why})` : null;
        },
        async killFromOutside(topo, name) {
            // Another shell's `docker kill`: the container found by the engine's labels, not through the lab.
            const project = topo.projectName;
            const ids = (0, node_child_process_1.execFileSync)('docker', ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`, '--filter', `label=com.docker.compose.service=${name}`], { timeout: 30_000 })
                .toString().trim().split('\n').filter(Boolean);
            if (ids.length !== 1)
                throw new Error(`expected one running ${name} container in ${project}, found ${ids.length}`);
            (0, node_child_process_1.execFileSync)('docker', ['kill', ids[0]], { timeout: 30_000, stdio: 'ignore' });
        },
    },
};
/**
 * Drivers named by LAB_DRIVER (one, or a comma-separated list), default
 * `process`; an unknown name fails loudly rather than testing nothing.
 */
function contractDrivers(env = process.env.LAB_DRIVER) {
    const names = (env || 'process').split(',').map((s) => s.trim()).filter(Boolean);
    for (const n of names) {
        if (!topology_1.DRIVERS.includes(n))
            throw new Error(`unknown LAB_DRIVER "${n}": use ${topology_1.DRIVERS.join(', ')}`);
    }
    return [...new Set(names)].map((n) => CASES[n]);
}
//# sourceMappingURL=topology-contract.js.map