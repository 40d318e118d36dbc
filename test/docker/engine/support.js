"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Project = exports.PREFIX = exports.ROOT = void 0;
exports.describeDocker = describeDocker;
exports.offlineEnv = offlineEnv;
exports.sh = sh;
exports.sweepProject = sweepProject;
exports.sweepLeftovers = sweepLeftovers;
exports.curl = curl;
exports.header = header;
exports.untilServing = untilServing;
// Running the repository's compose files for real, the way the README does,
// under a project name of the test's own and no fixed host port.
//
// `npm run test:docker` sets LAB_REQUIRE_DOCKER=1: with no engine a suite
// then FAILS at load. Anywhere else it is skipped, and says why.
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const cli_1 = require("../../../apps/lab/src/topology/drivers/compose/cli");
const wait_1 = require("../../../apps/lab/src/util/wait");
const skip_1 = require("../../support/skip");
exports.ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
/** Every project a test starts is named `sstest-<jest pid>-<random>`: the sweep finds the dead ones. */
exports.PREFIX = 'sstest-';
const LABEL = 'com.docker.compose.project';
/** `describe` when an engine answers; otherwise skips with the reason, or fails under test:docker. */
function describeDocker(suite) {
    const reason = (0, cli_1.composeUnavailableReason)();
    if (!reason)
        return describe;
    if (process.env.LAB_REQUIRE_DOCKER === '1')
        throw new Error(`${suite}: npm run test:docker needs a Docker engine: ${reason}`);
    (0, skip_1.noteSkip)(`${suite}: ${reason}`);
    return describe.skip;
}
/** The stand-in image settings `npm run docker:offline` wrote, when it has run. */
function offlineEnv() {
    const file = (0, node_path_1.join)(exports.ROOT, '.docker-offline.env');
    if (!(0, node_fs_1.existsSync)(file))
        return {};
    const env = {};
    for (const line of (0, node_fs_1.readFileSync)(file, 'utf8').split('\n')) {
        const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (m)
            env[m[1]] = m[2];
    }
    return env;
}
// The compose driver (test/lab/compose-driver.test.ts) reads the image
// variables from the environment, as a user's shell would after sourcing it.
for (const [k, v] of Object.entries(offlineEnv()))
    process.env[k] ??= v;
function sh(file, args, env = {}, timeoutMs = 120_000) {
    return new Promise((resolve) => {
        (0, node_child_process_1.execFile)(file, args, { cwd: exports.ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
            resolve({ stdout, stderr, code });
        });
    });
}
class Project {
    files;
    name;
    env;
    /** `name`: another view (other files) of an existing project. */
    constructor(files, env = {}, name = `${exports.PREFIX}${process.pid}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`) {
        this.files = files;
        this.name = name;
        // LAB_HTTP_PORT empty: Docker picks the host port (read with `port`).
        this.env = { ...offlineEnv(), LAB_HTTP_PORT: '', ...env };
    }
    /** `docker compose -p NAME -f … ARGS`; rejects with the output when it fails. */
    async compose(args, opts = {}) {
        const argv = ['compose', '-p', this.name, ...this.files.flatMap((f) => ['-f', f]), ...args];
        const r = await sh('docker', argv, { ...this.env, ...opts.env }, opts.timeoutMs ?? 10 * 60_000);
        if (r.code !== 0 && !opts.allowFail)
            throw new Error(`docker ${argv.join(' ')} exited ${r.code}: ${(r.stderr || r.stdout).trim().slice(-2000)}`);
        return r;
    }
    async port(service = 'nginx', containerPort = 80) {
        const out = (await this.compose(['port', service, String(containerPort)])).stdout.trim();
        const port = Number(/:(\d+)$/.exec(out)?.[1]);
        if (!(port > 0))
            throw new Error(`no host port for ${service}:${containerPort} in "${out}"`);
        return port;
    }
    /** Container names of this project (all states), from the engine itself. */
    async containers() {
        const r = await sh('docker', ['ps', '-a', '--filter', `label=${LABEL}=${this.name}`, '--format', '{{.Names}}']);
        return r.stdout.split('\n').filter(Boolean).sort();
    }
    async networks() {
        const r = await sh('docker', ['network', 'ls', '--filter', `label=${LABEL}=${this.name}`, '--format', '{{.Name}}']);
        return r.stdout.split('\n').filter(Boolean).sort();
    }
    /** Polls the engine's health status until every service is healthy (`up --wait` gives up on "unhealthy"). */
    async untilHealthy(services, timeoutMs = 120_000) {
        await (0, wait_1.waitFor)(`${services.join(', ')} to be healthy`, async () => {
            for (const s of services) {
                const id = (await this.compose(['ps', '-q', s])).stdout.trim();
                const health = id ? (await sh('docker', ['inspect', '-f', '{{.State.Health.Status}}', id])).stdout.trim() : '';
                if (health !== 'healthy')
                    return false;
            }
            return true;
        }, { timeoutMs, intervalMs: 1_000 });
    }
    /** Runs `body`; when it fails, the project's logs (nginx's error log first) join the error. */
    async withLogs(body) {
        try {
            return await body();
        }
        catch (err) {
            const logs = await this.compose(['logs', '--no-color', '--tail', '60'], { allowFail: true });
            const text = `${logs.stdout}${logs.stderr}`.split('\n').filter((l) => !/"status":200/.test(l)).slice(-80).join('\n');
            err.message += `\n--- docker compose logs (tail, 200s left out) ---\n${text}`;
            throw err;
        }
    }
    /** `down` as the docs say it, then the proof: no container, network or volume left. */
    async down(extra = []) {
        await this.compose(['down', '-v', '--remove-orphans', '-t', '3', ...extra], { allowFail: true });
        sweepProject(this.name);
    }
}
exports.Project = Project;
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
function dockerLines(args) {
    try {
        return (0, node_child_process_1.execFileSync)('docker', args, { env: process.env, timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] }).toString().split('\n').filter(Boolean);
    }
    catch {
        return [];
    }
}
/** Removes every container, network and volume carrying the project's label. */
function sweepProject(project) {
    const filter = `label=${LABEL}=${project}`;
    const ids = dockerLines(['ps', '-aq', '--filter', filter]);
    if (ids.length)
        dockerLines(['rm', '-f', '-v', ...ids]);
    const nets = dockerLines(['network', 'ls', '-q', '--filter', filter]);
    if (nets.length)
        dockerLines(['network', 'rm', ...nets]);
    const vols = dockerLines(['volume', 'ls', '-q', '--filter', filter]);
    if (vols.length)
        dockerLines(['volume', 'rm', '-f', ...vols]);
}
/** Projects left by test runs that died (their jest pid is gone): found by label, removed. */
function sweepLeftovers() {
    const projects = new Set([
        ...dockerLines(['ps', '-a', '--filter', `label=${LABEL}`, '--format', `{{.Label "${LABEL}"}}`]),
        ...dockerLines(['network', 'ls', '--filter', `label=${LABEL}`, '--format', `{{.Label "${LABEL}"}}`]),
    ]);
    const dead = [...projects].filter((p) => {
        const m = new RegExp(`^${exports.PREFIX}(\\d+)-`).exec(p);
        return m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]));
    });
    for (const p of dead)
        sweepProject(p);
    return dead;
}
/** A cookie jar as curl keeps it (the README's own commands). */
async function curl(args) {
    const r = await sh('curl', ['-s', '-S', '-i', '--max-time', '10', ...args], {}, 20_000);
    if (r.code !== 0)
        throw new Error(`curl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    const [head, ...rest] = r.stdout.split('\r\n\r\n');
    const status = Number(/^HTTP\/[\d.]+ (\d+)/.exec(head)?.[1]);
    return { status, headers: head, body: rest.join('\r\n\r\n') };
}
function header(headers, name) {
    const m = new RegExp(`^${name}:\\s*(.*?)\\s*$`, 'im').exec(headers);
    return m ? m[1] : null;
}
/** Polls through nginx until it answers 200 on `/`. */
async function untilServing(base, timeoutMs = 60_000) {
    await (0, wait_1.waitFor)(`nginx at ${base} to answer`, async () => {
        try {
            return (await curl([`${base}/`])).status === 200;
        }
        catch {
            return false;
        }
    }, { timeoutMs, intervalMs: 250 });
}
//# sourceMappingURL=support.js.map