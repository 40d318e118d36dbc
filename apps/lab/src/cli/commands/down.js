"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.down = void 0;
const wait_1 = require("../../util/wait");
const args_1 = require("../args");
const control_client_1 = require("../control-client");
const lab_1 = require("../lab");
const output_1 = require("../output");
const pids_1 = require("../pids");
const state_1 = require("../state");
// Teardown stops every replica gracefully; bounded so a wedged supervisor
// cannot make `down` hang: past this, everything gets SIGKILL. One whose
// control API does not even answer gets less patience.
const NOTHING = 'nothing to stop: no lab is running here';
const TEARDOWN_TIMEOUT_MS = { api: 90_000, signal: 15_000 };
async function askToStop(state) {
    try {
        await new control_client_1.ControlClient(state.control_url).post('/api/down', undefined, 10_000);
        return 'api';
    }
    catch {
        // unreachable or still starting: the supervisor handles SIGTERM the same way
        if ((0, lab_1.labAlive)(state))
            process.kill(state.pid, 'SIGTERM');
        return 'signal';
    }
}
async function waitGone(pid, timeoutMs) {
    try {
        await (0, wait_1.waitFor)(`lab supervisor pid ${pid} to exit`, () => (0, pids_1.pidGone)(pid), { timeoutMs, intervalMs: 100 });
        return true;
    }
    catch {
        return false;
    }
}
exports.down = {
    name: 'down',
    summary: 'tear the running lab down and wait until every process is gone',
    usage: 'down [--json]',
    async run(argv, io) {
        const { values } = (0, args_1.parseCommand)(argv, {}, { min: 0, max: 0 });
        const dir = (0, state_1.stateDir)(io.env, io.cwd);
        const state = (0, state_1.readState)(dir);
        // idempotent, like `docker compose down`: `trap 'npm run lab -- down' EXIT` must not fail once the lab is gone
        if (!state) {
            if (values.json)
                (0, output_1.printJson)(io, { ok: true, stopped: false, message: NOTHING });
            else
                io.out(NOTHING);
            return 0;
        }
        let result;
        if (!(0, lab_1.labAlive)(state)) {
            result = { pid: state.pid, via: 'already gone', forced: (0, lab_1.cleanStale)(dir, state) };
        }
        else {
            // the supervisor knows its children best while it lives
            const live = (0, pids_1.descendants)(state.pid);
            const starts = { ...state.pid_starts, ...(0, pids_1.startTicks)(live) };
            const known = [...state.child_pids, ...live];
            const via = await askToStop(state);
            const exited = await waitGone(state.pid, TEARDOWN_TIMEOUT_MS[via]);
            const latest = (0, state_1.readState)(dir);
            if (latest?.pid === state.pid) {
                known.push(...latest.child_pids);
                Object.assign(starts, latest.pid_starts);
            }
            const forced = (0, pids_1.killAll)([...(exited ? [] : [state.pid]), ...known], starts);
            result = { pid: state.pid, via: exited ? via : 'SIGKILL after timeout', forced };
        }
        (0, state_1.removeState)(dir);
        if (values.json)
            (0, output_1.printJson)(io, { ok: true, stopped: true, ...result });
        else
            io.out(describe(result));
        return 0;
    },
};
function describe({ pid, via, forced }) {
    const head = via === 'already gone'
        ? `the lab (pid ${pid}) was already gone`
        : via === 'SIGKILL after timeout'
            ? `lab down: the supervisor (pid ${pid}) did not exit in time`
            : `lab down (supervisor pid ${pid} exited)`;
    return forced.length ? `${head}; killed ${forced.length} leftover process(es): ${forced.join(' ')}` : head;
}
//# sourceMappingURL=down.js.map