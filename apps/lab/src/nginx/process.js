"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NginxProcess = exports.NginxPortInUseError = void 0;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const proc_1 = require("../util/proc");
const process_group_1 = require("../util/process-group");
const wait_1 = require("../util/wait");
const control_1 = require("./control");
const main_conf_1 = require("./main-conf");
const render_1 = require("./render");
const version_1 = require("./version");
/** nginx could not bind its listen address: someone else holds the port. */
class NginxPortInUseError extends Error {
    listen;
    constructor(listen, detail) {
        super(`nginx cannot listen on ${listen.host}:${listen.port}: the port is in use (${detail})`);
        this.listen = listen;
    }
}
exports.NginxPortInUseError = NginxPortInUseError;
/**
 * The machine's nginx as a child process (master in the foreground, its own
 * process group so stop/kill can never leave a worker behind).
 */
class NginxProcess {
    runDir;
    confPath;
    binary;
    listen;
    child;
    spawnError;
    output = '';
    /** Set before the lab itself ends nginx; a master exit without it is a death. */
    ending = false;
    /** Once nginx served its first generation, an exit is a death, not a failed start. */
    confirmed = false;
    constructor(runDir, confPath, binary, listen) {
        this.runDir = runDir;
        this.confPath = confPath;
        this.binary = binary;
        this.listen = listen;
    }
    static async start(o) {
        const meta = readMeta(o.runDir);
        const listen = o.listen ?? meta?.listen;
        if (!listen)
            throw new Error(`${(0, main_conf_1.runPaths)(o.runDir).meta} missing: render with renderNginx() or pass listen`);
        const nginx = new NginxProcess(o.runDir, o.confPath, o.binary ?? (0, version_1.nginxBinary)(), listen);
        await (0, control_1.testConfig)(nginx.binary, o.runDir, o.confPath);
        // Only what this start writes counts: an earlier attempt's bind error is not ours.
        const logMark = (0, process_group_1.readTextOrEmpty)((0, main_conf_1.runPaths)(o.runDir).errorLog).length;
        nginx.spawn();
        try {
            await nginx.waitGeneration(meta ? (0, render_1.generationTag)(meta) : null, o.startTimeoutMs ?? 15_000);
            nginx.confirmed = true;
        }
        catch (err) {
            await nginx.kill();
            if (/Address already in use/.test(nginx.errorLog().slice(logMark)))
                throw new NginxPortInUseError(listen, nginx.lastErrors());
            throw err;
        }
        return nginx;
    }
    get pid() {
        return this.child?.pid;
    }
    get running() {
        return !!this.child && !this.spawnError && this.child.exitCode === null && this.child.signalCode === null;
    }
    /** The master ended without the lab asking (crash, kill -9 from outside). */
    get dead() {
        return !!this.child && !this.ending && !this.running;
    }
    get url() {
        const host = this.listen.host === '0.0.0.0' ? '127.0.0.1' : this.listen.host;
        return `http://${host.includes(':') ? `[${host}]` : host}:${this.listen.port}`;
    }
    spawn() {
        const p = (0, main_conf_1.runPaths)(this.runDir);
        const args = ['-p', this.runDir, '-c', this.confPath, '-e', p.errorLog, '-g', 'daemon off;'];
        const child = (0, node_child_process_1.spawn)(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const keep = (d) => (this.output = (this.output + d.toString()).slice(-20_000));
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
        // Without a listener a spawn failure would crash the lab; waitGeneration reports it.
        child.on('error', (err) => {
            this.spawnError = err;
            keep(Buffer.from(`spawn failed: ${err.message}\n`));
        });
        this.child = child;
        // A master that dies on its own leaves workers serving a frozen config:
        // they are still in its process group, so end them at once.
        child.once('exit', () => {
            if (!this.ending && this.confirmed)
                keep(Buffer.from(`master exited on its own (${child.signalCode ?? child.exitCode}): workers killed\n`));
            this.signalGroup('SIGKILL');
        });
    }
    /** Polls /__lab/generation until it answers `generation` (any, when null); fails fast if nginx exits. */
    async waitGeneration(generation, timeoutMs) {
        const child = this.child;
        if (!child || !this.running)
            throw new Error(`nginx is not running: ${this.lastErrors()}`);
        let onExit = () => { };
        const exited = new Promise((_, reject) => {
            onExit = () => reject(new Error(`nginx exited (${child.exitCode ?? child.signalCode}): ${this.lastErrors()}`));
            child.once('exit', onExit);
            child.once('error', onExit);
        });
        let settled = false;
        const served = (0, wait_1.waitFor)(`nginx on ${this.url} to serve generation ${generation ?? '(any)'}`, async () => {
            if (settled)
                return true; // nginx exited: stop polling
            const answer = await (0, control_1.fetchGeneration)(this.listen);
            return generation === null ? answer !== null : answer === generation;
        }, { timeoutMs, intervalMs: 50 });
        try {
            await Promise.race([served, exited]);
        }
        finally {
            settled = true;
            child.off('exit', onExit);
            child.off('error', onExit);
            served.catch(() => { });
            exited.catch(() => { });
        }
    }
    lastErrors() {
        return this.errorLog().trim().split('\n').slice(-4).join(' | ');
    }
    /**
     * Tests the (re-rendered) config, SIGHUPs the master and waits until nginx
     * answers the new generation. A different confPath is copied over the one
     * nginx was started with: the master can only re-read its own -c file.
     */
    async reload(confPath = this.confPath, generation, timeoutMs = 15_000) {
        if (!this.running)
            throw new Error('nginx is not running');
        if (confPath !== this.confPath)
            (0, node_fs_1.copyFileSync)(confPath, this.confPath);
        await (0, control_1.testConfig)(this.binary, this.runDir, this.confPath);
        const oldWorkers = this.workerPids();
        this.child?.kill('SIGHUP');
        const meta = readMeta(this.runDir);
        const expected = generation === undefined ? meta : { generation, instance: meta?.instance };
        await this.waitGeneration(expected ? (0, render_1.generationTag)(expected) : null, timeoutMs);
        // The master starts the new workers before it retires the old ones, which
        // may accept a connection or two in between: the reload is done when the
        // old workers are gone (bounded by worker_shutdown_timeout).
        await (0, wait_1.waitFor)('the old nginx workers to exit', () => !oldWorkers.some((w) => this.workerPids().includes(w)), {
            timeoutMs,
        });
    }
    /** Worker pids (Linux /proc; empty elsewhere, where the generation check alone applies). */
    workerPids() {
        const pid = this.child?.pid;
        return pid ? (0, proc_1.childPids)(pid) : [];
    }
    /** SIGQUIT (graceful: in-flight requests finish), SIGKILL after graceMs. */
    async stop(graceMs = 5_000) {
        this.ending = true;
        if (!this.running)
            return this.reapGroup();
        this.child?.kill('SIGQUIT');
        try {
            await (0, wait_1.waitFor)('nginx to quit', () => !this.running, { timeoutMs: graceMs });
        }
        catch {
            // still there after the grace period: kill() below
        }
        await this.kill();
    }
    /** SIGKILL to the whole process group (master and workers). */
    async kill() {
        this.ending = true;
        this.signalGroup('SIGKILL');
        await this.reapGroup();
    }
    signalGroup(signal) {
        return (0, process_group_1.signalGroup)(this.child?.pid, signal);
    }
    reapGroup() {
        return (0, process_group_1.killGroup)('nginx', this.child?.pid, () => this.running);
    }
    errorLog() {
        return (0, process_group_1.readTextOrEmpty)((0, main_conf_1.runPaths)(this.runDir).errorLog) + (this.output ? `\n[nginx stderr]\n${this.output}` : '');
    }
    accessLog() {
        return (0, process_group_1.readTextOrEmpty)((0, main_conf_1.runPaths)(this.runDir).accessLog);
    }
    /** The config files on disk now (main + strategy + snippets). */
    config() {
        const p = (0, main_conf_1.runPaths)(this.runDir);
        const snippets = readdirSafe(p.includeDir).map((f) => (0, node_path_1.join)(p.includeDir, f));
        return [p.mainConf, p.strategyConf, ...snippets].map((f) => `# ---- ${f}\n${(0, process_group_1.readTextOrEmpty)(f)}`).join('\n');
    }
    async [Symbol.asyncDispose]() {
        await this.stop();
    }
}
exports.NginxProcess = NginxProcess;
function readMeta(runDir) {
    const text = (0, process_group_1.readTextOrEmpty)((0, main_conf_1.runPaths)(runDir).meta);
    return text ? JSON.parse(text) : undefined;
}
function readdirSafe(dir) {
    try {
        return (0, node_fs_1.readdirSync)(dir).sort();
    }
    catch {
        return [];
    }
}
//# sourceMappingURL=process.js.map