"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upstreamOf = upstreamOf;
exports.startExtraBalancer = startExtraBalancer;
// Balancer instances a scenario starts itself in front of a topology's
// replicas (the topology runs one balancer; failover needs two it can kill
// one of, and peers it configures). Built from the public API of the nginx
// and HAProxy modules: the same templates the topology renders.
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const haproxy_1 = require("../haproxy");
const nginx_1 = require("../nginx");
const process_1 = require("../nginx/process");
const free_port_1 = require("../util/free-port");
const reaper_1 = require("../util/reaper");
const ATTEMPTS = 3;
/** `http://127.0.0.1:41234` → `{ host, port }`, for the upstream list of a second balancer. */
function upstreamOf(name, url) {
    const u = new URL(url);
    return { name, host: u.hostname, port: Number(u.port) };
}
async function startExtraBalancer(o) {
    if (o.peers && o.engine !== 'haproxy')
        throw new RangeError('peers exist only for HAProxy stick tables');
    const runDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), `lab-${o.name}-`));
    try {
        const started = o.engine === 'haproxy' ? await startHaproxy(o, runDir) : await startNginx(o, runDir);
        const untrack = (0, reaper_1.trackPids)(() => [started.pid], runDir);
        let closed = false;
        return {
            name: o.name,
            url: started.url,
            kill: () => started.kill(),
            close: async () => {
                if (closed)
                    return;
                closed = true;
                await started.stop();
                untrack();
                await (0, promises_1.rm)(runDir, { recursive: true, force: true });
            },
            stickTable: () => (started instanceof haproxy_1.HaproxyProcess ? started.api.stickTable() : Promise.resolve([])),
            config: () => started.config(),
            errorLog: () => started.errorLog(),
        };
    }
    catch (err) {
        await (0, promises_1.rm)(runDir, { recursive: true, force: true });
        throw err;
    }
}
async function startHaproxy(o, runDir) {
    const listen = { host: '127.0.0.1', port: o.port ?? (await (0, free_port_1.freePort)()) };
    // The HAProxy renderer knows two strategies nginx does not; every common one is a HaproxyStrategy.
    await (0, haproxy_1.renderHaproxy)({ strategy: o.strategy, replicas: o.upstreams, listen, runDir, generation: 1, ...(o.peers ? { peers: o.peers } : {}) });
    return haproxy_1.HaproxyProcess.start({ runDir });
}
async function startNginx(o, runDir) {
    const instance = (0, node_crypto_1.randomBytes)(6).toString('hex');
    for (let attempt = 1;; attempt++) {
        const listen = { host: '127.0.0.1', port: o.port ?? (await (0, free_port_1.freePort)()) };
        const rendered = await (0, nginx_1.renderNginx)({ strategy: o.strategy, replicas: o.upstreams, listen, runDir, generation: 1, instance });
        try {
            return await nginx_1.NginxProcess.start({ runDir, confPath: rendered.confPath });
        }
        catch (err) {
            if (!(err instanceof process_1.NginxPortInUseError) || o.port || attempt >= ATTEMPTS)
                throw err;
        }
    }
}
//# sourceMappingURL=extra-balancer.js.map