"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Nemesis = void 0;
// Jepsen's nemesis: every fault a scenario injects goes through here and is
// recorded in the same history as the clients' requests, with when it ran
// and how it ended, so checkers, evidence and the report's timeline see it.
const history_1 = require("../client/history");
class Nemesis {
    topo;
    history;
    constructor(topo, history) {
        this.topo = topo;
        this.history = history;
    }
    kill(name) {
        return this.act('kill', name, () => this.topo.kill(name));
    }
    stop(name) {
        return this.act('stop', name, () => this.topo.stop(name));
    }
    pause(name) {
        return this.act('pause', name, () => this.topo.pause(name));
    }
    resume(name) {
        return this.act('resume', name, () => this.topo.resume(name));
    }
    start(name) {
        return this.act('start', name, () => this.topo.start(name));
    }
    /** The new replica's name is the entry's `target` (and `value`). */
    async addReplica() {
        const entry = await this.act('add-replica', 'nginx', () => this.topo.addReplica());
        entry.target = String(entry.value);
        return entry;
    }
    removeReplica(name) {
        return this.act('remove-replica', name, () => this.topo.removeReplica(name));
    }
    scale(n) {
        return this.act('scale', 'nginx', async () => (await this.topo.scale(n), n));
    }
    /** `server … down` (drain) or back in rotation (undrain); both reload nginx. */
    markDown(name, down) {
        return this.act(down ? 'drain' : 'undrain', name, () => this.topo.markDown(name, down));
    }
    redisPause() {
        return this.act('redis-pause', 'redis', () => this.topo.redisPause());
    }
    redisResume() {
        return this.act('redis-resume', 'redis', () => this.topo.redisResume());
    }
    redisRestart() {
        return this.act('redis-restart', 'redis', () => this.topo.redisRestart());
    }
    /** Ends the balancer and starts a new one on the same address: what it learned in memory is gone. */
    restartBalancer() {
        return this.act('balancer-restart', this.topo.balancer, () => this.topo.restartBalancer());
    }
    /** Graceful reload with the same config. */
    reloadBalancer() {
        return this.act('balancer-reload', this.topo.balancer, () => this.topo.reloadBalancer());
    }
    /**
     * SIGKILL to a balancer the scenario started itself (a second instance in
     * front of the same replicas); `name` tells the instances apart in the history.
     */
    killBalancer(name, balancer) {
        return this.act('balancer-kill', name, () => balancer.kill());
    }
    /**
     * Runs one fault and records it. A fault that threw may have half
     * happened (a signal sent, the wait for the exit timed out): `unknown`;
     * a RangeError is the topology refusing bad input before acting: `fail`.
     * Either way the error goes on to the scenario.
     */
    async act(fault, target, run) {
        const entry = { type: 'fault', fault, target, outcome: 'unknown', startedAt: (0, history_1.now)(), endedAt: 0 };
        try {
            const value = await run();
            if (typeof value === 'string' || typeof value === 'number')
                entry.value = value;
            entry.outcome = 'ok';
            return entry;
        }
        catch (err) {
            entry.error = err.message;
            entry.outcome = err instanceof RangeError ? 'fail' : 'unknown';
            throw err;
        }
        finally {
            entry.endedAt = (0, history_1.now)();
            this.history.record(entry);
        }
    }
}
exports.Nemesis = Nemesis;
//# sourceMappingURL=nemesis.js.map