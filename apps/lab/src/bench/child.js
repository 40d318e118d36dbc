"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChildServer = void 0;
exports.killAllChildren = killAllChildren;
const node_child_process_1 = require("node:child_process");
const free_port_1 = require("../util/free-port");
const wait_1 = require("../util/wait");
const live = new Set();
/** A server under test in its own process, so it never shares a core's event loop with the load generator. */
class ChildServer {
    child;
    port;
    output = '';
    constructor(child, port) {
        this.child = child;
        this.port = port;
        const keep = (d) => {
            this.output = (this.output + d.toString()).slice(-10_000);
        };
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
    }
    static async start(opts) {
        const port = await (0, free_port_1.freePort)();
        const child = (0, node_child_process_1.spawn)(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
            env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const server = new ChildServer(child, port);
        live.add(server);
        try {
            await (0, wait_1.waitFor)(`${opts.script} ready on port ${port}`, async () => {
                if (child.exitCode !== null)
                    throw new Error(`exited ${child.exitCode}: ${server.output.trim()}`);
                const res = await fetch(`${server.url}${opts.readyPath}`);
                return res.ok;
            }, { timeoutMs: opts.readyTimeoutMs ?? 20_000, intervalMs: 25 });
        }
        catch (err) {
            await server.stop();
            throw err;
        }
        return server;
    }
    get url() {
        return `http://127.0.0.1:${this.port}`;
    }
    get pid() {
        return this.child.pid ?? -1;
    }
    logs() {
        return this.output;
    }
    /**
     * SIGTERM and wait for the exit (a `--cpu-prof` profile is written only on
     * a normal exit); SIGKILL once `boundMs` passes. True when it exited by itself.
     */
    async stopGracefully(boundMs = 10_000) {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return this.child.exitCode !== null;
        const exited = new Promise((r) => this.child.once('exit', (code) => r(code !== null)));
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), boundMs);
        try {
            return await exited;
        }
        finally {
            clearTimeout(timer);
            live.delete(this);
        }
    }
    async stop() {
        live.delete(this);
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return;
        const exited = new Promise((r) => this.child.once('exit', () => r()));
        this.child.kill('SIGKILL');
        await exited;
    }
}
exports.ChildServer = ChildServer;
/** Last-resort cleanup when the bench is interrupted: no server outlives it. */
function killAllChildren() {
    for (const s of live)
        void s.stop();
}
//# sourceMappingURL=child.js.map