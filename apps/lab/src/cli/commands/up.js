"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = void 0;
const node_net_1 = require("node:net");
const control_1 = require("../../control");
const topology_1 = require("../../topology/topology");
const args_1 = require("../args");
const detach_1 = require("../detach");
const output_1 = require("../output");
const state_1 = require("../state");
const summary_1 = require("../summary");
const supervisor_1 = require("../supervisor");
const USAGE = `up [--strategy S] [--store memory|redis] [--redis-persistence none|aof] [--replicas N] [--port P] [--dashboard-port P] [--detach] [--json]

  --strategy S         ${topology_1.STRATEGIES.join(' | ')} (default ip-hash)
  --store S            memory | redis (default memory)
  --redis-persistence  none | aof (default none; needs --store redis): aof keeps the carts across \`lab redis restart\`
  --replicas N         replicas app1..appN, 1-${control_1.MAX_REPLICAS} (default 3)
  --port P             nginx port on 127.0.0.1 (default 8080; 0 = a free port)
  --dashboard-port P   control API and dashboard on 127.0.0.1 (default 8081; 0 = a free port)
  --detach             run in the background; stop it with \`npm run lab -- down\`
  --json               print the status as JSON

In the foreground, Ctrl-C tears everything down (a second Ctrl-C forces).`;
function parseUp(argv) {
    const { values } = (0, args_1.parseCommand)(argv, {
        strategy: { type: 'string' },
        store: { type: 'string' },
        'redis-persistence': { type: 'string' },
        replicas: { type: 'string' },
        port: { type: 'string' },
        'dashboard-port': { type: 'string' },
        detach: { type: 'boolean' },
    }, { min: 0, max: 0 });
    const store = (0, args_1.oneOf)(values.store, '--store', topology_1.STORES, 'memory');
    // A persistence choice for a Redis that will not exist is a mistake to name, not to ignore.
    if (values['redis-persistence'] !== undefined && store !== 'redis') {
        throw new output_1.UsageError('--redis-persistence needs --store redis (the memory store has no Redis to persist)');
    }
    return {
        strategy: (0, args_1.oneOf)(values.strategy, '--strategy', topology_1.STRATEGIES, 'ip-hash'),
        store,
        redisPersistence: (0, args_1.oneOf)(values['redis-persistence'], '--redis-persistence', topology_1.REDIS_PERSISTENCE, 'none'),
        replicas: (0, args_1.intValue)(values.replicas, '--replicas', 1, control_1.MAX_REPLICAS, 3),
        port: (0, args_1.intValue)(values.port, '--port', 0, 65535, 8080),
        dashboardPort: (0, args_1.intValue)(values['dashboard-port'], '--dashboard-port', 0, 65535, 8081),
        detach: !!values.detach,
        json: !!values.json,
    };
}
const PORT_HINT = {
    port: 'nginx',
    'dashboard-port': 'control server and dashboard',
};
/**
 * nginx (or the control server) would fail late and cryptically on a taken
 * port; say it before booting anything.
 */
async function ensurePortFree(port, option) {
    if (port === 0)
        return;
    await new Promise((resolve, reject) => {
        const probe = (0, node_net_1.createServer)();
        probe.once('error', (err) => reject(err.code === 'EADDRINUSE' || err.code === 'EACCES'
            ? new output_1.CliError(`port ${port} (${PORT_HINT[option]}) ${err.code === 'EACCES' ? 'needs privileges this user lacks' : 'is in use (another lab or server?)'} — pick another with --${option}, or --${option} 0 for a free one`)
            : err));
        probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
}
/**
 * Everything that can be refused is refused before anything boots, in the
 * order that points at the real cause: a live lab first, then the leftovers
 * of a dead one (whose nginx may still hold the port), then the ports.
 */
async function preflight(opts, io) {
    if (opts.port !== 0 && opts.port === opts.dashboardPort) {
        throw new output_1.UsageError(`--port and --dashboard-port are both ${opts.port}: nginx and the dashboard need a port each`);
    }
    await (0, supervisor_1.ensureNoLiveLab)((0, state_1.stateDir)(io.env, io.cwd));
    await ensurePortFree(opts.port, 'port');
    await ensurePortFree(opts.dashboardPort, 'dashboard-port');
}
exports.up = {
    name: 'up',
    summary: 'start nginx + replicas (+ redis) and keep them running',
    usage: USAGE,
    async run(argv, io) {
        const opts = parseUp(argv);
        await preflight(opts, io);
        if (!opts.detach)
            return (0, supervisor_1.supervise)(opts, io);
        const status = await (0, detach_1.detach)(opts, io);
        if (opts.json) {
            (0, output_1.printJson)(io, status);
            return 0;
        }
        io.out(`${(0, output_1.paint)(io, 'green', 'Sticky Sessions Lab is up')} (in the background)\n\n${(0, summary_1.renderStatus)(io, status)}`);
        io.out(`  ${(0, output_1.paint)(io, 'gray', `supervisor log: ${status.log_file}`)}\n\n${(0, summary_1.walkthrough)(io, status, await (0, summary_1.replicaServingMe)(status))}`);
        return 0;
    },
};
//# sourceMappingURL=up.js.map