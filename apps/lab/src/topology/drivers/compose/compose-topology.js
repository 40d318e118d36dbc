"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ComposeTopology = void 0;
// The `compose` driver: the repository's compose files plus a generated
// per-run override, driven through the Compose CLI under a unique project
// name. nginx is started once and only re-rendered in place afterwards, so
// its published port, and `url`, never change. Only what needs Docker lives
// here; names, ordering, waits and refusals are TopologyCore's.
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const free_port_1 = require("../../../util/free-port");
const run_dir_1 = require("../../../util/run-dir");
const wait_1 = require("../../../util/wait");
const errors_1 = require("../../errors");
const core_1 = require("../../core");
const names_1 = require("../../names");
const paths_1 = require("../../paths");
const cli_1 = require("./cli");
const c = __importStar(require("./commands"));
const http_1 = require("./http");
const override_1 = require("./override");
const ps_1 = require("./ps");
const BUILD_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 60_000;
class ComposeTopology extends core_1.TopologyCore {
    project;
    root;
    runDir;
    driver = 'compose';
    /** Every replica ever created, removed ones included (their logs stay evidence). */
    replicas = new Map();
    extraEnv;
    projectEnv;
    persistence;
    model;
    nginxPort = 0;
    redisNow = 'stopped';
    nginxVersion;
    /** Which sticky form the loaded config uses; cleared by every re-render. */
    sticky;
    /** Bumped on every re-render; nginx serves it at /__lab/generation. */
    generation = 0;
    /** `up` calls one at a time: parallel ones race on the project's network and override file. */
    upQueue = Promise.resolve();
    snapshot;
    closed = false;
    onExit = () => this.downNow();
    constructor(project, root, runDir, opts) {
        super(opts);
        this.project = project;
        this.root = root;
        this.runDir = runDir;
        this.persistence = opts.redisPersistence ?? 'none';
        this.extraEnv = {
            ...(opts.sessionTtlSeconds ? { SESSION_TTL_SECONDS: String(opts.sessionTtlSeconds) } : {}),
            ...(opts.env ?? {}),
        };
        const count = opts.replicas ?? 3;
        this.projectEnv = c.projectEnv({
            strategy: opts.strategy,
            replicas: Array.from({ length: count }, (_, i) => `app${i + 1}`),
            down: [],
            sessionSecret: opts.sessionSecret ?? (0, node_crypto_1.randomBytes)(24).toString('hex'),
            port: opts.port,
        });
    }
    static async start(opts, cli, root = (0, paths_1.repoRoot)()) {
        const count = (0, core_1.checkReplicaCount)(opts.replicas ?? 3);
        const runDir = await (0, run_dir_1.makeRunDir)('sticky-lab-compose-');
        const override = (0, node_path_1.join)(runDir, 'docker-compose.lab.json');
        const files = [...c.composeFiles(opts.store, opts.redisPersistence).map((f) => (0, node_path_1.join)(root, f)), override];
        const t = new ComposeTopology({ cli, name: c.projectName(), files }, root, runDir, opts);
        process.once('exit', t.onExit);
        try {
            await t.boot(count);
            return t;
        }
        catch (err) {
            const evidence = await t.logs().catch(() => ({}));
            await t.down().catch(() => undefined);
            throw Object.assign(err, { evidence });
        }
    }
    /** The Compose project (`-p`): every container and network carries it as a label. */
    get projectName() {
        return this.project.name;
    }
    get url() {
        return `http://127.0.0.1:${this.nginxPort}`;
    }
    compose(args, timeoutMs) {
        return (0, cli_1.run)([this.project.cli[0], ...c.composeArgv(this.project, ...args)], { cwd: this.root, env: this.projectEnv, timeoutMs });
    }
    async boot(count) {
        // Every compose call names the override file: it exists before the first one.
        await this.writeOverride();
        if (this.store === 'redis') {
            await this.compose(c.upArgs(['redis']));
            await this.untilRedisAnswers();
        }
        // One build, one image id for every replica (app1 carries the build section).
        await this.compose(['build', 'app1'], BUILD_TIMEOUT_MS);
        await this.bootReplicas(count);
        await this.compose(c.upArgs(['nginx']));
        this.nginxPort = c.parsePort((await this.compose(c.portArgs('nginx', c.NGINX_PORT))).stdout);
        await (0, wait_1.waitFor)('nginx to answer through its published port', async () => (await (0, http_1.getText)(`${this.url}${c.GENERATION_PATH}`)) !== null, {
            timeoutMs: READY_TIMEOUT_MS,
            intervalMs: 250,
        });
    }
    // ---- replicas -----------------------------------------------------------------
    async createReplica(name) {
        // A fixed host port (picked free now) so `start` after a stop brings the replica back on the same URL.
        const r = { instance: (0, node_crypto_1.randomBytes)(8).toString('hex'), starting: true, hostPort: await (0, free_port_1.freePort)() };
        this.replicas.set(name, r);
        await this.serialUp(async () => {
            await this.writeOverride();
            // Recreated when it existed (a name that comes back): a fresh container with a fresh INSTANCE_ID.
            await this.compose(c.upArgs([name]));
        });
        await this.awaitReady(name, r);
    }
    serialUp(fn) {
        const next = this.upQueue.catch(() => undefined).then(fn);
        this.upQueue = next;
        return next;
    }
    async replicaOp(name, op) {
        const r = this.replicas.get(name);
        if (op === 'stop') {
            r.intent = 'stop';
            await this.compose(c.stopArgs(name));
        }
        else if (op === 'kill') {
            r.intent = 'kill';
            await this.compose(c.killArgs(name));
            await (0, wait_1.waitFor)(`${name} to be gone after SIGKILL`, async () => (await this.containerState(name)) === 'killed', { timeoutMs: 30_000, intervalMs: 200 });
        }
        else if (op === 'pause') {
            await this.compose(c.pauseArgs(name));
        }
        else if (op === 'resume') {
            await this.compose(c.unpauseArgs(name));
        }
        else {
            await this.restart(name, r);
        }
    }
    async restart(name, r) {
        r.intent = undefined;
        r.starting = true;
        const before = r.address;
        await this.compose(c.startArgs(name));
        await this.awaitReady(name, r);
        // A restarted container may have a new address: point nginx at it.
        if (r.address !== before)
            await this.applyBalancer(this.balancerEntries());
    }
    async retireReplica(name, how) {
        const r = this.replicas.get(name);
        if (r)
            r.intent = 'stop';
        // Kept (stopped) for its logs; a failed add leaves nothing behind.
        await this.compose(how === 'stop' ? c.stopArgs(name) : c.removeArgs(name));
    }
    async replicaState(name) {
        if (this.replicas.get(name)?.starting)
            return 'starting';
        return this.containerState(name);
    }
    async containerState(name) {
        return (0, ps_1.stateOf)((await this.containers()).get(name), this.replicas.get(name)?.intent);
    }
    /** One `docker ps` shared by every caller while it runs (status() asks for each replica at once). */
    containers() {
        this.snapshot ??= (0, cli_1.run)(['docker', ...(0, ps_1.psArgs)(this.project.name)])
            .then(({ stdout }) => (0, ps_1.parsePs)(stdout))
            .finally(() => (this.snapshot = undefined));
        return this.snapshot;
    }
    replicaDetails(name) {
        const port = this.replicas.get(name)?.port;
        // No pid: the process is the engine's, inside the container's namespace.
        return { url: port ? `http://127.0.0.1:${port}` : '', port, pid: undefined };
    }
    /** Reads the replica's (possibly new) host port and address, and waits until this container answers ready. */
    async awaitReady(name, r) {
        try {
            r.port = c.parsePort((await this.compose(c.portArgs(name, c.APP_PORT))).stdout);
            const id = (await this.containers()).get(name)?.id;
            if (!id)
                throw new Error(`${name} has no container`);
            r.address = c.parseAddress((await (0, cli_1.run)(['docker', ...c.inspectAddressArgs(id)])).stdout);
            const url = `http://127.0.0.1:${r.port}`;
            await (0, wait_1.waitFor)(`${name} (instance ${r.instance}) to be ready on ${url}`, async () => (await (0, http_1.readyInstance)(url)) === r.instance, {
                timeoutMs: READY_TIMEOUT_MS,
                intervalMs: 250,
            });
        }
        finally {
            r.starting = false;
        }
    }
    async writeOverride() {
        const names = [...this.replicas.keys()].sort(names_1.byReplicaIndex);
        if (names.some((n) => !c.DEFINED_REPLICAS.includes(n)) && !this.model)
            this.model = await this.resolveModel();
        const instances = Object.fromEntries([...this.replicas].map(([n, r]) => [n, r.instance]));
        const hostPorts = Object.fromEntries([...this.replicas].map(([n, r]) => [n, r.hostPort]));
        const body = (0, override_1.overrideFile)({ replicas: names, defined: c.DEFINED_REPLICAS, model: this.model, env: this.extraEnv, instances, hostPorts });
        await (0, promises_1.writeFile)(this.overridePath(), JSON.stringify(body, null, 2));
    }
    overridePath() {
        return this.project.files[this.project.files.length - 1];
    }
    /** app1 as Compose itself resolves it (merges, anchors, paths): the model for added replicas. */
    async resolveModel() {
        const definedOnly = { replicas: c.DEFINED_REPLICAS, defined: c.DEFINED_REPLICAS, env: this.extraEnv };
        await (0, promises_1.writeFile)(this.overridePath(), JSON.stringify((0, override_1.overrideFile)(definedOnly)));
        const config = JSON.parse((await this.compose(c.configJsonArgs())).stdout);
        const model = config.services?.app1;
        if (!model)
            throw new Error('docker compose config has no app1 service to copy');
        return model;
    }
    // ---- nginx ---------------------------------------------------------------------
    /** Re-renders and reloads nginx in place; resolves once a request is served by the new config. */
    async applyBalancer(entries) {
        const generation = this.generation + 1;
        const addresses = Object.fromEntries(entries.flatMap((e) => {
            const a = this.replicas.get(e.name)?.address;
            return a ? [[e.name, a]] : [];
        }));
        this.sticky = undefined;
        await this.compose(c.nginxRerenderArgs({
            strategy: this.strategy,
            replicas: entries.map((e) => e.name),
            down: entries.filter((e) => e.down).map((e) => e.name),
            generation,
            addresses,
        }));
        this.generation = generation;
        // Old workers finish their requests on the old config: poll until a new one answers.
        await (0, wait_1.waitFor)(`nginx to serve config generation ${generation}`, async () => {
            return (await (0, http_1.getText)(`${this.url}${c.GENERATION_PATH}`))?.trim() === String(generation);
        }, { timeoutMs: 20_000, intervalMs: 100 });
    }
    async nginxConfig() {
        return (await this.compose(c.execArgs('nginx', ['nginx', '-T']))).stdout;
    }
    async statusRest() {
        const nginx = (await this.containers()).get('nginx');
        const state = nginx?.state === 'running' ? 'running' : 'dead';
        if (state === 'running') {
            this.nginxVersion ??= c.parseNginxVersion((await this.compose(c.execArgs('nginx', ['nginx', '-v']))).stderr);
            if (this.strategy === 'sticky-cookie')
                this.sticky ??= c.stickyKind(this.strategy, await this.nginxConfig());
        }
        return {
            redis: this.store === 'redis' ? { url: 'redis://redis:6379', state: this.redisNow, persistence: this.persistence } : undefined,
            nginx: { version: this.nginxVersion ?? 'unknown', sticky: this.strategy === 'sticky-cookie' ? (this.sticky ?? 'portable') : 'n/a', state },
        };
    }
    // ---- redis ---------------------------------------------------------------------
    async balancerOp(op) {
        throw new errors_1.TopologyError('illegal-transition', `the compose driver cannot ${op} the balancer yet`);
    }
    redisState() {
        return this.store === 'redis' ? this.redisNow : undefined;
    }
    async redisOp(op) {
        if (op === 'pause') {
            await this.compose(c.pauseArgs('redis'));
            this.redisNow = 'paused';
            return;
        }
        if (op === 'resume' || this.redisNow === 'paused')
            await this.compose(c.unpauseArgs('redis'));
        if (op === 'restart') {
            this.redisNow = 'stopped';
            // Without persistence (`--save "" --appendonly no`) the restarted server is empty; with `aof` it reloads its file.
            await this.compose(c.restartArgs('redis'));
            await this.untilRedisAnswers();
        }
        this.redisNow = 'running';
    }
    async untilRedisAnswers() {
        await (0, wait_1.waitFor)('redis to answer PING', async () => {
            const r = await this.compose(c.execArgs('redis', ['redis-cli', 'ping']), 10_000).catch(() => ({ stdout: '' }));
            return r.stdout.trim() === 'PONG';
        }, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 250 });
        this.redisNow = 'running';
    }
    // ---- evidence and teardown ------------------------------------------------------
    async logs() {
        const out = {};
        const containers = await this.containers().catch(() => new Map());
        const services = ['nginx', ...(this.store === 'redis' ? ['redis'] : []), ...[...this.replicas.keys()].sort(names_1.byReplicaIndex)];
        for (const service of services) {
            const id = containers.get(service)?.id;
            if (!id)
                continue;
            const { stdout, stderr } = await (0, cli_1.run)(['docker', 'logs', '--tail', '5000', id]).catch((e) => ({
                stdout: e.stdout ?? '',
                stderr: e.stderr || `(logs unavailable: ${e.message})`,
            }));
            // The nginx image sends the access log to stdout and the error log to stderr.
            if (service === 'nginx')
                Object.assign(out, { nginx: stderr, 'nginx-access': stdout });
            else
                out[service] = stdout + stderr;
        }
        return out;
    }
    async teardown() {
        if (this.closed)
            return;
        this.closed = true;
        process.removeListener('exit', this.onExit);
        try {
            await this.compose(c.downArgs());
        }
        finally {
            this.redisNow = 'stopped';
            await (0, run_dir_1.removeRunDir)(this.runDir);
        }
    }
    /** Last resort when the lab exits without down(): synchronous, bounded. */
    downNow() {
        if (this.closed)
            return;
        this.closed = true;
        try {
            const argv = c.composeArgv(this.project, ...c.downArgs());
            (0, node_child_process_1.execFileSync)(this.project.cli[0], argv, { cwd: this.root, env: { ...process.env, ...this.projectEnv }, timeout: 60_000, stdio: 'ignore' });
        }
        catch {
            // nothing more can be done while exiting
        }
    }
}
exports.ComposeTopology = ComposeTopology;
//# sourceMappingURL=compose-topology.js.map