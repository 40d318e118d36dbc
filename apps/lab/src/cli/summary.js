"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WALKTHROUGH_SKU = exports.JAR = exports.STATS_LEGEND = void 0;
exports.replicaTable = replicaTable;
exports.renderStatus = renderStatus;
exports.walkthrough = walkthrough;
exports.replicaServingMe = replicaServingMe;
const client_1 = require("../client");
const output_1 = require("./output");
const table_1 = require("./table");
const STATE_COLOUR = {
    starting: 'gray',
    running: 'green',
    stopped: 'yellow',
    killed: 'red',
    paused: 'cyan',
};
const STICKY = {
    native: 'native `sticky cookie` directive',
    portable: 'portable route-cookie form (map + per-replica backup pools)',
    'n/a': 'n/a',
};
// `n/a`: the redis store keeps sessions in Redis, not per replica;
// `?`: the replica did not answer /stats (not running, paused, or too slow).
const count = (r, value) => (r.stats ? (value(r.stats) ?? 'n/a') : '?').toString();
const STATS_COLUMNS = [
    { header: 'sessions', value: (r) => count(r, (s) => s.sessions), align: 'right' },
    { header: 'requests', value: (r) => count(r, (s) => s.requests_served), align: 'right' },
];
exports.STATS_LEGEND = 'PROCESS: what the lab last did to it. BALANCER: how nginx treats its server line (in rotation; drained = `server … down`; nginx dead = nothing is balanced). SESSIONS n/a: kept in Redis, not per replica; ?: the replica did not answer.';
function balancerView(io, r, nginx) {
    if (nginx === 'dead')
        return (0, output_1.paint)(io, 'red', 'nginx dead');
    return r.drained ? (0, output_1.paint)(io, 'yellow', 'drained') : 'in rotation';
}
/** Replicas as a table; with stats (from `withStats`) also sessions held and requests served. */
function replicaTable(io, replicas, nginx = 'running') {
    const columns = [
        { header: 'name', value: (r) => (0, output_1.paint)(io, 'bold', r.name) },
        { header: 'process', value: (r) => (0, output_1.paint)(io, STATE_COLOUR[r.state], r.state) },
        { header: 'balancer', value: (r) => balancerView(io, r, nginx) },
        { header: 'pid', value: (r) => (r.pid ? String(r.pid) : '-'), align: 'right' },
        { header: 'port', value: (r) => (r.port ? String(r.port) : '-'), align: 'right' },
        ...(replicas.some((r) => 'stats' in r) ? STATS_COLUMNS : []),
        { header: 'direct url', value: (r) => r.url },
    ];
    return (0, table_1.renderTable)(columns, replicas, '  ');
}
function field(io, label, value) {
    return `  ${(0, output_1.paint)(io, 'gray', label.padEnd(10))} ${value}`;
}
/** The block `up` and `status` print: where to go, what runs, each replica. */
function renderStatus(io, status) {
    const lines = [
        field(io, 'URL', (0, output_1.paint)(io, 'bold', status.url)),
        status.dashboard_url
            ? field(io, 'dashboard', status.dashboard_url)
            : field(io, 'control', `${status.control_url}/api/status`),
        field(io, 'strategy', status.strategy),
        field(io, 'store', status.store),
        field(io, 'nginx', nginxLine(io, status)),
    ];
    if (status.redis)
        lines.push(field(io, 'redis', redisLine(status.redis)));
    lines.push(field(io, 'driver', `${status.driver}, supervisor pid ${status.pid}, up since ${status.started_at}`));
    const nginx = status.nginx.state ?? 'running';
    const legend = status.replicas.some((r) => 'stats' in r) ? ['', (0, output_1.paint)(io, 'gray', wrap(exports.STATS_LEGEND, '  '))] : [];
    return [...lines, '', replicaTable(io, status.replicas, nginx), ...legend].join('\n');
}
/** Persistence is named only when the driver reports it: a guess would be a lie about what a restart keeps. */
function redisLine(redis) {
    const kept = { none: 'no persistence: a restart empties it', aof: 'AOF persistence: a restart keeps the carts' };
    return `${redis.url} (${redis.state})${redis.persistence ? `, ${kept[redis.persistence]}` : ''}`;
}
function nginxLine(io, status) {
    const state = status.nginx.state ?? 'running';
    const sticky = status.strategy === 'sticky-cookie' ? `, ${STICKY[status.nginx.sticky]}` : '';
    return `${status.nginx.version}${sticky}, ${state === 'dead' ? (0, output_1.paint)(io, 'red', 'dead (nothing answers on the URL)') : 'running'}`;
}
/** One sentence per line, indented, so the legend reads under an 80-column table. */
const wrap = (text, indent) => text.split(/(?<=\.) /).map((l) => indent + l).join('\n');
exports.JAR = '/tmp/lab.jar';
exports.WALKTHROUGH_SKU = 'sku-coffee';
/**
 * The walk-through `up` prints and the README quotes (a test keeps the two
 * equal and runs it). `served` is the replica a curl from this machine lands
 * on when the strategy pins by client address; otherwise the user reads it
 * from the reply.
 */
function walkthrough(io, status, served) {
    const victim = served ?? status.replicas[1]?.name ?? status.replicas[0]?.name ?? 'app1';
    const which = served ? 'the replica that served you' : 'or whichever served_by you saw';
    const outcome = status.store === 'redis' ? 'the cart survives: it lives in Redis' : 'the cart lived in its memory';
    const add = `curl -s -c ${exports.JAR} -b ${exports.JAR} -H 'content-type: application/json' -d '{"sku":"${exports.WALKTHROUGH_SKU}","qty":2}' ${status.url}/cart/items`;
    const lines = [
        `shop page  ${status.url}/ui/`,
        `dashboard  ${status.dashboard_url ?? `(none) control API ${status.control_url}/api/status`}`,
        add,
        `curl -s -b ${exports.JAR} ${status.url}/cart`,
        `npm run lab -- stop ${victim}      # ${which}; ${outcome}`,
        `curl -s -b ${exports.JAR} ${status.url}/cart`,
        `npm run lab -- down`,
    ];
    return [(0, output_1.paint)(io, 'bold', 'Try it:'), ...lines.map((l) => `  ${l}`)].join('\n');
}
/** Who serves a plain curl from this machine, for strategies that pin by address. */
async function replicaServingMe(status) {
    if (status.strategy !== 'ip-hash' && status.strategy !== 'consistent-hash')
        return undefined;
    const client = new client_1.LabClient({ name: 'cli-hint', baseUrl: status.url, sourceAddress: '127.0.0.1', timeoutMs: 3_000 });
    try {
        return (await client.root()).servedBy;
    }
    finally {
        client.close();
    }
}
//# sourceMappingURL=summary.js.map