"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOG_ENV = void 0;
exports.ensureNoLiveLab = ensureNoLiveLab;
exports.supervise = supervise;
exports.stampedIo = stampedIo;
const control_1 = require("../control");
const topology_1 = require("../topology");
const lab_1 = require("./lab");
const output_1 = require("./output");
const wait_1 = require("../util/wait");
const pids_1 = require("./pids");
const state_1 = require("./state");
const summary_1 = require("./summary");
/**
 * Refuses when a live lab owns this directory; after a dead one, kills the
 * processes it left behind and waits (bounded) until they are gone, so the
 * ports they held are free again.
 */
async function ensureNoLiveLab(dir) {
    const state = (0, state_1.readState)(dir);
    if (!state)
        return;
    if ((0, lab_1.labAlive)(state) && state.pid !== process.pid) {
        const where = [state.url, state.dashboard_url && `dashboard ${state.dashboard_url}`].filter(Boolean).join(', ');
        throw new output_1.CliError(`a lab is already running here (pid ${state.pid}${where ? `, ${where}` : ''}) — see it with \`npm run lab -- status\`, stop it with \`npm run lab -- down\``);
    }
    const killed = (0, lab_1.cleanStale)(dir, state);
    await (0, wait_1.waitFor)(`the dead lab's leftovers (${killed.join(' ')}) to exit`, () => killed.every(pids_1.pidGone), {
        timeoutMs: 10_000,
        intervalMs: 50,
    });
}
/**
 * Ctrl-C, SIGTERM (what `down` falls back to) and SIGHUP (terminal closed)
 * tear down exactly once; a second Ctrl-C exits at once, and the driver's
 * exit hook plus our own sweep SIGKILL whatever is left.
 */
function onShutdownSignal(io, request) {
    let count = 0;
    const handler = (signal) => {
        count += 1;
        if (count === 1)
            return request(signal);
        if (signal !== 'SIGINT')
            return;
        io.err('lab: second Ctrl-C, killing everything now');
        (0, pids_1.killAll)((0, pids_1.descendants)(process.pid));
        process.exit(130);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals)
        process.on(s, handler);
    return () => signals.forEach((s) => process.off(s, handler));
}
async function listenControl(port) {
    try {
        return await control_1.ControlServer.listen({ port });
    }
    catch (err) {
        if (err.code !== 'EADDRINUSE')
            throw err;
        throw new output_1.CliError(`port ${port} (control server and dashboard) is in use — pick another with --dashboard-port, or 0 for a free one`);
    }
}
/** Set by `up --detach` for the supervisor it spawns, so the state file can point at the log. */
exports.LOG_ENV = 'LAB_SUPERVISOR_LOG';
function stateOf(control, opts, status) {
    const children = (0, pids_1.descendants)(process.pid);
    return {
        pid: process.pid,
        phase: status ? 'running' : 'starting',
        control_url: control.url,
        dashboard_url: status?.dashboard_url ?? null,
        url: status?.url ?? null,
        driver: status?.driver ?? null,
        strategy: opts.strategy,
        store: opts.store,
        replicas: status?.replicas ?? [],
        started_at: control.meta().started_at,
        child_pids: children,
        pid_starts: (0, pids_1.startTicks)([process.pid, ...children]),
        log_file: process.env[exports.LOG_ENV] || null,
    };
}
/**
 * The foreground `up`: owns the topology until asked to stop (signal or
 * `POST /api/down`), publishes the state file meanwhile, and always tears
 * down before returning.
 */
async function supervise(opts, io) {
    const dir = (0, state_1.stateDir)(io.env, io.cwd);
    await ensureNoLiveLab(dir);
    let stopWhy = null;
    let wake = () => undefined;
    const stopped = new Promise((resolve) => (wake = resolve));
    const requestStop = (why) => {
        stopWhy ??= why;
        wake();
    };
    const offSignals = onShutdownSignal(io, requestStop);
    let control;
    let topology;
    try {
        control = await listenControl(opts.dashboardPort);
        await claim(dir, stateOf(control, opts, null));
        // a Ctrl-C during boot is honoured once the driver hands the topology over
        topology = await boot(opts, io);
        if (!stopWhy) {
            await publish(dir, control, topology, opts, io, () => requestStop('down requested'));
            await stopped;
        }
        io.err(`lab: ${stopWhy}: tearing down…`);
        return 0;
    }
    finally {
        await teardown(topology, control, dir, io);
        offSignals();
    }
}
async function claim(dir, state) {
    if ((0, state_1.claimState)(dir, state))
        return;
    await ensureNoLiveLab(dir);
    if (!(0, state_1.claimState)(dir, state))
        throw new output_1.CliError(`another lab is starting in ${dir}; try again in a moment`);
}
async function boot(opts, io) {
    const driver = io.env.LAB_DRIVER || undefined;
    try {
        const { strategy, store, replicas, port, redisPersistence } = opts;
        const topology = await (0, topology_1.createTopology)({ strategy, store, replicas, port, driver, ...(store === 'redis' ? { redisPersistence } : {}) });
        await refuseUnkeptPersistence(topology, opts);
        return topology;
    }
    catch (err) {
        throw new output_1.CliError(err.message);
    }
}
/** A driver that does not report the asked-for persistence would let `aof` users lose carts they were promised. */
async function refuseUnkeptPersistence(topology, opts) {
    if (opts.store !== 'redis' || opts.redisPersistence === 'none')
        return;
    const { redis, driver } = await topology.status();
    if (redis?.persistence === opts.redisPersistence)
        return;
    await topology.down();
    throw new Error(`the ${driver} driver does not report Redis persistence ${opts.redisPersistence}; not starting a lab that may lose the carts it promises to keep`);
}
async function publish(dir, control, topology, opts, io, onDown) {
    control.attach(topology, {
        onChange: (status) => (0, state_1.writeState)(dir, stateOf(control, opts, status)),
        onDown,
        log: (line) => io.err(`lab: ${line}`),
    });
    const status = { ...(await topology.status()), ...control.meta() };
    printSummary(io, status, opts.json, opts.json ? undefined : await (0, summary_1.replicaServingMe)(status));
    // last: whoever waits for `running` (up --detach, scripts) finds the summary printed
    (0, state_1.writeState)(dir, stateOf(control, opts, status));
}
function printSummary(io, status, json, served) {
    if (json)
        return (0, output_1.printJson)(io, status);
    io.out(`${(0, output_1.paint)(io, 'green', 'Sticky Sessions Lab is up')}\n\n${(0, summary_1.renderStatus)(io, status)}\n\n${(0, summary_1.walkthrough)(io, status, served)}`);
    const detached = !!process.env[exports.LOG_ENV];
    io.out(`  ${(0, output_1.paint)(io, 'gray', detached ? 'Running in the background: `npm run lab -- down` tears it all down.' : 'Ctrl-C here tears it all down.')}`);
}
/**
 * Detached, the supervisor's output is a log file: stamp every line so it
 * lines up with nginx's and the replicas' logs.
 */
function stampedIo(io) {
    const stamp = (text) => text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => `${new Date().toISOString()} ${line}`)
        .join('\n');
    return { ...io, out: (t) => io.out(stamp(t)), err: (t) => io.err(stamp(t)) };
}
async function teardown(topology, control, dir, io) {
    try {
        await control?.quiesce();
        await topology?.down();
    }
    finally {
        await control?.close();
        (0, state_1.removeState)(dir, process.pid);
        (0, pids_1.killAll)((0, pids_1.descendants)(process.pid));
    }
    if (topology)
        io.err('lab: down; every process it started is gone');
}
//# sourceMappingURL=supervisor.js.map