"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ScenarioError = exports.REPLICAS = exports.CLIENTS = void 0;
exports.runScenario = runScenario;
exports.makeClients = makeClients;
exports.closeAll = closeAll;
exports.all = all;
exports.shuffled = shuffled;
exports.fill = fill;
exports.placement = placement;
exports.clientsOn = clientsOn;
exports.lostClients = lostClients;
exports.cartsCheck = cartsCheck;
exports.unmovedRow = unmovedRow;
exports.spread = spread;
exports.tally = tally;
// What every scenario runner shares: a started topology that is always torn
// down, a crowd of lab clients recording into one history, and the evidence
// a failed assertion prints.
const client_1 = require("../client");
const topology_1 = require("../topology");
const evidence_1 = require("./evidence");
const nemesis_1 = require("./nemesis");
const row_1 = require("./row");
const timeline_1 = require("./timeline");
/** Enough clients for percentages to mean something, few requests each. */
exports.CLIENTS = 30;
exports.REPLICAS = 3;
/** Thrown when a runner itself fails (e.g. a bounded wait timed out): carries the evidence. */
class ScenarioError extends Error {
    evidence;
    constructor(message, evidence) {
        super(message);
        this.evidence = evidence;
    }
}
exports.ScenarioError = ScenarioError;
/** Boots a topology for `params`, runs `body`, collects evidence, always tears down. */
async function runScenario(params, options, body) {
    const started = Date.now();
    const { strategy, store, balancer, redisPersistence } = params;
    const topo = await (0, topology_1.createTopology)({ strategy, store, replicas: exports.REPLICAS, ...(balancer ? { balancer } : {}), ...(redisPersistence ? { redisPersistence } : {}) });
    const history = new client_1.History();
    try {
        const status = await topo.status();
        const replicas = status.replicas.map((r) => r.name);
        const run = { topo, nemesis: new nemesis_1.Nemesis(topo, history), params, history, replicas, skus: await (0, client_1.catalogSkus)(topo.url) };
        let out;
        try {
            out = await body(run);
        }
        catch (err) {
            throw new ScenarioError(err.message, await (0, evidence_1.collectEvidence)(topo, history));
        }
        const duration_ms = Date.now() - started;
        const timeline = (0, timeline_1.timelineOf)(history, { replicas });
        const rows = out.rows.map((r, i) => ({ ...r, driver: topo.driver, balancer: topo.balancer, duration_ms, ...(i === 0 ? { timeline } : {}) }));
        return { rows, facts: out.facts, history, evidence: await (0, evidence_1.collectEvidence)(topo, history) };
    }
    finally {
        const down = topo.down();
        if (options?.deferTeardown)
            options.deferTeardown(down);
        else
            await down;
    }
}
/** `n` clients named c01…, each from its own /24 unless `address` says otherwise. */
function makeClients(run, n = exports.CLIENTS, address = client_1.userAddress, prefix = 'c') {
    return Array.from({ length: n }, (_, i) => new client_1.LabClient({
        name: `${prefix}${String(i + 1).padStart(2, '0')}`,
        baseUrl: run.topo.url,
        sourceAddress: address(i),
        history: run.history,
    }));
}
function closeAll(clients) {
    for (const c of clients)
        c.close();
}
let round = 0;
/**
 * Every client does `fn` concurrently, started in a fresh shuffled order each
 * call (see `shuffled`); results come back in the clients' own order.
 */
function all(clients, fn) {
    const order = shuffled(clients.map((_, i) => i), ++round);
    const results = new Array(clients.length);
    for (const i of order)
        results[i] = fn(clients[i], i);
    return Promise.all(results);
}
/**
 * The clients in a reproducible pseudo-random order. A crowd that always
 * sends in the same order meets round robin in lockstep (30 clients, 3
 * replicas: client i always gets slot i mod 3) and hides the flicker a real
 * user sees; shuffling each round breaks the lockstep.
 */
function shuffled(items, seed) {
    const out = [...items];
    let x = (seed * 2654435761) >>> 0 || 1;
    for (let i = out.length - 1; i > 0; i--) {
        x = (x * 1664525 + 1013904223) >>> 0;
        const j = x % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}
/** Each client adds the SKU picked by its index: the cart the fault may destroy. */
function fill(run, clients, offset = 0) {
    return all(clients, (c, i) => c.addItem(run.skus[(i + offset) % run.skus.length], 1));
}
/**
 * Every client reads its cart `times` times; returns client → replica of its
 * last answer. A client never answered is absent (the checkers call that unknown).
 */
async function placement(clients, times = 1) {
    const out = {};
    for (let k = 0; k < times; k++) {
        const replies = await all(clients, (c) => c.getCart());
        replies.forEach((r, i) => r.servedBy && (out[clients[i].name] = r.servedBy));
    }
    return out;
}
/** Clients (names) whose replica is `replica` in a placement. */
function clientsOn(place, replica) {
    return Object.keys(place)
        .filter((c) => place[c] === replica)
        .sort();
}
/** Names of clients that lost an acknowledged item, judged over `history`. */
function lostClients(check) {
    return [...new Set(check.lost.map((l) => l.client))].sort();
}
/** The cart check and the names it found lost, in one call. */
function cartsCheck(history, opts) {
    const check = (0, client_1.ackedItemsLost)(history, opts);
    return { check, lost: lostClients(check) };
}
/** A row for a scenario that moves no client on purpose: the cart check over `history`, nobody moved. */
function unmovedRow(id, run, f) {
    return (0, row_1.matrixRow)(id, run.params, { ...f, lost: cartsCheck(f.history).check, moved: 0, replicas: run.replicas });
}
/** How many clients landed on each replica, as `app1 ×10, app3 ×5`. */
function spread(place, among) {
    return tally(Object.entries(place).filter(([c]) => !among || among.includes(c)).map(([, r]) => r));
}
/** Occurrences of each value, sorted: `app1 ×10, app3 ×5`. */
function tally(xs) {
    return [...new Set(xs)]
        .sort()
        .map((x) => `${x} ×${xs.filter((y) => y === x).length}`)
        .join(', ');
}
//# sourceMappingURL=harness.js.map