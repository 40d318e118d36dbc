"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ComposeCommandError = exports.ComposeUnavailableError = void 0;
exports.run = run;
exports.findComposeCli = findComposeCli;
exports.requireCompose = requireCompose;
exports.composeUnavailableReason = composeUnavailableReason;
// Finding and running the Compose CLI. Every call is bounded by a timeout;
// the output is kept for error messages (the evidence when something fails).
const node_child_process_1 = require("node:child_process");
/** No Docker engine answers, or no Compose CLI is installed: callers skip with this message. */
class ComposeUnavailableError extends Error {
    constructor(reason) {
        super(`compose driver unavailable: ${reason}`);
        this.name = 'ComposeUnavailableError';
    }
}
exports.ComposeUnavailableError = ComposeUnavailableError;
class ComposeCommandError extends Error {
    argv;
    stdout;
    stderr;
    constructor(argv, stdout, stderr, cause) {
        super(`${argv.join(' ')} failed (${cause}): ${firstLines(stderr || stdout)}`);
        this.argv = argv;
        this.stdout = stdout;
        this.stderr = stderr;
        this.name = 'ComposeCommandError';
    }
}
exports.ComposeCommandError = ComposeCommandError;
function firstLines(s, n = 6) {
    return s.trim().split('\n').slice(0, n).join(' | ');
}
function run(argv, opts = {}) {
    const [file, ...args] = argv;
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(file, args, {
            cwd: opts.cwd,
            env: { ...process.env, ...opts.env },
            timeout: opts.timeoutMs ?? 120_000,
            killSignal: 'SIGKILL',
            maxBuffer: 64 * 1024 * 1024,
        }, (err, stdout, stderr) => {
            if (!err)
                return resolve({ stdout, stderr });
            const cause = err.killed ? `timed out after ${opts.timeoutMs ?? 120_000} ms` : `exit ${err.code ?? err.signal}`;
            reject(new ComposeCommandError([...argv], stdout, stderr, cause));
        });
    });
}
function succeeds(argv, timeoutMs) {
    try {
        // `env` spelled out: left out, the child gets the process's original
        // environment, not process.env as changed since (by a test, or a caller
        // pointing PATH at another docker), so a different `docker` would answer.
        const out = (0, node_child_process_1.execFileSync)(argv[0], argv.slice(1), { env: process.env, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
        return { ok: true, output: out.toString() };
    }
    catch (err) {
        const e = err;
        return { ok: false, output: e.stderr?.toString().trim() || e.message };
    }
}
/** The Compose CLI to use, or null: the `docker compose` plugin first, then `docker-compose`. */
function findComposeCli() {
    if (succeeds(['docker', 'compose', 'version'], 10_000).ok)
        return ['docker', 'compose'];
    if (succeeds(['docker-compose', 'version'], 10_000).ok)
        return ['docker-compose'];
    return null;
}
/**
 * The Compose CLI when a Docker engine answers; otherwise throws
 * ComposeUnavailableError saying what is missing. Synchronous so a test file
 * can decide at load time whether to run or skip (and print why).
 */
function requireCompose() {
    const info = succeeds(['docker', 'info', '--format', '{{.ServerVersion}}'], 15_000);
    if (!info.ok) {
        const why = info.output.split('\n')[0] || 'docker info failed';
        throw new ComposeUnavailableError(`no Docker engine answers (docker info: ${why})`);
    }
    const cli = findComposeCli();
    if (!cli) {
        throw new ComposeUnavailableError('neither the `docker compose` plugin nor `docker-compose` is installed');
    }
    return cli;
}
/** Why the compose driver cannot run here, or null when it can. */
function composeUnavailableReason() {
    try {
        requireCompose();
        return null;
    }
    catch (err) {
        return err.message;
    }
}
//# sourceMappingURL=cli.js.map