"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NginxLab = void 0;
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const free_port_1 = require("../../../apps/lab/src/util/free-port");
const process_1 = require("../../../apps/lab/src/nginx/process");
const render_1 = require("../../../apps/lab/src/nginx/render");
const version_1 = require("../../../apps/lab/src/nginx/version");
const echo_replicas_1 = require("./echo-replicas");
const probe_1 = require("../probe");
const evidence_1 = require("../evidence");
/**
 * A started nginx (machine binary, private run dir) in front of echo
 * replicas: the fixture of the nginx-*.test.ts suites. `close()` fails when
 * the error log has [alert] or [emerg]; `evidence()` is what a failing test
 * prints (rendered config + logs).
 */
class NginxLab {
    options;
    runDir;
    backends;
    nginx;
    rendered;
    generation = 1;
    down = [];
    removed = [];
    constructor(options, runDir, backends, nginx, rendered) {
        this.options = options;
        this.runDir = runDir;
        this.backends = backends;
        this.nginx = nginx;
        this.rendered = rendered;
    }
    static async start(options) {
        const runDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), `lab-nginx-${options.strategy}-`));
        const backends = await echo_replicas_1.EchoReplicas.start(options.replicas ?? ['app1', 'app2', 'app3']);
        try {
            const binary = (0, version_1.nginxBinary)();
            const version = await (0, version_1.nginxVersion)(binary);
            const replicas = [...backends.replicas(), ...(options.extra ?? [])];
            // A picked port can be taken before nginx binds it: pick again (bounded).
            for (let attempt = 1;; attempt += 1) {
                const listen = { host: '127.0.0.1', port: await (0, free_port_1.freePort)() };
                const rendered = await (0, render_1.renderNginx)({ ...options, replicas, listen, runDir, generation: 1, binary, version });
                try {
                    const nginx = await process_1.NginxProcess.start({ runDir, confPath: rendered.confPath, binary });
                    return new NginxLab(options, runDir, backends, nginx, rendered);
                }
                catch (err) {
                    if (!(err instanceof process_1.NginxPortInUseError) || attempt >= 5)
                        throw err;
                }
            }
        }
        catch (err) {
            await backends.close();
            throw err;
        }
    }
    get url() {
        return this.nginx.url;
    }
    get(path = '/', o) {
        return (0, probe_1.probe)(this.url + path, o);
    }
    many(count, path = '/', o) {
        return (0, probe_1.many)(this.url + path, count, o);
    }
    /** Re-renders with the given changes and reloads, waiting for the new generation. */
    async reconfigure(change) {
        if (change.down)
            this.down = change.down;
        if (change.removed)
            this.removed = change.removed;
        for (const name of change.add ?? [])
            await this.backends.start(name);
        const extra = (this.options.extra ?? []).map((r) => ({ ...r, down: this.down.includes(r.name) }));
        const replicas = [...this.backends.replicas(this.down), ...extra].filter((r) => !this.removed.includes(r.name));
        this.generation += 1;
        this.rendered = await (0, render_1.renderNginx)({
            ...this.options,
            replicas,
            listen: this.nginx.listen,
            runDir: this.runDir,
            generation: this.generation,
            version: this.rendered.version,
        });
        await this.nginx.reload(this.rendered.confPath, this.generation);
    }
    evidence() {
        return (0, evidence_1.balancerEvidence)({
            name: 'nginx',
            runDir: this.runDir,
            config: this.nginx.config(),
            errorLog: this.nginx.errorLog(),
            accessLog: this.nginx.accessLog(),
        });
    }
    /** Runs `fn`; on failure rethrows with the evidence appended. */
    check(fn) {
        return (0, evidence_1.withEvidence)(fn, () => this.evidence());
    }
    /** Stops everything; throws when nginx logged an [alert] or [emerg]. */
    async close() {
        await this.nginx.stop();
        await this.backends.close();
        const bad = this.nginx.errorLog().split('\n').filter((l) => /\[(alert|emerg)\]/.test(l));
        const evidence = bad.length ? this.evidence() : '';
        await (0, promises_1.rm)(this.runDir, { recursive: true, force: true });
        if (bad.length)
            throw new Error(`nginx logged ${bad.length} [alert]/[emerg] line(s):\n${bad.join('\n')}\n\n${evidence}`);
    }
    async [Symbol.asyncDispose]() {
        await this.close();
    }
}
exports.NginxLab = NginxLab;
//# sourceMappingURL=nginx-lab.js.map