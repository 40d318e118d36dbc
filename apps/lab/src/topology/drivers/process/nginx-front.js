"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startNginxFront = startNginxFront;
// The process driver's nginx: render the strategy for the current replica
// list, start the machine's binary, reload with a new generation (NginxProcess
// confirms each generation, tagged with this front's random instance token,
// through /__lab/generation: a stranger on the port cannot pass for it).
const node_crypto_1 = require("node:crypto");
const nginx_1 = require("../../../nginx");
const process_1 = require("../../../nginx/process");
const free_port_1 = require("../../../util/free-port");
/** Attempts when a port picked for nginx is taken between the pick and nginx's bind. */
const PORT_ATTEMPTS = 5;
async function startNginxFront(opts) {
    const binary = (0, nginx_1.nginxBinary)();
    const version = await (0, nginx_1.nginxVersion)(binary);
    const instance = (0, node_crypto_1.randomBytes)(6).toString('hex');
    let generation = 1;
    let port = opts.port || (await (0, free_port_1.freePort)());
    const render = (replicas) => (0, nginx_1.renderNginx)({
        strategy: opts.strategy,
        replicas,
        listen: { host: '127.0.0.1', port },
        runDir: opts.runDir,
        generation,
        instance,
        binary,
        version,
        proxyReadTimeout: opts.proxyReadTimeout,
    });
    let rendered = await render(opts.replicas);
    let proc;
    for (let attempt = 1; !proc; attempt += 1) {
        try {
            proc = await nginx_1.NginxProcess.start({ runDir: opts.runDir, confPath: rendered.confPath, binary });
        }
        catch (err) {
            if (!(err instanceof process_1.NginxPortInUseError) || opts.port || attempt >= PORT_ATTEMPTS)
                throw err;
            port = await (0, free_port_1.freePort)();
            rendered = await render(opts.replicas);
        }
    }
    return front(proc, version, () => rendered, async (replicas) => {
        generation += 1;
        rendered = await render(replicas);
        await proc.reload(rendered.confPath, generation);
    });
}
function front(proc, version, rendered, reload) {
    return {
        url: proc.url,
        version,
        get pid() {
            return proc.running ? proc.pid : undefined;
        },
        get state() {
            return proc.dead ? 'dead' : 'running';
        },
        get stickyMode() {
            return rendered().stickyMode === 'native' ? 'native' : 'portable';
        },
        reload: async (replicas) => {
            if (proc.dead)
                throw new Error(`nginx is dead (its master exited: ${proc.lastErrors()}); run down and up again`);
            await reload(replicas);
        },
        stop: () => proc.stop(),
        kill: () => proc.kill(),
        errorLog: () => proc.errorLog(),
        accessLog: () => proc.accessLog(),
        config: () => rendered().text,
    };
}
//# sourceMappingURL=nginx-front.js.map