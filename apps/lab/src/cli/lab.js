"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.labAlive = exports.NO_LAB = void 0;
exports.cleanStale = cleanStale;
exports.findLab = findLab;
exports.fetchStatus = fetchStatus;
const control_client_1 = require("./control-client");
const output_1 = require("./output");
const pids_1 = require("./pids");
const state_1 = require("./state");
exports.NO_LAB = 'no lab is running — start one with `npm run lab -- up`';
/**
 * The supervisor died without tearing down (SIGKILL, crash): its children may
 * still hold ports. Kill what it recorded and forget it.
 */
function cleanStale(dir, state) {
    const killed = (0, pids_1.killAll)(state.child_pids ?? [], state.pid_starts);
    (0, state_1.removeState)(dir, state.pid);
    return killed;
}
const labAlive = (state) => (0, pids_1.sameProcess)(state.pid, state.pid_starts);
exports.labAlive = labAlive;
/** The live lab of this directory, or a one-line error saying there is none. */
function findLab(io) {
    const dir = (0, state_1.stateDir)(io.env, io.cwd);
    const state = (0, state_1.readState)(dir);
    if (!state)
        throw new output_1.CliError(exports.NO_LAB);
    if (!(0, exports.labAlive)(state)) {
        cleanStale(dir, state);
        throw new output_1.CliError(`${exports.NO_LAB} (the lab with pid ${state.pid} is gone; its leftovers were cleaned up)`);
    }
    return { dir, state, control: new control_client_1.ControlClient(state.control_url) };
}
function fetchStatus(lab) {
    return lab.control.get('/api/status', 15_000);
}
//# sourceMappingURL=lab.js.map