"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TwoDoorUser = exports.ID = void 0;
exports.run = run;
exports.variantRow = variantRow;
// Two balancer instances in front of the SAME replicas. Variant "alternate":
// every user's requests go to lb1 and lb2 in turn (DNS round robin over two
// balancers). Variant "lb1 dies": users talk to lb1, lb1 is SIGKILLed, they
// switch to lb2. Does a user keep its replica across balancers?
const client_1 = require("../client");
const harness_1 = require("./harness");
const extra_balancer_1 = require("./extra-balancer");
const nemesis_1 = require("./nemesis");
const row_1 = require("./row");
const free_port_1 = require("../util/free-port");
const wait_1 = require("../util/wait");
exports.ID = 'balancer-failover';
/** One user, two doors: a lab client per balancer, one cookie jar between them (a browser behind a DNS name with two addresses). */
class TwoDoorUser {
    doors;
    constructor(doors) {
        this.doors = doors;
    }
    get name() {
        return this.doors[0].name;
    }
    /** The client for balancer `i`, holding every cookie the user got through either door. */
    via(i) {
        const [to, from] = [this.doors[i], this.doors[1 - i]];
        for (const [k, v] of Object.entries(from.cookies()))
            to.setCookie(k, v);
        return to;
    }
    close() {
        (0, harness_1.closeAll)(this.doors);
    }
}
exports.TwoDoorUser = TwoDoorUser;
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const engine = params.balancer ?? 'nginx';
        const stick = params.strategy === 'stick-table';
        const plan = [
            { key: 'alternate', name: 'alternate', peers: false, kill: false },
            { key: 'lb1Dies', name: 'lb1 dies', peers: false, kill: true },
            ...(stick && engine === 'haproxy'
                ? [
                    { key: 'alternatePeers', name: 'alternate, peers', peers: true, kill: false },
                    { key: 'lb1DiesPeers', name: 'lb1 dies, peers', peers: true, kill: true },
                ]
                : []),
        ];
        const rows = [];
        const facts = {};
        for (const [n, v] of plan.entries()) {
            const out = await variant(r, { ...v, offset: n * harness_1.CLIENTS, prefix: String.fromCharCode(97 + n) });
            rows.push(out.row);
            facts[v.key] = out.facts;
        }
        return { rows, facts: facts };
    });
}
async function variant(r, v) {
    const own = new client_1.History();
    const pair = await startPair(r, v.peers);
    const users = Array.from({ length: harness_1.CLIENTS }, (_, i) => twoDoorUser(`${v.prefix}${String(i + 1).padStart(2, '0')}`, (0, client_1.userAddress)(v.offset + i), pair, own));
    try {
        const facts = v.kill ? await lb1Dies(r, own, users, pair, v.peers) : await alternate(r, users, pair, v.peers);
        const row = variantRow(r, v.name, own, users.length, facts);
        return { row, facts: facts.facts };
    }
    catch (err) {
        err.message += `\n${pairEvidence(pair)}`;
        throw err;
    }
    finally {
        for (const u of users)
            u.close();
        for (const e of own.ops)
            r.history.record(e);
        await Promise.all(pair.map((b) => b.close()));
    }
}
function twoDoorUser(name, sourceAddress, pair, history) {
    const door = (b) => new client_1.LabClient({ name, baseUrl: b.url, sourceAddress, history });
    return new TwoDoorUser([door(pair[0]), door(pair[1])]);
}
/** lb1 and lb2 from the topology's replica list, in the same order; with `peers`, sharing one stick table. */
async function startPair(r, peers) {
    const status = await r.topo.status();
    const upstreams = status.replicas.map((x) => (0, extra_balancer_1.upstreamOf)(x.name, x.url));
    const engine = r.params.balancer ?? 'nginx';
    const shared = peers ? await peerList() : undefined;
    const start = (name) => (0, extra_balancer_1.startExtraBalancer)({ engine, strategy: r.params.strategy, name, upstreams, ...(shared ? { peers: { ...shared, local: name } } : {}) });
    const lb1 = await start('lb1');
    try {
        return [lb1, await start('lb2')];
    }
    catch (err) {
        await lb1.close();
        throw err;
    }
}
async function peerList() {
    return { peers: [{ name: 'lb1', host: '127.0.0.1', port: await (0, free_port_1.freePort)() }, { name: 'lb2', host: '127.0.0.1', port: await (0, free_port_1.freePort)() }] };
}
/** add via lb1, read via lb2, read via lb1, add via lb2, read via lb1, read via lb2. */
async function alternate(r, users, pair, peers) {
    const sku = (i, k) => r.skus[(i + k) % r.skus.length];
    const steps = [
        [0, (c, i) => c.addItem(sku(i, 0), 1)],
        [1, (c) => c.getCart()],
        [0, (c) => c.getCart()],
        [1, (c, i) => c.addItem(sku(i, 1), 1)],
        [0, (c) => c.getCart()],
        [1, (c) => c.getCart()],
    ];
    for (const [k, [door, step]] of steps.entries()) {
        await (0, harness_1.all)(users.map((u) => u.via(door)), step);
        if (k === 0 && peers)
            await untilLearnt(pair[1], users.length);
    }
    const history = users[0].doors[0].history;
    const movedClients = users.filter((u) => (0, client_1.replicasSeenBy)(history, u.name).length > 1).map((u) => u.name);
    const last = await (0, harness_1.placement)(users.map((u) => u.via(1)));
    return { facts: { movedClients, lostClients: (0, harness_1.cartsCheck)(history).lost, spread: (0, harness_1.spread)(last) }, moved: movedClients.length };
}
/** Users fill through lb1; lb1 is killed; they go on through lb2. */
async function lb1Dies(r, own, users, pair, peers) {
    await (0, harness_1.all)(users.map((u) => u.via(0)), (c, i) => c.addItem(r.skus[i % r.skus.length], 1));
    const before = await (0, harness_1.placement)(users.map((u) => u.via(0)), 2);
    if (peers)
        await untilLearnt(pair[1], users.length);
    await new nemesis_1.Nemesis(r.topo, own).killBalancer(pair[0].name, pair[0]);
    const deadProbe = await probeDead(users.slice(0, 3).map((u) => u.via(0)));
    await (0, harness_1.all)(users.map((u) => u.via(1)), (c) => c.getCart());
    await (0, harness_1.all)(users.map((u) => u.via(1)), (c, i) => c.addItem(r.skus[(i + 1) % r.skus.length], 1));
    const later = await (0, harness_1.placement)(users.map((u) => u.via(1)), 2);
    const stayed = (0, client_1.clientsStayed)(before, later);
    const facts = { movedClients: stayed.moves.map((m) => m.client).sort(), lostClients: (0, harness_1.cartsCheck)(own).lost, spread: (0, harness_1.spread)(later), deadProbe };
    return { facts, moved: stayed };
}
/**
 * A request to the dead balancer must fail, and fast (connection refused),
 * never hang: its outcome lands in the history like any other request.
 */
async function probeDead(clients) {
    const replies = await Promise.all(clients.map(async (c) => {
        const t0 = Date.now();
        const reply = await c.root();
        return { answered: !!reply.servedBy, ms: Date.now() - t0 };
    }));
    return { sent: replies.length, answered: replies.filter((x) => x.answered).length, slowestMs: Math.max(...replies.map((x) => x.ms)) };
}
/** Peers push entries asynchronously: wait (bounded) until lb2 holds one per user. */
async function untilLearnt(lb, n) {
    await (0, wait_1.waitFor)(`${lb.name} to learn ${n} stick entries through peers`, async () => (await lb.stickTable()).length >= n, { timeoutMs: 10_000, intervalMs: 100 });
}
/**
 * The row of one variant. The probes sent to the dead lb1 fail by design and
 * are left out: the row counts what users felt through the live balancers.
 */
function variantRow(r, name, own, clients, m) {
    const counted = own.ops.filter((op) => (0, client_1.isFault)(op) || op.op !== 'root');
    const lost = (0, harness_1.cartsCheck)(counted);
    const note = `${m.facts.movedClients.length} of ${clients} users changed replica; at the end ${m.facts.spread || 'nobody placed'}`;
    return (0, row_1.matrixRow)(exports.ID, r.params, { variant: name, clients, lost: lost.check, moved: m.moved, history: counted, replicas: r.replicas, note });
}
function pairEvidence(pair) {
    return pair.map((b) => `==== ${b.name} config ====\n${b.config()}\n---- ${b.name} error log (tail) ----\n${b.errorLog().split('\n').slice(-20).join('\n')}`).join('\n');
}
//# sourceMappingURL=balancer-failover.js.map