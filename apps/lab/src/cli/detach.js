"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.logTail = logTail;
exports.detach = detach;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const wait_1 = require("../util/wait");
const control_client_1 = require("./control-client");
const output_1 = require("./output");
const pids_1 = require("./pids");
const state_1 = require("./state");
const supervisor_1 = require("./supervisor");
// Booting N replicas + nginx (+ redis) on a loaded 2-core machine can take a
// while; a supervisor that is not ready by then is reported, not waited on.
const READY_TIMEOUT_MS = 180_000;
function supervisorArgs(opts) {
    return [
        'up',
        ...['--strategy', opts.strategy, '--store', opts.store, '--replicas', String(opts.replicas)],
        ...(opts.store === 'redis' ? ['--redis-persistence', opts.redisPersistence] : []),
        ...['--port', String(opts.port), '--dashboard-port', String(opts.dashboardPort)],
    ];
}
function logTail(path, lines = 30) {
    try {
        return (0, node_fs_1.readFileSync)(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    }
    catch {
        return '(no log)';
    }
}
/**
 * `up --detach`: the same CLI, without --detach, as a session leader whose
 * output goes to a log file; returns its status once its control server
 * answers with the topology attached.
 */
async function detach(opts, io) {
    const dir = (0, state_1.stateDir)(io.env, io.cwd);
    await (0, supervisor_1.ensureNoLiveLab)(dir);
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    const log = (0, state_1.supervisorLog)(dir);
    const fd = (0, node_fs_1.openSync)(log, 'w');
    // the built CLI itself, not a launcher that may have required it
    const entry = (0, node_path_1.join)(__dirname, '..', 'main.js');
    const child = (0, node_child_process_1.spawn)(process.execPath, [entry, ...supervisorArgs(opts)], {
        detached: true,
        stdio: ['ignore', fd, fd],
        cwd: io.cwd,
        env: { ...io.env, LAB_STATE_DIR: dir, [supervisor_1.LOG_ENV]: log, NO_COLOR: '1' },
    });
    (0, node_fs_1.closeSync)(fd);
    child.unref();
    const pid = child.pid;
    if (!pid)
        throw new output_1.CliError(`could not start the lab supervisor; log: ${log}`);
    // Ctrl-C while waiting means "never mind": the supervisor is in its own
    // session and would otherwise finish booting in the background
    const abort = () => {
        process.kill(pid, 'SIGTERM');
        io.err(`lab up: interrupted; the supervisor (pid ${pid}) is tearing down, see ${log}`);
        process.exit(130);
    };
    process.once('SIGINT', abort);
    try {
        return { ...(await waitReady(dir, pid, log)), log_file: log };
    }
    finally {
        process.off('SIGINT', abort);
    }
}
async function waitReady(dir, pid, log) {
    const dead = () => new output_1.CliError(`the lab supervisor (pid ${pid}) exited during start; its log (${log}):\n${logTail(log)}`);
    let outcome;
    try {
        outcome = await (0, wait_1.waitFor)('the lab supervisor to be ready', async () => {
            if ((0, pids_1.pidGone)(pid))
                return 'dead';
            const state = (0, state_1.readState)(dir);
            if (state?.pid !== pid || state.phase !== 'running')
                return null;
            return new control_client_1.ControlClient(state.control_url).get('/api/status', 5_000);
        }, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 200 });
    }
    catch (err) {
        if ((0, pids_1.pidGone)(pid))
            throw dead();
        process.kill(pid, 'SIGTERM');
        throw new output_1.CliError(`${err.message}; the supervisor (pid ${pid}) was told to stop. Log (${log}):\n${logTail(log)}`);
    }
    if (outcome === 'dead')
        throw dead();
    return outcome;
}
//# sourceMappingURL=detach.js.map