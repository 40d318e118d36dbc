"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProcessTopology = void 0;
exports.startProcessTopology = startProcessTopology;
// The `process` driver: replicas are child processes of the built cart-api
// on loopback ports they bind themselves, nginx is the machine's binary with
// a config rendered into a private run dir, Redis the machine's redis-server.
// Only what needs processes lives here; the rules are in TopologyCore.
const node_crypto_1 = require("node:crypto");
const node_path_1 = require("node:path");
const nginx_1 = require("../../../nginx");
const find_binary_1 = require("../../../util/find-binary");
const reaper_1 = require("../../../util/reaper");
const run_dir_1 = require("../../../util/run-dir");
const errors_1 = require("../../errors");
const core_1 = require("../../core");
const names_1 = require("../../names");
const paths_1 = require("../../paths");
const nginx_front_1 = require("./nginx-front");
const redis_server_1 = require("./redis-server");
const replica_1 = require("./replica");
async function startProcessTopology(opts) {
    const count = (0, core_1.checkReplicaCount)(opts.replicas ?? 3);
    // Everything that can be missing is checked before anything is started.
    const entry = (0, paths_1.cartApiEntry)();
    if ((opts.balancer ?? 'nginx') !== 'nginx') {
        throw new errors_1.TopologyError('invalid-argument', `the process driver runs only the nginx balancer yet, not ${opts.balancer}`);
    }
    (0, nginx_1.nginxBinary)();
    if (opts.store === 'redis')
        (0, find_binary_1.requireBinary)('redis-server', 'redis-server');
    const topo = new ProcessTopology(opts, entry, await (0, run_dir_1.makeOwnedRunDir)());
    try {
        await topo.boot(count);
    }
    catch (err) {
        await topo.down().catch(() => undefined);
        throw err;
    }
    return topo;
}
class ProcessTopology extends core_1.TopologyCore {
    opts;
    entry;
    runDir;
    driver = 'process';
    /** Every replica ever started, removed ones included: their logs stay available as evidence. */
    replicas = new Map();
    secret;
    persistence;
    nginx;
    redis;
    redisNow = 'stopped';
    untrack;
    constructor(opts, entry, 
    /** Private directory with the nginx config, nginx logs and `appN.log`. */
    runDir) {
        super(opts);
        this.opts = opts;
        this.entry = entry;
        this.runDir = runDir;
        this.secret = opts.sessionSecret ?? (0, node_crypto_1.randomBytes)(24).toString('hex');
        this.persistence = opts.redisPersistence ?? 'none';
        this.untrack = (0, reaper_1.trackPids)(() => this.pids(), runDir);
    }
    get url() {
        if (!this.nginx)
            throw new Error('topology is not up');
        return this.nginx.url;
    }
    /** Every live pid the topology owns (replicas, nginx master, redis-server). */
    pids() {
        return [...[...this.replicas.values()].map((r) => r.pid), this.nginx?.pid, this.redis?.pid];
    }
    async boot(count) {
        if (this.store === 'redis') {
            this.redis = await redis_server_1.RedisServer.start({ persistence: this.persistence, dir: (0, redis_server_1.redisDataDir)(this.runDir) });
            this.redisNow = 'running';
        }
        await this.bootReplicas(count);
        this.nginx = await (0, nginx_front_1.startNginxFront)({
            strategy: this.strategy,
            runDir: this.runDir,
            port: this.opts.port,
            replicas: this.upstreams(this.balancerEntries()),
            proxyReadTimeout: this.opts.proxyReadTimeout,
        });
    }
    async logs() {
        const out = {
            nginx: this.nginx?.errorLog() ?? '',
            'nginx-access': this.nginx?.accessLog() ?? '',
        };
        if (this.redis)
            out.redis = this.redis.logs();
        for (const name of [...this.replicas.keys()].sort(names_1.byReplicaIndex))
            out[name] = this.replicas.get(name).logs();
        return out;
    }
    async nginxConfig() {
        return this.nginx?.config() ?? '';
    }
    statusRest() {
        const nginx = this.nginx;
        return {
            redis: this.redis ? { url: this.redis.url, state: this.redisNow, persistence: this.persistence } : undefined,
            nginx: {
                version: nginx.version,
                sticky: this.strategy === 'sticky-cookie' ? nginx.stickyMode : 'n/a',
                state: nginx.state,
                pid: nginx.pid,
            },
        };
    }
    async createReplica(name) {
        // A name that comes back (scale 2 → 3) is the same replica: same port, same log.
        let replica = this.replicas.get(name);
        if (!replica) {
            replica = new replica_1.ReplicaProcess({
                name,
                entry: this.entry,
                env: this.replicaEnv(),
                logFile: (0, node_path_1.join)(this.runDir, `${name}.log`),
                readyTimeoutMs: this.opts.readyTimeoutMs,
            });
            this.replicas.set(name, replica);
        }
        if (!replica.alive)
            await replica.start();
    }
    replicaOp(name, op) {
        return this.replicas.get(name)[op]();
    }
    async retireReplica(name, how) {
        const replica = this.replicas.get(name);
        if (how === 'discard')
            await replica?.kill();
        else
            await replica?.stop();
    }
    replicaState(name) {
        return this.replicas.get(name).state;
    }
    replicaDetails(name) {
        const r = this.replicas.get(name);
        return { url: r.url, pid: r.pid, port: r.port };
    }
    async applyBalancer(entries) {
        if (!this.nginx)
            throw new Error('topology is not up');
        await this.nginx.reload(this.upstreams(entries));
    }
    async balancerOp(op) {
        throw new errors_1.TopologyError('illegal-transition', `the process driver cannot ${op} the balancer yet`);
    }
    redisState() {
        return this.redis ? this.redisNow : undefined;
    }
    async redisOp(op) {
        const redis = this.redis;
        if (op === 'pause')
            redis.pause();
        if (op === 'resume')
            redis.resume();
        if (op === 'restart') {
            this.redisNow = 'stopped';
            await redis.restart();
        }
        this.redisNow = op === 'pause' ? 'paused' : 'running';
    }
    async teardown() {
        const errors = [];
        const attempt = async (what, fn, fallbackPid) => {
            try {
                await fn();
            }
            catch (err) {
                if (fallbackPid)
                    (0, reaper_1.killTreeNow)(fallbackPid);
                errors.push(new Error(`${what}: ${err instanceof Error ? err.message : String(err)}`));
            }
        };
        const reps = [...this.replicas.values()];
        await Promise.all(reps.map((r) => attempt(`kill ${r.name}`, () => r.kill(), r.pid)));
        reps.forEach((r) => r.close());
        if (this.nginx)
            await attempt('stop nginx', () => this.nginx.kill(), this.nginx.pid);
        if (this.redis)
            await attempt('stop redis', () => this.redis.stop(), this.redis.pid);
        this.redisNow = 'stopped';
        this.untrack();
        await attempt('remove run dir', () => (0, run_dir_1.removeRunDir)(this.runDir));
        if (errors.length)
            throw new AggregateError(errors, `teardown of ${this.runDir}: ${errors.map(String).join('; ')}`);
    }
    replicaEnv() {
        return {
            SESSION_STORE: this.store,
            ...(this.redis ? { REDIS_URL: this.redis.url } : {}),
            SESSION_SECRET: this.secret,
            SESSION_TTL_SECONDS: String(this.opts.sessionTtlSeconds ?? 1800),
            LOG_LEVEL: 'info',
            ...this.opts.env,
        };
    }
    upstreams(entries) {
        return entries.map(({ name, down }) => ({ name, host: '127.0.0.1', port: this.replicas.get(name).port, down }));
    }
}
exports.ProcessTopology = ProcessTopology;
//# sourceMappingURL=process-topology.js.map