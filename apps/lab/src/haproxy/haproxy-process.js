"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HaproxyProcess = void 0;
exports.fetchGeneration = fetchGeneration;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const wait_1 = require("../util/wait");
const http_1 = require("../util/http");
const proc_1 = require("../util/proc");
const process_group_1 = require("../util/process-group");
const binary_1 = require("./binary");
const paths_1 = require("./paths");
const runtime_api_1 = require("./runtime-api");
function readMeta(runDir) {
    const text = (0, process_group_1.readTextOrEmpty)((0, paths_1.haproxyRunPaths)(runDir).meta);
    if (!text)
        throw new Error(`${(0, paths_1.haproxyRunPaths)(runDir).meta} missing: render with renderHaproxy() first`);
    return JSON.parse(text);
}
/** Body of GET /__lab/generation, or null when nothing answers (yet). */
function fetchGeneration({ host, port }, timeoutMs = 1000) {
    return (0, http_1.fetchGenerationAt)(host, port, timeoutMs);
}
/**
 * The machine's haproxy in master-worker mode (-W, foreground), in its own
 * process group so stop/kill never leave a worker behind. Its stdout (the
 * access log) and stderr go straight to files in the run dir: no pipe to
 * fill up, nothing lost when the lab's event loop is busy.
 */
class HaproxyProcess {
    runDir;
    confPath;
    binary;
    meta;
    child;
    spawnError;
    api;
    constructor(runDir, confPath, binary, meta) {
        this.runDir = runDir;
        this.confPath = confPath;
        this.binary = binary;
        this.meta = meta;
        this.api = new runtime_api_1.RuntimeApi((0, paths_1.haproxyRunPaths)(runDir).socket);
    }
    static async start(o) {
        const meta = readMeta(o.runDir);
        const confPath = o.confPath ?? (0, paths_1.haproxyRunPaths)(o.runDir).conf;
        const haproxy = new HaproxyProcess(o.runDir, confPath, o.binary ?? (0, binary_1.haproxyBinary)(), meta);
        await (0, binary_1.checkConfig)(haproxy.binary, confPath, meta.localPeer);
        haproxy.spawn();
        try {
            await haproxy.waitGeneration(String(meta.generation), o.startTimeoutMs ?? 15_000);
        }
        catch (err) {
            await haproxy.kill();
            throw err;
        }
        return haproxy;
    }
    get listen() {
        return this.meta.listen;
    }
    get pid() {
        return this.child?.pid;
    }
    get running() {
        return !!this.child && !this.spawnError && this.child.exitCode === null && this.child.signalCode === null;
    }
    get url() {
        const { host, port } = this.listen;
        return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    }
    spawn() {
        const p = (0, paths_1.haproxyRunPaths)(this.runDir);
        const args = ['-W', '-db', '-f', this.confPath, ...(this.meta.localPeer ? ['-L', this.meta.localPeer] : [])];
        const out = (0, node_fs_1.openSync)(p.accessLog, 'a');
        const err = (0, node_fs_1.openSync)(p.errorLog, 'a');
        try {
            const child = (0, node_child_process_1.spawn)(this.binary, args, { stdio: ['ignore', out, err], detached: true });
            // Without a listener a spawn failure would crash the lab; waitGeneration reports it.
            child.on('error', (e) => (this.spawnError = e));
            this.child = child;
        }
        finally {
            (0, node_fs_1.closeSync)(out);
            (0, node_fs_1.closeSync)(err);
        }
    }
    /** Polls /__lab/generation until it answers `generation`; fails fast when haproxy exits. */
    async waitGeneration(generation, timeoutMs) {
        // Exiting ends the wait at once (waitFor would retry a thrown error).
        const outcome = await (0, wait_1.waitFor)(`haproxy on ${this.url} to serve generation ${generation}`, async () => {
            if (!this.running)
                return 'exited';
            return (await fetchGeneration(this.listen)) === generation && (await this.answersOwnSocket()) && 'served';
        }, { timeoutMs, intervalMs: 50 });
        if (outcome === 'exited') {
            const how = this.spawnError?.message ?? this.child?.exitCode ?? this.child?.signalCode;
            throw new Error(`haproxy exited (${how}): ${this.lastErrors()}`);
        }
    }
    /**
     * The generation alone can be answered by ANOTHER haproxy on the same port
     * (one still bound there, a bind that fails a moment later): the instance
     * is ours when our own runtime API socket names one of our workers.
     */
    async answersOwnSocket() {
        const info = await this.api.command('show info', 1_000).catch(() => '');
        const pid = Number(/^Pid: (\d+)$/m.exec(info)?.[1]);
        const workers = this.workerPids();
        return !!pid && (workers.length === 0 || workers.includes(pid));
    }
    lastErrors() {
        return this.errorLog().trim().split('\n').slice(-4).join(' | ');
    }
    /**
     * Checks the (re-rendered) config, sends SIGUSR2 to the master (which
     * re-reads it and starts new workers on the same sockets) and waits for
     * the new generation, then for the old workers to finish their in-flight
     * requests (bounded by hard-stop-after).
     */
    async reload(confPath = this.confPath, timeoutMs = 15_000) {
        if (!this.running)
            throw new Error('haproxy is not running');
        if (confPath !== this.confPath)
            (0, node_fs_1.copyFileSync)(confPath, this.confPath);
        const meta = readMeta(this.runDir);
        await (0, binary_1.checkConfig)(this.binary, this.confPath, meta.localPeer);
        const oldWorkers = this.workerPids();
        this.child?.kill('SIGUSR2');
        await this.waitGeneration(String(meta.generation), timeoutMs);
        this.meta = meta;
        await (0, wait_1.waitFor)('the old haproxy workers to exit', () => !oldWorkers.some((w) => this.workerPids().includes(w)), { timeoutMs });
    }
    /** Worker pids (Linux /proc; empty elsewhere, where the generation check alone applies). */
    workerPids() {
        const pid = this.child?.pid;
        if (!pid)
            return [];
        return (0, proc_1.childPids)(pid);
    }
    /** SIGUSR1 (soft stop: in-flight requests finish), SIGKILL after graceMs. */
    async stop(graceMs = 5_000) {
        if (this.running) {
            this.child?.kill('SIGUSR1');
            await (0, wait_1.waitFor)('haproxy to stop', () => !this.running, { timeoutMs: graceMs }).catch(() => undefined);
        }
        await this.kill();
    }
    /** SIGKILL to the whole process group (master and workers). */
    async kill() {
        await (0, process_group_1.killGroup)('haproxy', this.child?.pid, () => this.running);
    }
    /** What haproxy wrote to stderr: warnings, alerts, server state changes. */
    errorLog() {
        return (0, process_group_1.readTextOrEmpty)((0, paths_1.haproxyRunPaths)(this.runDir).errorLog);
    }
    accessLog() {
        return (0, process_group_1.readTextOrEmpty)((0, paths_1.haproxyRunPaths)(this.runDir).accessLog);
    }
    config() {
        return (0, process_group_1.readTextOrEmpty)(this.confPath);
    }
    async [Symbol.asyncDispose]() {
        await this.stop();
    }
}
exports.HaproxyProcess = HaproxyProcess;
//# sourceMappingURL=haproxy-process.js.map