"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopologyCore = void 0;
exports.checkReplicaCount = checkReplicaCount;
const errors_1 = require("./errors");
const names_1 = require("./names");
const routing_1 = require("./routing");
const transitions_1 = require("./transitions");
const REDIS_FROM = {
    pause: ['running'],
    resume: ['paused'],
    restart: ['running', 'paused', 'stopped'],
};
/** Checks a replica count before anything starts; the same words for every driver. */
function checkReplicaCount(n) {
    if (!Number.isInteger(n) || n < 1) {
        throw new errors_1.TopologyError('invalid-argument', `replicas must be a whole number ≥ 1, got ${n}`);
    }
    return n;
}
class TopologyCore {
    strategy;
    store;
    balancer;
    /** Replicas in the balancer's list (running or not), in name order. */
    members = new Set();
    drained = new Set();
    queue = Promise.resolve();
    downing;
    constructor(opts) {
        this.strategy = opts.strategy;
        this.store = opts.store;
        this.balancer = opts.balancer ?? 'nginx';
    }
    // ---- shared bookkeeping for drivers -------------------------------------
    /** Current replica names, `app2` before `app10`. */
    names() {
        return [...this.members].sort(names_1.byReplicaIndex);
    }
    balancerEntries() {
        return this.names().map((name) => ({ name, down: this.drained.has(name) }));
    }
    isDrained(name) {
        return this.drained.has(name);
    }
    /** Boots `count` replicas, then the balancer: called once by the driver's start function. */
    async bootReplicas(count) {
        checkReplicaCount(count);
        const names = Array.from({ length: count }, (_, i) => (0, names_1.replicaName)(i + 1));
        names.forEach((n) => this.members.add(n));
        await Promise.all(names.map((n) => this.createReplica(n)));
        return names;
    }
    // ---- the Topology interface ----------------------------------------------
    async status() {
        const replicas = await Promise.all(this.names().map(async (name) => ({
            name,
            state: await this.replicaState(name),
            drained: this.drained.has(name),
            ...(await this.replicaDetails(name)),
        })));
        return { driver: this.driver, strategy: this.strategy, store: this.store, url: this.url, replicas, ...(await this.statusRest()) };
    }
    stop(name) {
        return this.signal(name, 'stop');
    }
    kill(name) {
        return this.signal(name, 'kill');
    }
    pause(name) {
        return this.signal(name, 'pause');
    }
    resume(name) {
        return this.signal(name, 'resume');
    }
    start(name) {
        return this.signal(name, 'start');
    }
    addReplica() {
        return this.change(() => this.add());
    }
    removeReplica(name) {
        return this.change(() => this.remove(name));
    }
    scale(n) {
        return this.change(async () => {
            if (!Number.isInteger(n) || n < 1) {
                throw new errors_1.TopologyError('invalid-argument', `scale needs a whole number of replicas ≥ 1, got ${n}`);
            }
            while (this.members.size < n)
                await this.add();
            while (this.members.size > n)
                await this.remove(this.names().at(-1));
        });
    }
    markDown(name, down) {
        return this.change(async () => {
            this.requireReplica(name);
            const was = this.drained.has(name);
            const set = (d) => (d ? this.drained.add(name) : this.drained.delete(name));
            set(down);
            try {
                await this.applyBalancer(this.balancerEntries());
            }
            catch (err) {
                set(was);
                throw err;
            }
        });
    }
    restartBalancer() {
        return this.change(() => this.balancerOp('restart'));
    }
    reloadBalancer() {
        return this.change(() => this.balancerOp('reload'));
    }
    redisPause() {
        return this.redisChange('pause');
    }
    redisResume() {
        return this.redisChange('resume');
    }
    redisRestart() {
        return this.redisChange('restart');
    }
    down() {
        this.downing ??= this.queue.catch(() => undefined).then(() => this.teardown());
        return this.downing;
    }
    [Symbol.asyncDispose]() {
        return this.down();
    }
    // ---- rules ------------------------------------------------------------------
    /** Changes run one at a time, each from the state the previous one left. */
    change(fn) {
        if (this.downing)
            return Promise.reject(new errors_1.TopologyError('down', 'topology is down'));
        const next = this.queue.catch(() => undefined).then(fn);
        this.queue = next;
        return next;
    }
    signal(name, op) {
        return this.change(async () => {
            this.requireReplica(name);
            const refusal = (0, transitions_1.replicaOpRefusal)(op, name, await this.replicaState(name));
            if (refusal)
                throw new errors_1.TopologyError('illegal-transition', refusal);
            await this.replicaOp(name, op);
        });
    }
    async add() {
        const name = (0, names_1.nextReplicaName)(this.members);
        this.members.add(name);
        try {
            await this.createReplica(name);
            await this.applyBalancer(this.balancerEntries());
        }
        catch (err) {
            // Leave the topology as it was: no half-added replica.
            this.members.delete(name);
            await this.retireReplica(name, 'discard').catch(() => undefined);
            throw err;
        }
        await this.waitRouted(name);
        return name;
    }
    /** Resolves when the balancer sends requests to `name`, seen from outside like a user would. */
    waitRouted(name) {
        return (0, routing_1.waitUntilRouted)(this.url, name);
    }
    async remove(name) {
        this.requireReplica(name);
        if (this.members.size === 1)
            throw new errors_1.TopologyError('illegal-transition', `cannot remove ${name}: it is the last replica`);
        const wasDrained = this.drained.has(name);
        this.members.delete(name);
        this.drained.delete(name);
        try {
            // Out of the balancer first, so no request is sent to a replica being stopped.
            await this.applyBalancer(this.balancerEntries());
        }
        catch (err) {
            this.members.add(name);
            if (wasDrained)
                this.drained.add(name);
            throw err;
        }
        await this.retireReplica(name, 'stop');
    }
    redisChange(op) {
        return this.change(async () => {
            const state = await this.redisState();
            if (state === undefined)
                throw new errors_1.TopologyError('no-redis', `the ${this.store} store runs no Redis`);
            if (!REDIS_FROM[op].includes(state)) {
                throw new errors_1.TopologyError('illegal-transition', `cannot ${op} redis: it is ${state}`);
            }
            await this.redisOp(op);
        });
    }
    requireReplica(name) {
        if (!this.members.has(name)) {
            throw new errors_1.TopologyError('unknown-replica', `no replica named ${name} (have ${this.names().join(', ') || 'none'})`);
        }
    }
}
exports.TopologyCore = TopologyCore;
//# sourceMappingURL=core.js.map