"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HaproxyLab = void 0;
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const free_port_1 = require("../../../apps/lab/src/util/free-port");
const reaper_1 = require("../../../apps/lab/src/util/reaper");
const haproxy_1 = require("../../../apps/lab/src/haproxy");
const backends_1 = require("./backends");
const probe_1 = require("../../support/probe");
const evidence_1 = require("../../support/evidence");
// Server state changes are [ALERT]s in HAProxy's log ("has no server
// available!"); what a test must never see is any other alert.
const EXPECTED_ALERT = /is DOWN|has no server available|is going DOWN/;
/**
 * A started haproxy (machine binary, private run dir) in front of small
 * backends: the fixture of the test/haproxy suites. `close()` fails on an
 * unexpected [ALERT]; `check()` appends the config and logs to a failure.
 */
class HaproxyLab {
    options;
    runDir;
    backends;
    ownsBackends;
    haproxy;
    generation = 1;
    layout = { down: [], drain: [] };
    /** haproxy runs in its own process group: a test process that dies must still take it along. */
    untrack;
    constructor(options, runDir, backends, ownsBackends, haproxy) {
        this.options = options;
        this.runDir = runDir;
        this.backends = backends;
        this.ownsBackends = ownsBackends;
        this.haproxy = haproxy;
        this.untrack = (0, reaper_1.trackPids)(() => [haproxy.pid, ...haproxy.workerPids()], runDir);
    }
    static async start(options) {
        const runDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), `lab-haproxy-${options.strategy}-`));
        const owns = !options.backends;
        const backends = options.backends ?? (await backends_1.Backends.start(options.replicas ?? ['app1', 'app2', 'app3']));
        try {
            const listen = { host: '127.0.0.1', port: options.port ?? (await (0, free_port_1.freePort)()) };
            const replicas = backends.replicas();
            await (0, haproxy_1.renderHaproxy)({ ...options, replicas: options.reversed ? replicas.reverse() : replicas, listen, runDir, generation: 1 });
            const haproxy = await haproxy_1.HaproxyProcess.start({ runDir });
            return new HaproxyLab(options, runDir, backends, owns, haproxy);
        }
        catch (err) {
            if (owns)
                await backends.close();
            await (0, promises_1.rm)(runDir, { recursive: true, force: true });
            throw err;
        }
    }
    get url() {
        return this.haproxy.url;
    }
    get api() {
        return this.haproxy.api;
    }
    get(path = '/', o) {
        return (0, probe_1.probe)(this.url + path, o);
    }
    many(count, path = '/', o) {
        return (0, probe_1.many)(this.url + path, count, o);
    }
    /** Re-renders with the given changes and reloads, waiting for the new generation. */
    async reconfigure(change) {
        this.layout = { ...this.layout, ...change };
        for (const name of change.add ?? [])
            await this.backends.start(name);
        this.generation += 1;
        const replicas = this.backends.replicas(this.layout);
        await (0, haproxy_1.renderHaproxy)({
            ...this.options,
            replicas: this.options.reversed ? replicas.reverse() : replicas,
            listen: this.haproxy.listen,
            runDir: this.runDir,
            generation: this.generation,
        });
        await this.haproxy.reload();
    }
    evidence() {
        return (0, evidence_1.balancerEvidence)({
            name: 'haproxy',
            runDir: this.runDir,
            config: this.haproxy.config(),
            errorLog: this.haproxy.errorLog(),
            accessLog: this.haproxy.accessLog(),
        });
    }
    /** Runs `fn`; on failure rethrows with the evidence appended. */
    check(fn) {
        return (0, evidence_1.withEvidence)(fn, () => this.evidence());
    }
    unexpectedAlerts() {
        return this.haproxy
            .errorLog()
            .split('\n')
            .filter((l) => /\[ALERT\]/.test(l) && !EXPECTED_ALERT.test(l));
    }
    /** Stops everything; throws when haproxy logged an unexpected [ALERT]. */
    async close() {
        await this.haproxy.stop();
        this.untrack();
        if (this.ownsBackends)
            await this.backends.close();
        const bad = this.unexpectedAlerts();
        const evidence = bad.length ? this.evidence() : '';
        await (0, promises_1.rm)(this.runDir, { recursive: true, force: true });
        if (bad.length)
            throw new Error(`haproxy logged ${bad.length} [ALERT] line(s):\n${bad.join('\n')}\n\n${evidence}`);
    }
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
exports.HaproxyLab = HaproxyLab;
//# sourceMappingURL=haproxy-lab.js.map