"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("./core");
class RecordingDriver extends core_1.TopologyCore {
    driver = 'process';
    url = 'http://127.0.0.1:1';
    calls = [];
    states = new Map();
    active = 0;
    maxActive = 0;
    failBalancer = false;
    constructor() {
        super({ strategy: 'round-robin', store: 'memory' });
    }
    boot(n) {
        return this.bootReplicas(n);
    }
    async step(what) {
        this.active += 1;
        this.maxActive = Math.max(this.maxActive, this.active);
        this.calls.push(`${what}:begin`);
        await new Promise((r) => setTimeout(r, 5));
        this.calls.push(`${what}:end`);
        this.active -= 1;
    }
    async createReplica(name) {
        await this.step(`create ${name}`);
        this.states.set(name, 'running');
    }
    async replicaOp(name, op) {
        await this.step(`${op} ${name}`);
        const to = { stop: 'stopped', kill: 'killed', pause: 'paused', resume: 'running', start: 'running' };
        this.states.set(name, to[op]);
    }
    async retireReplica(name, how) {
        await this.step(`retire ${name} ${how}`);
    }
    replicaState(name) {
        return this.states.get(name);
    }
    replicaDetails() {
        return { url: 'http://127.0.0.1:1' };
    }
    async applyBalancer(entries) {
        await this.step(`balancer ${entries.map((e) => e.name + (e.down ? '(down)' : '')).join(',')}`);
        if (this.failBalancer)
            throw new Error('nginx -t failed');
    }
    async balancerOp(op) {
        await this.step(`balancer ${op}`);
    }
    async redisOp(_op) { }
    redisState() {
        return undefined;
    }
    async waitRouted(name) {
        await this.step(`routed ${name}`);
    }
    async teardown() {
        this.calls.push('teardown');
    }
    statusRest() {
        return { nginx: { version: 'test', sticky: 'n/a' } };
    }
    async logs() {
        return {};
    }
    async nginxConfig() {
        return '';
    }
}
const begins = (calls) => calls.filter((c) => c.endsWith(':begin')).map((c) => c.replace(':begin', ''));
describe('TopologyCore', () => {
    it('takes a replica out of the balancer before it stops it', async () => {
        const t = new RecordingDriver();
        await t.boot(3);
        t.calls.length = 0;
        await t.removeReplica('app2');
        expect(begins(t.calls)).toEqual(['balancer app1,app3', 'retire app2 stop']);
    });
    it('an add is done only once the balancer routes to the new replica', async () => {
        const t = new RecordingDriver();
        await t.boot(1);
        t.calls.length = 0;
        expect(await t.addReplica()).toBe('app2');
        expect(begins(t.calls)).toEqual(['create app2', 'balancer app1,app2', 'routed app2']);
    });
    it('runs concurrent changes one at a time, in call order', async () => {
        const t = new RecordingDriver();
        await t.boot(2);
        t.maxActive = 0;
        t.calls.length = 0;
        await Promise.all([t.stop('app1'), t.markDown('app2', true), t.start('app1'), t.addReplica()]);
        expect(t.maxActive).toBe(1);
        expect(begins(t.calls)).toEqual([
            'stop app1', 'balancer app1,app2(down)', 'start app1', 'create app3', 'balancer app1,app2(down),app3', 'routed app3',
        ]);
    });
    it('a failed balancer change leaves the replica list and drain marks as they were', async () => {
        const t = new RecordingDriver();
        await t.boot(2);
        t.failBalancer = true;
        await expect(t.removeReplica('app2')).rejects.toThrow('nginx -t failed');
        await expect(t.markDown('app1', true)).rejects.toThrow('nginx -t failed');
        await expect(t.addReplica()).rejects.toThrow('nginx -t failed');
        const s = await t.status();
        expect(s.replicas.map((r) => [r.name, r.drained])).toEqual([['app1', false], ['app2', false]]);
        expect(t.calls).toContain('retire app3 discard:begin');
    });
    it('down waits for the queue, runs teardown once, and refuses later changes', async () => {
        const t = new RecordingDriver();
        await t.boot(1);
        const pending = t.pause('app1');
        await Promise.all([t.down(), t.down()]);
        await expect(pending).resolves.toBeUndefined();
        expect(t.calls.filter((c) => c === 'teardown')).toHaveLength(1);
        await expect(t.resume('app1')).rejects.toThrow('topology is down');
    });
    it('a balancer restart or reload waits its turn in the one queue', async () => {
        const t = new RecordingDriver();
        await t.boot(1);
        expect(t.balancer).toBe('nginx');
        await Promise.all([t.pause('app1'), t.restartBalancer(), t.reloadBalancer()]);
        expect(t.maxActive).toBe(1);
        expect(t.calls.slice(-6)).toEqual([
            'pause app1:begin', 'pause app1:end', 'balancer restart:begin', 'balancer restart:end', 'balancer reload:begin', 'balancer reload:end',
        ]);
    });
});
//# sourceMappingURL=core.spec.js.map