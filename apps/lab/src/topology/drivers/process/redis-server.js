"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisServer = void 0;
exports.redisCommand = redisCommand;
exports.redisPing = redisPing;
exports.redisDataDir = redisDataDir;
// The machine's redis-server on a loopback port. Redis cannot report a port
// it picked, so the lab picks one, lets redis bind it and then verifies that
// the server answering is its own child (INFO's process_id), retrying with
// another port when the pick was lost to a race.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const find_binary_1 = require("../../../util/find-binary");
const free_port_1 = require("../../../util/free-port");
const wait_1 = require("../../../util/wait");
/** Sends one inline command over a raw socket; the reply text, or '' when nothing answered within timeoutMs. */
function redisCommand(port, command, host = '127.0.0.1', timeoutMs = 500, until = /\r\n$/) {
    return new Promise((resolve) => {
        const sock = (0, node_net_1.createConnection)({ port, host });
        let reply = '';
        const done = (text) => {
            sock.destroy();
            resolve(text);
        };
        sock.setTimeout(timeoutMs, () => done(''));
        sock.once('error', () => done(''));
        sock.once('connect', () => sock.write(`${command}\r\n`));
        sock.on('data', (d) => {
            reply = (reply + d.toString()).slice(-16_000);
            if (until.test(reply))
                done(reply);
        });
    });
}
/** True when redis answers +PONG within timeoutMs. */
async function redisPing(port, host = '127.0.0.1', timeoutMs = 500) {
    return (await redisCommand(port, 'PING', host, timeoutMs)).startsWith('+PONG');
}
const PORT_ATTEMPTS = 5;
/** redis-server as a child process; without persistence a restart loses every key, the failure the lab shows. */
class RedisServer {
    port;
    binary;
    persistence;
    dir;
    child;
    output = '';
    /** Output of the current spawn only: an earlier attempt's bind error is not this one's. */
    attempt = '';
    constructor(port, binary, persistence, dir) {
        this.port = port;
        this.binary = binary;
        this.persistence = persistence;
        this.dir = dir;
    }
    /** Accepts a bare port for older callers. */
    static async start(opts = {}) {
        const o = typeof opts === 'number' ? { port: opts } : opts;
        const persistence = o.persistence ?? 'none';
        if (persistence === 'aof' && !o.dir)
            throw new Error('redis persistence aof needs a directory for its file');
        if (o.dir)
            (0, node_fs_1.mkdirSync)(o.dir, { recursive: true });
        const server = new RedisServer(o.port || (await (0, free_port_1.freePort)()), (0, find_binary_1.requireBinary)('redis-server', 'redis-server'), persistence, o.dir);
        for (let attempt = 1;; attempt += 1) {
            try {
                await server.spawn();
                return server;
            }
            catch (err) {
                if (!server.lostPort() || o.port || attempt >= PORT_ATTEMPTS)
                    throw err;
                server.port = await (0, free_port_1.freePort)();
            }
        }
    }
    get url() {
        return `redis://127.0.0.1:${this.port}`;
    }
    get pid() {
        return this.running ? this.child?.pid : undefined;
    }
    get running() {
        return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
    }
    logs() {
        return this.output;
    }
    lostPort() {
        return /Address already in use/i.test(this.attempt);
    }
    args() {
        const base = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no', '--loglevel', 'warning'];
        if (this.persistence === 'aof')
            return [...base, '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always'];
        return [...base, '--appendonly', 'no', ...(this.dir ? ['--dir', this.dir] : [])];
    }
    async spawn() {
        const child = (0, node_child_process_1.spawn)(this.binary, this.args(), { stdio: ['ignore', 'pipe', 'pipe'] });
        this.child = child;
        this.attempt = '';
        const keep = (d) => {
            this.output = (this.output + d.toString()).slice(-20_000);
            this.attempt = (this.attempt + d.toString()).slice(-4_000);
        };
        child.stdout?.on('data', keep);
        child.stderr?.on('data', keep);
        child.on('error', (err) => keep(Buffer.from(`spawn failed: ${err.message}\n`)));
        // 'close' rather than 'exit': the bind error is in the output that follows.
        const exited = new Promise((_, reject) => child.once('close', () => reject(new Error(`redis-server exited: ${this.exitReason()}`))));
        const up = (0, wait_1.waitFor)(`redis-server (pid ${child.pid}) to answer on port ${this.port}`, () => !this.running || this.answersAsChild(child.pid), {
            timeoutMs: 15_000,
        });
        try {
            await Promise.race([up, exited]);
            if (!this.running)
                await exited; // the poll ended because it exited: report why
        }
        catch (err) {
            await this.kill();
            throw err;
        }
        finally {
            up.catch(() => undefined);
            exited.catch(() => undefined);
        }
    }
    exitReason() {
        return this.lostPort() ? `port ${this.port} is in use by another process` : this.output.trim();
    }
    /** True when the server on the port is this child: INFO names its process id. */
    async answersAsChild(pid) {
        const info = await redisCommand(this.port, 'INFO server', '127.0.0.1', 500, /process_id:\d+\r\n/);
        const m = /process_id:(\d+)/.exec(info);
        if (m && Number(m[1]) !== pid)
            throw new Error(`port ${this.port} is answered by another redis (pid ${m[1]})`);
        return !!m;
    }
    /** SIGSTOP: connections stay open, nothing answers. */
    pause() {
        this.child?.kill('SIGSTOP');
    }
    resume() {
        this.child?.kill('SIGCONT');
    }
    /** SIGKILL and wait until it is gone. */
    async kill() {
        const child = this.child;
        if (!child || !this.running)
            return;
        const exited = new Promise((r) => child.once('exit', () => r()));
        child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
    }
    /** Same port; the data survive only with `aof` (every write is already on disk). */
    async restart() {
        await this.kill();
        await this.spawn();
    }
    async stop() {
        await this.kill();
    }
    async [Symbol.asyncDispose]() {
        await this.stop();
    }
}
exports.RedisServer = RedisServer;
/** The AOF directory of a topology's run dir. */
function redisDataDir(runDir) {
    return (0, node_path_1.join)(runDir, 'redis');
}
//# sourceMappingURL=redis-server.js.map