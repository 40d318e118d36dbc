"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Generator = void 0;
const node_child_process_1 = require("node:child_process");
const cpu_1 = require("../cpu");
const pinning_1 = require("../pinning");
/** Longer than any slice: a generator that does not answer by then is stuck. */
const SLACK_MS = 30_000;
/** One generator process; jobs go over IPC, one answer per job. */
class GeneratorProcess {
    child;
    pending = new Map();
    exitNote = '';
    constructor(child) {
        this.child = child;
        child.on('message', (msg) => this.settle(msg));
        child.on('exit', (code, signal) => {
            this.exitNote = `generator process ${child.pid} exited (${signal ?? code})`;
            for (const [id, p] of this.pending)
                this.fail(id, p, new Error(this.exitNote));
        });
    }
    get pid() {
        return this.child.pid ?? -1;
    }
    run(job) {
        if (this.exitNote)
            return Promise.reject(new Error(this.exitNote));
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => this.fail(job.id, this.pending.get(job.id), new Error(`generator gave no answer within ${job.durationS * 1000 + SLACK_MS} ms`)), job.durationS * 1000 + SLACK_MS);
            this.pending.set(job.id, { resolve, reject, timer });
            this.child.send(job);
        });
    }
    settle(msg) {
        const id = msg.type === 'done' ? msg.result.id : msg.id;
        const p = this.pending.get(id);
        if (!p)
            return;
        this.pending.delete(id);
        clearTimeout(p.timer);
        if (msg.type === 'done')
            p.resolve(msg.result);
        else
            p.reject(new Error(`generator: ${msg.message}`));
    }
    fail(id, p, err) {
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.reject(err);
    }
    async stop() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const exited = new Promise((r) => this.child.once('exit', () => r()));
        this.child.kill('SIGKILL');
        await exited;
    }
}
/**
 * The load generator: one process per generator core, each on the cores
 * `pinning` gives it. A slice's users are dealt out to the processes and
 * their answers merged.
 */
class Generator {
    procs;
    nextId = 1;
    constructor(procs) {
        this.procs = procs;
    }
    static start(script, pinning) {
        const procs = Array.from({ length: pinning.generatorProcesses }, () => {
            const { file, args } = (0, pinning_1.pinnedCommand)(pinning, [process.execPath, script]);
            const child = (0, node_child_process_1.spawn)(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
            if (child.pid)
                (0, cpu_1.excludeFromServerCpu)(child.pid);
            return new GeneratorProcess(child);
        });
        return new Generator(procs);
    }
    /** Generator processes: each drives its users from one event loop, so at most one core each. */
    get processes() {
        return this.procs.length;
    }
    get pids() {
        return this.procs.map((p) => p.pid);
    }
    async run(job) {
        const shares = this.procs.map((_, i) => job.users.filter((_u, j) => j % this.procs.length === i));
        const used = this.procs.map((p, i) => ({ p, users: shares[i] })).filter((s) => s.users.length);
        const parts = await Promise.all(used.map((s) => s.p.run({ ...job, id: this.nextId++, users: s.users })));
        return merge(parts, job.users.length, used.length);
    }
    async stop() {
        await Promise.all(this.procs.map((p) => p.stop()));
    }
}
exports.Generator = Generator;
/** Puts users back in job order: user j went to process j % n as its (j / n)-th user. */
function merge(parts, userCount, n) {
    const pick = (get) => Array.from({ length: userCount }, (_, j) => get(parts[j % n])[Math.floor(j / n)]);
    const errors = {};
    for (const r of parts)
        for (const [k, v] of Object.entries(r.errors))
            errors[k] = (errors[k] ?? 0) + v;
    const latencies = new Float64Array(parts.reduce((a, r) => a + r.latenciesMs.length, 0));
    let at = 0;
    for (const r of parts) {
        latencies.set(r.latenciesMs, at);
        at += r.latenciesMs.length;
    }
    return {
        id: parts[0]?.id ?? 0,
        completed: parts.reduce((a, r) => a + r.completed, 0),
        errors,
        latenciesMs: latencies,
        wallS: Math.max(0, ...parts.map((r) => r.wallS)),
        cpuUs: parts.reduce((a, r) => a + r.cpuUs, 0),
        waitUs: parts.some((r) => r.waitUs === null) ? null : parts.reduce((a, r) => a + (r.waitUs ?? 0), 0),
        users: pick((r) => r.users),
        tallies: pick((r) => r.tallies),
    };
}
//# sourceMappingURL=pool.js.map