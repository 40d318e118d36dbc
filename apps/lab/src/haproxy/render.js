"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HAPROXY_STRATEGIES = void 0;
exports.formatAddress = formatAddress;
exports.runGenerator = runGenerator;
exports.renderHaproxy = renderHaproxy;
const node_child_process_1 = require("node:child_process");
const promises_1 = require("node:fs/promises");
const paths_1 = require("./paths");
/** The nginx strategies plus two only HAProxy has. */
exports.HAPROXY_STRATEGIES = [
    'round-robin',
    'ip-hash',
    'consistent-hash',
    'sticky-cookie',
    'url-hash',
    'stick-table',
    'bounded-load',
];
function formatAddress({ host, port }) {
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
function generatorInput(o) {
    const names = (pick) => o.replicas.filter(pick).map((r) => r.name).join(' ');
    const optional = {
        LAB_CHECK_INTER: o.checkInter,
        LAB_SERVER_TIMEOUT: o.serverTimeout,
        LAB_STICK_EXPIRE: o.stickExpire,
        LAB_BALANCE_FACTOR: o.balanceFactor === undefined ? undefined : String(o.balanceFactor),
        LAB_PEERS: o.peers?.peers.map((p) => `${p.name}=${formatAddress(p)}`).join(' '),
        LAB_LOCAL_PEER: o.peers?.local,
    };
    return {
        LB_STRATEGY: o.strategy,
        LAB_REPLICAS: o.replicas.map((r) => `${r.name}=${formatAddress(r)}`).join(' '),
        LAB_DOWN: names((r) => r.down),
        LAB_DRAIN: names((r) => r.drain && !r.down),
        LAB_LISTEN: formatAddress(o.listen),
        LAB_GENERATION: String(o.generation),
        LAB_ADMIN_SOCKET: (0, paths_1.haproxyRunPaths)(o.runDir).socket,
        ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    };
}
/**
 * Runs haproxy/lab-haproxy.sh (the one implementation of the config, shared
 * with images) with only PATH and the inputs in its environment, so the
 * user's own environment cannot leak into the config.
 */
function runGenerator(input) {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...input };
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)('sh', [(0, paths_1.generatorScript)()], { env, timeout: 15_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(stderr.trim() || `${(0, paths_1.generatorScript)()} failed: ${err.message}`));
            else
                resolve(stdout);
        });
    });
}
/** Renders the config into runDir (in place, for reloads) and records what a start or reload must confirm. */
async function renderHaproxy(o) {
    if (!o.replicas.length)
        throw new Error('renderHaproxy: no replicas');
    const p = (0, paths_1.haproxyRunPaths)(o.runDir);
    await (0, promises_1.mkdir)(o.runDir, { recursive: true });
    const text = await runGenerator(generatorInput(o));
    await (0, promises_1.writeFile)(p.conf, text);
    const meta = { listen: o.listen, generation: o.generation, strategy: o.strategy, localPeer: o.peers?.local };
    await (0, promises_1.writeFile)(p.meta, JSON.stringify(meta, null, 2));
    return { confPath: p.conf, socketPath: p.socket, text, meta };
}
//# sourceMappingURL=render.js.map